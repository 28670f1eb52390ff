// The opportunity form's checks as a table, dates, and the service on both databases: advertising once however often
// the form is sent, expressing, changing and taking back interest, the closing date closing it without any job,
// selection adding people to the group, everyone told the outcome in their language exactly once, and nothing
// reaching another organisation's opportunities.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <variant>

#include "core/clock.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "groups/group_service.hpp"
#include "http/form.hpp"
#include "opportunities/opportunity_form.hpp"
#include "opportunities/opportunity_service.hpp"
#include "organisations/organisation_routes.hpp"
#include "testing/world.hpp"

namespace roundtable::opportunities {
namespace {

using db::testing::run;
using organisations::Role;

const Date kToday{2026, 6, 15};

OpportunityForm good() {
  OpportunityForm f;
  f.title = "Share your first six months";
  f.description = "Tell us what you needed.";
  f.time_asked = "2 hours a month for 6 months";
  f.payment = "£25 an hour";
  f.day = "30";
  f.month = "6";
  f.year = "2026";
  f.audience = "public";
  f.create_key = "0123456789abcdef0123";
  return f;
}

std::string problems_of(const OpportunityForm& f, bool creating = true) {
  std::string out;
  for (const auto& p : check_opportunity(f, creating, kToday)) {
    out += (out.empty() ? "" : " ") + p.field + ":" + p.key.substr(20);
  }
  return out;
}

TEST(OpportunityForm, WhatIsWrongAndWhatIsFine) {
  auto with = [](auto change) {
    auto f = good();
    change(f);
    return f;
  };
  const struct {
    const char* what;
    OpportunityForm form;
    const char* problems;
  } cases[] = {
      {"a good form", good(), ""},
      {"closing today", with([](auto& f) { f.day = "15"; }), ""},
      {"no title", with([](auto& f) { f.title = ""; }), "title:title_missing"},
      {"a title of 120 Welsh letters", with([](auto& f) {
         f.title = "";
         for (int i = 0; i < 120; ++i) f.title += "ŵ";
       }),
       ""},
      {"a title of 121 letters", with([](auto& f) { f.title = std::string(121, 'a'); }), "title:title_long"},
      {"nothing said about it", with([](auto& f) { f.description = ""; }), "description:description_missing"},
      {"no time asked", with([](auto& f) { f.time_asked = ""; }), "time_asked:time_asked_missing"},
      {"no payment said", with([](auto& f) { f.payment = ""; }), "payment:payment_missing"},
      {"support too long", with([](auto& f) { f.support = std::string(2001, 'a'); }), "support:support_long"},
      {"no closing date", with([](auto& f) { f.day = f.month = f.year = ""; }), "closes-day:closes_missing"},
      {"30 February", with([](auto& f) {
         f.day = "30";
         f.month = "2";
         f.year = "2027";
       }),
       "closes-day:closes_real"},
      {"a two-digit year", with([](auto& f) { f.year = "27"; }), "closes-day:closes_real"},
      {"letters for a day", with([](auto& f) { f.day = "tenth"; }), "closes-day:closes_real"},
      {"yesterday", with([](auto& f) { f.day = "14"; }), "closes-day:closes_past"},
      {"an unknown audience", with([](auto& f) { f.audience = "friends"; }), "audience:audience"},
      {"no create key", with([](auto& f) { f.create_key = ""; }), "title:form_expired"},
  };
  for (const auto& c : cases) EXPECT_EQ(problems_of(c.form), c.problems) << c.what;
  // Changing one needs no create key.
  EXPECT_EQ(problems_of(with([](auto& f) { f.create_key = ""; }), false), "");
}

TEST(OpportunityForm, ReadsTrimmedAndRoundTrips) {
  auto parsed = http::parse_urlencoded(
      "title=+Join+us+&description=What&time_asked=1h&payment=None&closes-day=1&closes-month=7&closes-year=2026"
      "&audience=members&create_key=abcdefabcdefabcdef");
  ASSERT_TRUE(parsed);
  const auto form = read_opportunity(*parsed);
  EXPECT_EQ(form.title, "Join us");
  EXPECT_EQ(problems_of(form), "");
  const auto d = details_of(form);
  EXPECT_EQ(d.closes_on, "2026-07-01");
  EXPECT_EQ(d.audience, Audience::members);
  const auto again = form_of(d);
  EXPECT_EQ(again.day, "1");
  EXPECT_EQ(again.month, "7");
  EXPECT_EQ(again.audience, "members");
}

TEST(OpportunityForm, InterestNeedsWordsOrARecordingAndKeepsHelpShort) {
  EXPECT_TRUE(check_interest({"I care for my mum.", ""}).empty());
  EXPECT_EQ(check_interest({"", ""}).at(0).key, "opportunities.error.message_or_recording");
  EXPECT_EQ(check_interest({"", ""}).at(0).field, "message");
  // A recording stands in for the words, or goes with them.
  EXPECT_TRUE(check_interest({"", ""}, true).empty());
  EXPECT_TRUE(check_interest({"I care for my mum.", ""}, true).empty());
  EXPECT_EQ(check_interest({std::string(3001, 'a'), ""}).at(0).key, "opportunities.error.message_long");
  EXPECT_EQ(check_interest({std::string(3001, 'a'), ""}, true).at(0).key, "opportunities.error.message_long");
  EXPECT_EQ(check_interest({"Yes", std::string(1001, 'a')}).at(0).key, "opportunities.error.help_long");
  EXPECT_EQ(check_interest({"", std::string(1001, 'a')}, true).at(0).key, "opportunities.error.help_long");
}

TEST(OpportunityApplicants, StatusAsThePagesAndTheSpreadsheetSayIt) {
  Interest i;
  EXPECT_EQ(applicant_status(i), ApplicantStatus::interested);
  i.shortlisted = true;
  EXPECT_EQ(applicant_status(i), ApplicantStatus::shortlisted);
  i.selected = true;
  EXPECT_EQ(applicant_status(i), ApplicantStatus::selected);
  i.told_at = 1;
  EXPECT_EQ(applicant_status(i), ApplicantStatus::selected);
  i.selected = false;
  EXPECT_EQ(applicant_status(i), ApplicantStatus::not_selected) << "told, and not chosen";
  EXPECT_EQ(applicant_status_code(ApplicantStatus::not_selected), "not_selected");
}

TEST(OpportunityRecordings, AboutMesRecordingRulesNeverAPhoto) {
  const auto a = recording_allowed();
  EXPECT_FALSE(a.images);
  EXPECT_TRUE(a.audio);
  EXPECT_TRUE(a.video);
  EXPECT_EQ(a.max_audio_bytes, 25LL * 1024 * 1024);
  EXPECT_EQ(a.max_video_bytes, 50LL * 1024 * 1024);
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, '\0');
  EXPECT_TRUE(std::holds_alternative<uploads::Refusal>(uploads::prepare_file(png, "me.png", a)));
  EXPECT_EQ(std::get<uploads::Refusal>(uploads::prepare_file("", "empty.mp3", a)), uploads::Refusal::empty);
}

TEST(OpportunityDates, RealDatesAndTheStateOnADay) {
  EXPECT_TRUE(parse_date("2028-02-29"));
  EXPECT_FALSE(parse_date("2027-02-29"));
  EXPECT_FALSE(parse_date("2027-13-01"));
  EXPECT_FALSE(parse_date("2027-1-01"));
  EXPECT_EQ(date_code({2027, 3, 9}), "2027-03-09");
  EXPECT_EQ(state_on(State::open, "2026-06-15", kToday), State::open);
  EXPECT_EQ(state_on(State::open, "2026-06-14", kToday), State::closed);
  EXPECT_EQ(state_on(State::draft, "2026-06-14", kToday), State::draft);
  EXPECT_EQ(state_on(State::filled, "2026-07-14", kToday), State::filled);
}

class OpportunitiesOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    south = world->organisation("south", "South Forum");
    admin = world->member("north", "sian@example.org", "Siân", Role::org_admin);
    tom = world->member("north", "tom@example.org", "Tom", Role::facilitator);
    gareth = world->member("north", "gareth@example.org", "Gareth", Role::member,
                           {organisations::MemberType::lived_experience});
    mair = world->member("north", "mair@example.org", "Mair", Role::member);
    ngozi = world->member("north", "ngozi@example.org", "Ngozi", Role::member);
    rhys = world->member("south", "rhys@example.org", "Rhys", Role::org_admin);
    world->db->run_sync([&](soci::session& s) { s << "UPDATE users SET lang = 'cy' WHERE id = :id", soci::use(mair); });
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Newly diagnosed";
    g.purpose = "What people need.";
    g.kind = groups::Kind::project;
    g.stage = groups::Stage::discover;
    project = run(groups->create_group(north, tom, g, "project-key-12345678"));
    dir =
        std::filesystem::temp_directory_path() / ("rt-opportunities-" + std::to_string(::getpid()) + "-" + GetParam());
    std::filesystem::remove_all(dir);
    storage = std::make_shared<uploads::FolderStorage>(dir);
    uploads = std::make_unique<uploads::UploadService>(*world->db, storage);
    register_recording_access(*uploads, clock);
    service = std::make_unique<OpportunityService>(*world->db, clock, world->organisations.get(), uploads.get());
  }
  void TearDown() override {
    service.reset();
    uploads.reset();
    std::filesystem::remove_all(dir);
  }
  /// A second of quiet as a WAV file, checked and cleaned as any recording is.
  static uploads::Prepared recording() {
    std::string wav = "RIFF";
    const auto u32 = [&](unsigned v) {
      for (int i = 0; i < 4; ++i) wav.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    };
    u32(36 + 16000);
    wav += "WAVEfmt ";
    u32(16);
    wav += std::string("\x01\x00\x01\x00", 4);
    u32(8000);
    u32(16000);
    wav += std::string("\x02\x00\x10\x00", 4);
    wav += "data";
    u32(16000);
    wav += std::string(16000, '\0');
    auto prepared = uploads::prepare_file(wav, "hello.wav", recording_allowed());
    return std::get<uploads::Prepared>(prepared);
  }
  /// Who may fetch the file, as /files/ asks: a person with their memberships, or nobody signed in.
  bool hears(const std::string& public_id, std::optional<long long> who) {
    std::optional<http::Principal> viewer;
    if (who) viewer = world->db->run_sync([&](soci::session& s) { return organisations::read_principal(s, *who); });
    return run(uploads->file_for(public_id, viewer)).has_value();
  }
  std::string public_id_of(long long id, long long user) {
    const auto v = run(service->opportunity_for(north, id, user));
    return v && v->mine && v->mine->recording ? v->mine->recording->public_id : std::string();
  }
  OpportunityDetails details(const std::string& title, int days_open = 14) {
    OpportunityDetails d;
    d.title = title;
    d.description = "Tell us what you needed.";
    d.time_asked = "2 hours a month";
    d.payment = "£25 an hour";
    d.closes_on = date_code(local_date(clock.now_seconds() + days_open * 86400LL));
    d.audience = Audience::everyone;
    return d;
  }
  long long advertise(const std::string& title, int days_open = 14) {
    return run(service->create_opportunity(north, project, tom, details(title, days_open), true, "key-" + title));
  }
  bool in_group(long long user) {
    for (const auto& m : run(groups->members(project)))
      if (m.user_id == user) return true;
    return false;
  }
  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::filesystem::path dir;
  std::shared_ptr<uploads::FolderStorage> storage;
  std::unique_ptr<uploads::UploadService> uploads;
  std::unique_ptr<OpportunityService> service;
  long long north = 0, south = 0, admin = 0, tom = 0, gareth = 0, mair = 0, ngozi = 0, rhys = 0, project = 0;
};

TEST_P(OpportunitiesOnBackend, TheSameFormSentTwiceAdvertisesOnce) {
  const auto d = details("Join us");
  const long long first = run(service->create_opportunity(north, project, tom, d, false, "same-key-123456789"));
  EXPECT_EQ(run(service->create_opportunity(north, project, tom, d, false, "same-key-123456789")), first);
  EXPECT_EQ(world->count("opportunities"), 1);
  const auto v = run(service->opportunity_for(north, first, tom));
  ASSERT_TRUE(v);
  EXPECT_EQ(v->opportunity.state, State::draft);
  EXPECT_EQ(v->group_role, GroupRole::lead);
  EXPECT_EQ(v->opportunity.group_name, "Newly diagnosed");
  // A draft is not in the organisation's list until it is published.
  EXPECT_TRUE(run(service->open_opportunities(north, gareth)).empty());
  EXPECT_TRUE(run(service->open_opportunity(north, first)));
  EXPECT_FALSE(run(service->open_opportunity(north, first)));
  EXPECT_EQ(run(service->open_opportunities(north, gareth)).size(), 1u);
  // Not into a group of another organisation.
  EXPECT_EQ(run(service->create_opportunity(south, project, rhys, d, true, "south-key-123456789")), 0);
}

TEST_P(OpportunitiesOnBackend, InterestIsKeptChangedAndTakenBackWhileOpen) {
  const long long id = advertise("Join us");
  EXPECT_EQ(run(service->express_interest(north, id, gareth, "I was diagnosed last year.", "")), InterestOutcome::done);
  EXPECT_EQ(run(service->express_interest(north, id, gareth, "I was diagnosed last year, in May.", "Evenings")),
            InterestOutcome::done);
  EXPECT_EQ(world->count("opportunity_interest"), 1) << "one expression per person";
  const auto mine = run(service->opportunity_for(north, id, gareth))->mine;
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->message, "I was diagnosed last year, in May.");
  EXPECT_EQ(mine->help, "Evenings");
  EXPECT_TRUE(run(service->open_opportunities(north, gareth)).at(0).mine);
  EXPECT_TRUE(run(service->withdraw_interest(north, id, gareth)));
  EXPECT_FALSE(run(service->withdraw_interest(north, id, gareth)));
  EXPECT_EQ(world->count("opportunity_interest"), 0);
  // People in the group have their place already.
  EXPECT_EQ(run(service->express_interest(north, id, tom, "Me too", "")), InterestOutcome::in_group);
  // Someone who leaves the organisation takes their interest with them.
  EXPECT_EQ(run(service->express_interest(north, id, mair, "I care for my mum.", "")), InterestOutcome::done);
  run(world->organisations->remove_member(admin, north, mair));
  EXPECT_EQ(world->count("opportunity_interest"), 0);
}

TEST_P(OpportunitiesOnBackend, ARecordingIsKeptReplacedRemovedAndHeardOnlyByTheApplicantAndThoseWhoRunTheGroup) {
  const long long id = advertise("Share your first six months");
  // Only a recording, no words.
  EXPECT_EQ(run(service->express_interest(north, id, gareth, "", "", {.file = recording()})), InterestOutcome::done);
  auto mine = run(service->opportunity_for(north, id, gareth))->mine;
  ASSERT_TRUE(mine && mine->recording);
  EXPECT_EQ(mine->message, "");
  EXPECT_EQ(mine->recording->mime, "audio/wav");
  EXPECT_FALSE(mine->recording->video);
  const auto first = mine->recording->public_id;
  const auto people = run(service->applicants(north, id));
  ASSERT_EQ(people.size(), 1u);
  ASSERT_TRUE(people[0].recording);
  EXPECT_EQ(people[0].recording->public_id, first);
  EXPECT_EQ(world->count("uploads"), 1);

  // The applicant and the people who run the group; nobody else in the organisation, nobody outside it, and
  // nobody not signed in. Siân, an organisation admin, has no two-step sign-in here: a file cannot ask for it.
  EXPECT_TRUE(hears(first, gareth));
  EXPECT_TRUE(hears(first, tom));
  EXPECT_FALSE(hears(first, mair));
  EXPECT_FALSE(hears(first, admin));
  EXPECT_FALSE(hears(first, rhys)) << "another organisation's admin";
  EXPECT_FALSE(hears(first, std::nullopt));

  // Changing the words keeps the recording; a new one replaces it (the old file goes); ticking remove removes it.
  EXPECT_EQ(run(service->express_interest(north, id, gareth, "And in words.", "")), InterestOutcome::done);
  EXPECT_EQ(public_id_of(id, gareth), first);
  EXPECT_EQ(run(service->express_interest(north, id, gareth, "And in words.", "", {.file = recording()})),
            InterestOutcome::done);
  const auto second = public_id_of(id, gareth);
  EXPECT_NE(second, first);
  EXPECT_FALSE(second.empty());
  EXPECT_EQ(world->count("uploads"), 1);
  EXPECT_EQ(storage->keys().size(), 1u);
  EXPECT_FALSE(hears(first, gareth)) << "the replaced file is gone";
  EXPECT_EQ(run(service->express_interest(north, id, gareth, "And in words.", "", {.remove = true})),
            InterestOutcome::done);
  EXPECT_EQ(public_id_of(id, gareth), "");
  EXPECT_EQ(world->count("uploads"), 0);
  EXPECT_TRUE(storage->keys().empty());

  // Taking the interest back deletes its recording.
  EXPECT_EQ(run(service->express_interest(north, id, gareth, "", "", {.file = recording()})), InterestOutcome::done);
  const auto third = public_id_of(id, gareth);
  EXPECT_TRUE(run(service->withdraw_interest(north, id, gareth)));
  EXPECT_EQ(world->count("uploads"), 0);
  EXPECT_TRUE(storage->keys().empty());
  EXPECT_FALSE(hears(third, gareth));

  // Someone who leaves the organisation takes their interest with them; housekeeping then removes the recording's row.
  EXPECT_EQ(run(service->express_interest(north, id, mair, "", "", {.file = recording()})), InterestOutcome::done);
  const auto hers = public_id_of(id, mair);
  run(world->organisations->remove_member(admin, north, mair));
  EXPECT_FALSE(hears(hers, tom)) << "no interest holds it any more";
  EXPECT_EQ(world->db->run_sync(
                [&](soci::session& s) { return store::purge_unused_recordings(s, clock.now_seconds() - 86400); }),
            0)
      << "not before a day has passed";
  EXPECT_EQ(
      world->db->run_sync([&](soci::session& s) { return store::purge_unused_recordings(s, clock.now_seconds() + 1); }),
      1);
  EXPECT_EQ(world->count("uploads"), 0);
}

TEST_P(OpportunitiesOnBackend, TheClosingDateClosesItWithoutAnyJob) {
  const long long id = advertise("Join us", 1);
  EXPECT_EQ(run(service->express_interest(north, id, gareth, "Yes please", "")), InterestOutcome::done);
  clock.advance(std::chrono::hours(24));
  EXPECT_EQ(run(service->opportunity_for(north, id, gareth))->opportunity.state, State::open) << "open all day";
  clock.advance(std::chrono::hours(48));
  const auto v = run(service->opportunity_for(north, id, gareth));
  EXPECT_EQ(v->opportunity.state, State::closed);
  EXPECT_EQ(v->opportunity.stored, State::open);
  EXPECT_TRUE(run(service->open_opportunities(north, gareth)).empty());
  EXPECT_EQ(run(service->express_interest(north, id, mair, "Late", "")), InterestOutcome::not_open);
  EXPECT_FALSE(run(service->withdraw_interest(north, id, gareth))) << "what was sent stays once it closes";
  // The facilitators still select and tell the outcome.
  EXPECT_TRUE(run(service->mark(north, id, gareth, true, true)));
  EXPECT_TRUE(run(service->tell_outcome(north, id, tom)).done);
  // Closing early.
  const long long other = advertise("Other");
  EXPECT_TRUE(run(service->close_opportunity(north, other)));
  EXPECT_FALSE(run(service->close_opportunity(north, other)));
  EXPECT_EQ(run(service->express_interest(north, other, gareth, "Yes", "")), InterestOutcome::not_open);
}

TEST_P(OpportunitiesOnBackend, SelectionAddsPeopleToTheGroupAndEveryoneIsToldOnceInTheirLanguage) {
  const long long id = advertise("Share your first six months");
  for (long long who : {gareth, mair, ngozi}) {
    EXPECT_EQ(run(service->express_interest(north, id, who, "I would like to help.", "")), InterestOutcome::done);
  }
  EXPECT_TRUE(run(service->mark(north, id, gareth, false, true)));
  EXPECT_TRUE(run(service->mark(north, id, mair, false, true)));
  EXPECT_TRUE(run(service->mark(north, id, mair, true, true)));
  EXPECT_TRUE(run(service->mark(north, id, gareth, true, true)));
  EXPECT_TRUE(run(service->mark(north, id, gareth, true, false))) << "changed their mind";
  EXPECT_FALSE(run(service->mark(north, id, admin, true, true))) << "Siân did not apply";
  const auto people = run(service->applicants(north, id));
  ASSERT_EQ(people.size(), 3u);
  EXPECT_EQ(people[0].name, "Gareth");
  EXPECT_TRUE(people[0].shortlisted);
  EXPECT_FALSE(people[0].selected);
  ASSERT_EQ(people[0].member_types.size(), 1u);
  EXPECT_TRUE(people[1].selected);
  // Nobody joins or hears anything before the outcome is told.
  EXPECT_FALSE(in_group(mair));
  EXPECT_EQ(world->count("mail_outbox"), 0);

  const auto told = run(service->tell_outcome(north, id, tom));
  EXPECT_TRUE(told.done);
  EXPECT_EQ(told.selected, 1);
  EXPECT_EQ(told.not_selected, 2);
  EXPECT_TRUE(in_group(mair));
  EXPECT_FALSE(in_group(gareth));
  EXPECT_EQ(world->count("mail_outbox"), 3);
  EXPECT_EQ(world->count("mail_outbox WHERE to_address = 'mair@example.org' AND lang = 'cy' AND subject = 'Cawsoch "
                         "eich dewis: Share your first six months'"),
            1);
  EXPECT_EQ(world->count("mail_outbox WHERE to_address = 'gareth@example.org' AND lang = 'en' AND subject = 'Thank "
                         "you for your interest: Share your first six months'"),
            1);
  const auto v = run(service->opportunity_for(north, id, mair));
  EXPECT_EQ(v->opportunity.state, State::filled);
  ASSERT_TRUE(v->mine);
  EXPECT_TRUE(v->mine->told_at);
  EXPECT_TRUE(v->mine->selected);

  // Nobody is told twice, and nothing changes once it is filled.
  EXPECT_FALSE(run(service->tell_outcome(north, id, tom)).done);
  EXPECT_FALSE(service->tell_outcome_now(north, id, tom, clock.now_seconds()).done);
  EXPECT_EQ(world->count("mail_outbox"), 3);
  EXPECT_FALSE(run(service->mark(north, id, gareth, true, true)));
  EXPECT_FALSE(run(service->update_opportunity(north, id, details("Again"))));
  EXPECT_EQ(run(service->express_interest(north, id, rhys, "Me", "")), InterestOutcome::not_open);
}

TEST_P(OpportunitiesOnBackend, AnotherOrganisationSeesNothing) {
  const long long id = advertise("Join us");
  EXPECT_EQ(run(service->express_interest(north, id, gareth, "Yes", "")), InterestOutcome::done);
  EXPECT_FALSE(run(service->opportunity_for(south, id, rhys)));
  EXPECT_TRUE(run(service->open_opportunities(south, rhys)).empty());
  EXPECT_TRUE(run(service->applicants(south, id)).empty());
  EXPECT_EQ(run(service->express_interest(south, id, rhys, "Me", "")), InterestOutcome::not_open);
  EXPECT_EQ(run(service->express_interest(north, id, rhys, "Me", "")), InterestOutcome::not_in_organisation);
  EXPECT_FALSE(run(service->mark(south, id, gareth, true, true)));
  EXPECT_FALSE(run(service->close_opportunity(south, id)));
  EXPECT_FALSE(run(service->update_opportunity(south, id, details("Mine now"))));
  EXPECT_FALSE(run(service->tell_outcome(south, id, rhys)).done);
  EXPECT_FALSE(run(service->group_opportunities(south, project, rhys)));
  EXPECT_EQ(world->count("mail_outbox"), 0);
  // Only its public page names it, under its own organisation.
  EXPECT_TRUE(run(service->public_opportunity("north", id)));
  EXPECT_FALSE(run(service->public_opportunity("south", id)));
}

INSTANTIATE_TEST_SUITE_P(Backends, OpportunitiesOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::opportunities
