// The group form's checks as a table, and the service on both databases: starting a group once however often the
// form is sent, who sees which group, asking to join and the answers, the last lead facilitator, stages with their
// reasons, leaving the organisation, the activity feed's pages, and nothing reaching another organisation's groups.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <cctype>
#include <filesystem>
#include <set>
#include <string>

#include "core/clock.hpp"
#include "db/query.hpp"
#include "db/run_awaitable.hpp"
#include "db/search.hpp"
#include "db/test_databases.hpp"
#include "groups/group_form.hpp"
#include "groups/group_service.hpp"
#include "groups/groups_module.hpp"
#include "http/form.hpp"
#include "security/tokens.hpp"
#include "testing/world.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::groups {
namespace {

using db::testing::run;
using organisations::Role;

GroupForm good() {
  GroupForm f;
  f.name = "Carers Board";
  f.purpose = "Carers and staff decide together.";
  f.kind = "standing";
  f.level = "strategic";
  f.visibility = "organisation";
  f.stage = "none";
  f.create_key = "0123456789abcdef0123";
  return f;
}

std::string problems_of(const GroupForm& f, bool creating = true) {
  std::string out;
  for (const auto& p : check_group(f, creating)) out += (out.empty() ? "" : " ") + p.field + ":" + p.key.substr(13);
  return out;
}

TEST(GroupForm, WhatIsWrongAndWhatIsFine) {
  auto with = [](auto change) {
    auto f = good();
    change(f);
    return f;
  };
  const struct {
    const char* what;
    GroupForm form;
    const char* problems;
  } cases[] = {
      {"a good form", good(), ""},
      {"a project in Discover", with([](auto& f) {
         f.kind = "project";
         f.stage = "discover";
       }),
       ""},
      {"no name", with([](auto& f) { f.name = ""; }), "name:name_missing"},
      {"a name of 120 Welsh letters", with([](auto& f) {
         f.name = "";
         for (int i = 0; i < 120; ++i) f.name += "ŵ";
       }),
       ""},
      {"a name of 121 letters", with([](auto& f) { f.name = std::string(121, 'a'); }), "name:name_long"},
      {"no purpose", with([](auto& f) { f.purpose = ""; }), "purpose:purpose_missing"},
      {"a purpose too long", with([](auto& f) { f.purpose = std::string(601, 'a'); }), "purpose:purpose_long"},
      {"an unknown kind", with([](auto& f) { f.kind = "club"; }), "kind:kind"},
      {"an unknown level", with([](auto& f) { f.level = ""; }), "level:level"},
      {"an unknown visibility", with([](auto& f) { f.visibility = "secret"; }), "visibility:visibility"},
      {"an unknown stage", with([](auto& f) { f.stage = "dream"; }), "stage:stage"},
      {"ground rules too long", with([](auto& f) { f.ground_rules_easy = std::string(20001, 'a'); }),
       "ground_rules_easy:document_long"},
      {"no create key", with([](auto& f) { f.create_key = ""; }), "name:form_expired"},
  };
  for (const auto& c : cases) EXPECT_EQ(problems_of(c.form), c.problems) << c.what;
  // Changing a group needs no create key.
  EXPECT_EQ(problems_of(with([](auto& f) { f.create_key = ""; }), false), "");
}

TEST(GroupForm, StageNeedsAnotherStageAndAReason) {
  EXPECT_TRUE(check_stage({"define", "We found three problems."}, Stage::discover).empty());
  EXPECT_EQ(check_stage({"discover", "Again"}, Stage::discover).at(0).key, "groups.error.stage_same");
  EXPECT_EQ(check_stage({"", "x"}, Stage::discover).at(0).key, "groups.error.stage_missing");
  EXPECT_EQ(check_stage({"define", ""}, std::nullopt).at(0).key, "groups.error.reason_missing");
  EXPECT_TRUE(check_stage({"define", "Start"}, std::nullopt).empty());
}

TEST(GroupForm, APictureIsDescribedInAFewWords) {
  const struct {
    const char* what;
    std::string alt;
    bool needed;
    const char* problem;
  } cases[] = {
      {"words for a picture", "Six people around a table", true, ""},
      {"no words for a picture", "", true, "groups.error.alt_missing"},
      {"no words and no picture", "", false, ""},
      {"250 Welsh letters",
       [] {
         std::string a;
         for (int i = 0; i < 250; ++i) a += "ŵ";
         return a;
       }(),
       true, ""},
      {"251 letters", std::string(251, 'a'), true, "groups.error.alt_long"},
      {"251 letters and no picture", std::string(251, 'a'), false, "groups.error.alt_long"},
  };
  for (const auto& c : cases) {
    const auto problems = check_picture({c.alt}, c.needed);
    EXPECT_EQ(problems.empty() ? std::string() : problems.at(0).key, c.problem) << c.what;
    for (const auto& p : problems) EXPECT_EQ(p.field, "alt") << c.what;
  }
  auto parsed = http::parse_urlencoded("alt=+A+table+");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(read_picture(*parsed).alt, "A table");
}

TEST(GroupForm, ReadsTrimmedAndRoundTrips) {
  auto parsed = http::parse_urlencoded(
      "name=+Board+&purpose=Decide&kind=project&level=group&visibility=public&stage=develop&terms=T&terms_easy=E"
      "&create_key=abcdefabcdefabcdef");
  ASSERT_TRUE(parsed);
  const auto form = read_group(*parsed);
  EXPECT_EQ(form.name, "Board");
  EXPECT_EQ(problems_of(form), "");
  const auto d = details_of(form);
  EXPECT_EQ(d.kind, Kind::project);
  EXPECT_EQ(d.visibility, Visibility::everyone);
  EXPECT_EQ(d.stage, Stage::develop);
  EXPECT_EQ(d.terms.easy_read, "E");
  const auto again = form_of(d);
  EXPECT_EQ(again.visibility, "public");
  EXPECT_EQ(again.stage, "develop");
}

class GroupsOnBackend : public ::testing::TestWithParam<std::string> {
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
    rhys = world->member("south", "rhys@example.org", "Rhys", Role::org_admin);
    service = std::make_unique<GroupService>(*world->db, clock);
  }
  GroupDetails details(const std::string& name, Visibility v = Visibility::organisation,
                       std::optional<Stage> stage = std::nullopt) {
    GroupDetails d;
    d.name = name;
    d.purpose = "To work together.";
    d.kind = stage ? Kind::project : Kind::standing;
    d.visibility = v;
    d.stage = stage;
    return d;
  }
  long long make(const std::string& name, Visibility v = Visibility::organisation,
                 std::optional<Stage> stage = std::nullopt) {
    return run(service->create_group(north, tom, details(name, v, stage), "key-" + name));
  }
  std::vector<std::string> names(const std::vector<GroupListed>& groups) {
    std::vector<std::string> out;
    for (const auto& g : groups) out.push_back(g.name);
    return out;
  }
  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<GroupService> service;
  long long north = 0, south = 0, admin = 0, tom = 0, gareth = 0, mair = 0, rhys = 0;
};

// Most of a group's pages read it without its documents (several kilobytes each time); what they read is the rest of
// the group, and such a group cannot fill the edit form, whose saving would empty the documents.
TEST_P(GroupsOnBackend, AGroupReadWithoutItsDocumentsHasTheRestAndCannotFillTheEditForm) {
  auto d = details("Board", Visibility::organisation, Stage::define);
  d.terms = {"We meet monthly.", "We meet once a month."};
  d.ground_rules = {"Be kind.", "Be kind to everyone."};
  d.principles = {"Equal partners.", "Everyone counts the same."};
  const long long id = run(service->create_group(north, tom, d, "documents-key-12345"));
  const auto with = run(service->group_for(north, id, tom));
  ASSERT_TRUE(with);
  EXPECT_TRUE(with->group.details.documents_read);
  EXPECT_EQ(with->group.details.terms.easy_read, "We meet once a month.");
  EXPECT_EQ(with->group.details.principles.standard, "Equal partners.");
  EXPECT_EQ(form_of(with->group.details).ground_rules, "Be kind.");
  const auto without = run(service->group_for(north, id, tom, Documents::left_out));
  ASSERT_TRUE(without);
  EXPECT_FALSE(without->group.details.documents_read);
  EXPECT_TRUE(without->group.details.terms.standard.empty());
  EXPECT_TRUE(without->group.details.ground_rules.easy_read.empty());
  EXPECT_EQ(without->group.details.name, "Board");
  EXPECT_EQ(without->group.details.purpose, "To work together.");
  EXPECT_EQ(without->group.details.stage, Stage::define);
  EXPECT_EQ(without->role, GroupRole::lead);
  EXPECT_EQ(without->group.member_count, 1);
  EXPECT_THROW(form_of(without->group.details), std::logic_error);
  EXPECT_FALSE(run(service->group_for(south, id, rhys, Documents::left_out)));
}

// A page's reads come along with the group (one batch): the same people and stage changes as read on their own; for
// a group of another organisation there is no group, whatever the reads found.
TEST_P(GroupsOnBackend, APagesReadsAlongWithTheGroupAreThoseReadOnTheirOwn) {
  const long long id = make("Steering group", Visibility::organisation, Stage::discover);
  std::vector<GroupMember> people;
  std::vector<StageChange> changes;
  const auto both = [&](db::Batch& b, long long group_id) {
    GroupService::members_along(people)(b, group_id);
    GroupService::stage_changes_along(changes)(b, group_id);
  };
  const auto v = run(service->group_for(north, id, tom, Documents::left_out, both));
  ASSERT_TRUE(v);
  EXPECT_EQ(v->group.details.name, "Steering group");
  const auto alone = run(service->members(id));
  ASSERT_EQ(people.size(), alone.size());
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].user_id, tom);
  EXPECT_EQ(people[0].role, GroupRole::lead);
  EXPECT_EQ(changes.size(), run(service->stage_changes(id)).size());
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].to, Stage::discover);
  people.clear();
  EXPECT_FALSE(run(service->group_for(south, id, rhys, Documents::left_out, GroupService::members_along(people))));
}

TEST_P(GroupsOnBackend, TheSameFormSentTwiceMakesOneGroupWithItsMakerAsLead) {
  const auto d = details("Board", Visibility::organisation, Stage::discover);
  const long long first = run(service->create_group(north, tom, d, "same-key-123456789"));
  const long long again = run(service->create_group(north, tom, d, "same-key-123456789"));
  EXPECT_EQ(first, again);
  EXPECT_EQ(world->count("org_groups"), 1);
  const auto v = run(service->group_for(north, first, tom));
  ASSERT_TRUE(v);
  EXPECT_EQ(v->role, GroupRole::lead);
  EXPECT_EQ(v->group.member_count, 1);
  EXPECT_EQ(v->group.details.stage, Stage::discover);
  const auto changes = run(service->stage_changes(first));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_FALSE(changes[0].from);
  EXPECT_EQ(changes[0].to, Stage::discover);
  EXPECT_EQ(changes[0].moved_by, "Tom");
  // The same key in another organisation is another form.
  EXPECT_NE(run(service->create_group(south, rhys, d, "same-key-123456789")), first);
}

TEST_P(GroupsOnBackend, AGroupsPeopleShowTheirNamesAndMemberTypesAsTheyAreNow) {
  // Each membership of a group keeps a copy of the person's name and member types (migration 0025's triggers):
  // whoever renames a person or changes their types, by whatever code path, every group they are in shows it.
  const long long board = make("Board");
  service->add_member_now(north, board, gareth, GroupRole::member, 1);
  service->add_member_now(north, board, mair, GroupRole::observer, 1);
  auto people = [&] {
    std::vector<std::string> out;
    for (const auto& m : run(service->members(board))) {
      std::string line = m.name + ":" + std::string(group_role_code(m.role));
      for (auto t : m.member_types) line += ":" + std::string(organisations::member_type_code(t));
      out.push_back(line);
    }
    return out;
  };
  EXPECT_EQ(people(), (std::vector<std::string>{"Tom:lead", "Gareth:member:lived_experience", "Mair:observer"}));
  world->db->run_sync([&](soci::session& s) {
    s << "UPDATE users SET name = 'Gareth Price' WHERE id = :id", soci::use(gareth);
    s << "INSERT INTO member_types (org_id, user_id, type) VALUES (:o, :u, 'unpaid_carer')", soci::use(north),
        soci::use(mair);
    s << "INSERT INTO member_types (org_id, user_id, type) VALUES (:o, :u, 'staff')", soci::use(north), soci::use(tom);
    s << "INSERT INTO member_types (org_id, user_id, type) VALUES (:o, :u, 'partner_organisation')", soci::use(north),
        soci::use(tom);
    s << "DELETE FROM member_types WHERE org_id = :o AND user_id = :u", soci::use(north), soci::use(gareth);
  });
  EXPECT_EQ(people(), (std::vector<std::string>{"Tom:lead:partner_organisation:staff", "Gareth Price:member",
                                                "Mair:observer:unpaid_carer"}));
  // A type in another organisation is not theirs here.
  world->db->run_sync([&](soci::session& s) {
    s << "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (:o, :u, 'member', 0)", soci::use(south),
        soci::use(mair);
    s << "INSERT INTO member_types (org_id, user_id, type) VALUES (:o, :u, 'staff')", soci::use(south), soci::use(mair);
  });
  EXPECT_EQ(people().back(), "Mair:observer:unpaid_carer");
  // Someone who joins later comes with their name and types as they are then.
  const long long newcomer =
      world->member("north", "ngozi@example.org", "Ngozi", Role::member, {organisations::MemberType::staff});
  service->add_member_now(north, board, newcomer, GroupRole::member, 2);
  EXPECT_EQ(people(), (std::vector<std::string>{"Tom:lead:partner_organisation:staff", "Gareth Price:member",
                                                "Ngozi:member:staff", "Mair:observer:unpaid_carer"}));
  // The count on the group (kept by migration 0026's triggers) follows whoever comes and goes.
  auto count = [&] { return run(service->group_for(north, board, tom))->group.member_count; };
  EXPECT_EQ(count(), 4);
  EXPECT_EQ(run(service->leave(north, board, mair)), MembershipOutcome::done);
  EXPECT_EQ(run(service->remove_member(north, board, tom, newcomer)), MembershipOutcome::done);
  EXPECT_EQ(count(), 2);
  world->db->run_sync([&](soci::session& s) {
    s << "DELETE FROM memberships WHERE org_id = :o AND user_id = :u", soci::use(north), soci::use(gareth);
  });
  EXPECT_EQ(count(), 1) << "leaving the organisation takes the person out of its groups";
}

TEST_P(GroupsOnBackend, AGroupsHomeListsItsFirstTwelvePeopleWhoRunItFirst) {
  const long long big = make("Coffee mornings");
  service->add_member_now(north, big, admin, GroupRole::facilitator, 1);
  service->add_member_now(north, big, mair, GroupRole::observer, 1);
  for (int i = 0; i < 14; ++i) {
    const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
    const long long p = world->member("north", "p" + n + "@example.org", "Person " + n, Role::member);
    service->add_member_now(north, big, p, GroupRole::member, 1);
  }
  const auto home = [&](long long viewer) {
    return run(service->group_page(north, big, viewer, [](const GroupForViewer& v) {
      return PageWants{.allowed = true, .members = v.role.has_value()};
    }));
  };
  const auto page = home(mair);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->viewer.group.member_count, 17);
  std::vector<std::string> names;
  for (const auto& m : page->people) names.push_back(m.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"Tom", "Siân", "Person 00", "Person 01", "Person 02", "Person 03", "Person 04",
                                      "Person 05", "Person 06", "Person 07", "Person 08", "Person 09"}))
      << "the lead, then facilitators, then members by name; the observer and the last members are on the list of "
         "everyone";
  EXPECT_EQ(run(service->members(big)).size(), 17u);
  // Someone outside the group sees only who runs it.
  const auto outside = home(gareth);
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->people.size(), 2u);
}

TEST_P(GroupsOnBackend, EachPersonSeesTheGroupsTheirRoleAllows) {
  make("Board");
  const long long steering = make("Steering", Visibility::members);
  make("Coffee", Visibility::everyone);
  run(service->create_group(south, rhys, details("South board"), "south-key-12345678"));
  // Tom is in all three: they are his, by name, and there are no others.
  const auto toms = run(service->list_groups(north, tom, false, std::nullopt, 50));
  EXPECT_EQ(names(toms.mine), (std::vector<std::string>{"Board", "Coffee", "Steering"}));
  EXPECT_TRUE(toms.others.empty());
  // Gareth is in none: he does not see the members-only group.
  const auto his = run(service->list_groups(north, gareth, false, std::nullopt, 50));
  EXPECT_TRUE(his.mine.empty());
  EXPECT_EQ(names(his.others), (std::vector<std::string>{"Board", "Coffee"}));
  EXPECT_FALSE(his.next_after);
  // An organisation admin's list (all) has every group of the organisation, and nothing of another one.
  const auto first = run(service->list_groups(north, admin, true, std::nullopt, 2));
  EXPECT_EQ(names(first.others), (std::vector<std::string>{"Board", "Coffee"}));
  ASSERT_TRUE(first.next_after);
  const auto second = run(service->list_groups(north, admin, true, first.next_after, 2));
  EXPECT_EQ(names(second.others), (std::vector<std::string>{"Steering"}));
  EXPECT_FALSE(second.next_after);
  EXPECT_TRUE(second.mine.empty()) << "a person's own groups are on the first page only";
  // A page after a group of another organisation has nothing.
  const long long souths = run(service->list_groups(south, rhys, false, std::nullopt, 5)).mine.at(0).id;
  EXPECT_TRUE(run(service->list_groups(north, admin, true, souths, 5)).others.empty());
  // A group id from another organisation is not there.
  EXPECT_FALSE(run(service->group_for(south, steering, rhys)));
  EXPECT_FALSE(run(service->group_page(south, steering, rhys, [](const GroupForViewer&) {
    return PageWants{true, true, true};
  })));
}

TEST_P(GroupsOnBackend, AskingToJoinAndTheAnswers) {
  const long long board = make("Board");
  EXPECT_EQ(run(service->ask_to_join(north, board, gareth, "I care for my dad.")), MembershipOutcome::done);
  EXPECT_EQ(run(service->group_for(north, board, gareth))->request, RequestState::pending);
  auto waiting = run(service->pending_requests(board));
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_EQ(waiting[0].name, "Gareth");
  EXPECT_EQ(waiting[0].message, "I care for my dad.");
  ASSERT_EQ(waiting[0].member_types.size(), 1u);
  EXPECT_EQ(run(service->answer_request(north, board, tom, gareth, true)), MembershipOutcome::done);
  EXPECT_EQ(run(service->group_for(north, board, gareth))->role, GroupRole::member);
  EXPECT_FALSE(run(service->group_for(north, board, gareth))->request);
  EXPECT_EQ(run(service->ask_to_join(north, board, gareth, "")), MembershipOutcome::already_member);
  // Answering a request nobody made changes nothing.
  EXPECT_EQ(run(service->answer_request(north, board, tom, mair, true)), MembershipOutcome::not_found);
  EXPECT_FALSE(run(service->group_for(north, board, mair))->role);

  EXPECT_EQ(run(service->ask_to_join(north, board, mair, "")), MembershipOutcome::done);
  EXPECT_EQ(run(service->answer_request(north, board, tom, mair, false)), MembershipOutcome::done);
  EXPECT_EQ(run(service->group_for(north, board, mair))->request, RequestState::declined);
  EXPECT_TRUE(run(service->pending_requests(board)).empty());
  // She may ask again; the feed shows each step.
  EXPECT_EQ(run(service->ask_to_join(north, board, mair, "Please")), MembershipOutcome::done);
  EXPECT_EQ(run(service->group_for(north, board, mair))->request, RequestState::pending);
  std::vector<ActivityKind> kinds;
  for (const auto& a : run(service->activity(board, std::nullopt, 50)).items) kinds.push_back(a.kind);
  EXPECT_EQ(kinds, (std::vector<ActivityKind>{ActivityKind::asked_to_join, ActivityKind::request_declined,
                                              ActivityKind::asked_to_join, ActivityKind::joined,
                                              ActivityKind::asked_to_join, ActivityKind::created}));
  // Someone from another organisation cannot ask.
  EXPECT_EQ(run(service->ask_to_join(north, board, rhys, "")), MembershipOutcome::not_in_organisation);
}

TEST_P(GroupsOnBackend, AGroupKeepsALeadFacilitator) {
  const long long board = make("Board");
  service->add_member_now(north, board, gareth, GroupRole::member, clock.now_seconds());
  EXPECT_EQ(run(service->leave(north, board, tom)), MembershipOutcome::last_lead);
  EXPECT_EQ(run(service->set_role(north, board, tom, tom, GroupRole::member)), MembershipOutcome::last_lead);
  EXPECT_EQ(run(service->remove_member(north, board, admin, tom)), MembershipOutcome::last_lead);
  EXPECT_EQ(run(service->set_role(north, board, tom, gareth, GroupRole::lead)), MembershipOutcome::done);
  EXPECT_EQ(run(service->leave(north, board, tom)), MembershipOutcome::done);
  const auto left = run(service->members(board));
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].name, "Gareth");
  EXPECT_EQ(left[0].role, GroupRole::lead);
  EXPECT_EQ(run(service->leave(north, board, tom)), MembershipOutcome::not_found);
}

TEST_P(GroupsOnBackend, StagesMoveWithReasonsUntilTheGroupIsArchived) {
  const long long p = make("Project", Visibility::organisation, Stage::discover);
  clock.advance(std::chrono::hours(24));
  EXPECT_TRUE(run(service->move_stage(north, p, tom, Stage::define, "We heard from 40 carers.")));
  EXPECT_FALSE(run(service->move_stage(north, p, tom, Stage::define, "Again")));
  EXPECT_TRUE(run(service->move_stage(north, p, tom, Stage::discover, "We need to hear from young carers too.")));
  const auto changes = run(service->stage_changes(p));
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[1].from, Stage::discover);
  EXPECT_EQ(changes[1].to, Stage::define);
  EXPECT_EQ(changes[1].reason, "We heard from 40 carers.");
  EXPECT_EQ(changes[2].to, Stage::discover);
  EXPECT_TRUE(run(service->set_archived(north, p, tom, true)));
  EXPECT_FALSE(run(service->set_archived(north, p, tom, true)));
  EXPECT_FALSE(run(service->move_stage(north, p, tom, Stage::define, "x")));
  EXPECT_FALSE(run(service->update_group(north, p, tom, details("New name"))));
  EXPECT_EQ(run(service->ask_to_join(north, p, gareth, "")), MembershipOutcome::not_found);
  EXPECT_TRUE(run(service->set_archived(north, p, tom, false)));
  EXPECT_TRUE(run(service->update_group(north, p, tom, details("New name"))));
  EXPECT_EQ(run(service->group_for(north, p, tom))->group.details.name, "New name");
  // Changing the details keeps the stage.
  EXPECT_EQ(run(service->group_for(north, p, tom))->group.details.stage, Stage::discover);
  // Nothing reaches it from another organisation.
  EXPECT_FALSE(run(service->move_stage(south, p, rhys, Stage::deliver, "x")));
  EXPECT_FALSE(run(service->set_archived(south, p, rhys, true)));
}

TEST_P(GroupsOnBackend, LeavingTheOrganisationLeavesItsGroups) {
  const long long board = make("Board");
  service->add_member_now(north, board, gareth, GroupRole::member, clock.now_seconds());
  EXPECT_EQ(run(service->ask_to_join(north, make("Other"), gareth, "")), MembershipOutcome::done);
  run(world->organisations->remove_member(admin, north, gareth));
  EXPECT_EQ(run(service->members(board)).size(), 1u);
  EXPECT_EQ(world->count("group_requests"), 0);
  EXPECT_TRUE(run(service->my_groups(north, gareth)).empty());
}

TEST_P(GroupsOnBackend, TheActivityFeedPagesWithoutGapsOrRepeats) {
  const long long board = make("Board");
  for (int i = 0; i < 60; ++i) {
    run(service->update_group(north, board, tom, details("Board " + std::to_string(i))));
  }
  std::set<long long> seen;
  std::optional<long long> before;
  int pages = 0;
  do {
    const auto page = run(service->activity(board, before, 25));
    for (const auto& a : page.items) EXPECT_TRUE(seen.insert(a.id).second) << "entry " << a.id << " twice";
    before = page.older_than;
    ++pages;
  } while (before && pages < 10);
  EXPECT_EQ(seen.size(), 61u);
  EXPECT_EQ(pages, 3);
}

TEST_P(GroupsOnBackend, APersonsOwnGroupsAreInTheListsOrderOpenFirstThenByNameWhateverItsCase) {
  // In the order the others are listed in: open before archived, then by name whatever its case, then by id.
  const long long aardvark = make("Aardvark"), beta = make("beta"), upper = make("Alpha"), lower = make("alpha");
  make("Alpine");
  EXPECT_TRUE(run(service->set_archived(north, aardvark, tom, true)));
  for (long long id : {aardvark, beta, lower, upper}) service->add_member_now(north, id, gareth, GroupRole::member, 1);
  const auto list = run(service->list_groups(north, gareth, false, std::nullopt, 10));
  EXPECT_EQ(names(list.mine), (std::vector<std::string>{"Alpha", "alpha", "beta", "Aardvark"}));
  EXPECT_EQ(names(run(service->my_groups(north, gareth))), names(list.mine));
  EXPECT_EQ(list.mine.at(0).role, GroupRole::member);
}

TEST_P(GroupsOnBackend, TheListPagesByKeysetOpenGroupsFirstThenByNameWithoutGapsOrRepeats) {
  // Names that differ only in case, names that sort between each other, archived groups among them.
  for (int i = 0; i < 23; ++i) {
    const std::string name = std::string(i % 2 ? "b" : "B") + "oard " + std::to_string(i % 7);
    const long long id = run(service->create_group(north, tom, details(name), "key-" + std::to_string(i)));
    if (i % 5 == 0) {
      EXPECT_TRUE(run(service->set_archived(north, id, tom, true)));
    }
  }
  // Gareth is in two: they are his, and never among the others.
  service->add_member_now(north, make("Allotment"), gareth, GroupRole::member, 1);
  service->add_member_now(north, make("Zebra crossing"), gareth, GroupRole::member, 1);
  const auto first = run(service->list_groups(north, gareth, false, std::nullopt, 4));
  EXPECT_EQ(names(first.mine), (std::vector<std::string>{"Allotment", "Zebra crossing"}));
  std::vector<GroupListed> seen = first.others;
  auto after = first.next_after;
  int pages = 1;
  while (after && pages < 20) {
    const auto page = run(service->list_groups(north, gareth, false, after, 4));
    EXPECT_TRUE(page.mine.empty());
    seen.insert(seen.end(), page.others.begin(), page.others.end());
    after = page.next_after;
    ++pages;
  }
  ASSERT_EQ(seen.size(), 23u) << "every other group once";
  EXPECT_EQ(pages, 6);
  std::set<long long> ids;
  for (size_t i = 0; i < seen.size(); ++i) {
    EXPECT_TRUE(ids.insert(seen[i].id).second) << seen[i].name << " twice";
    if (i == 0) continue;
    const auto& a = seen[i - 1];
    const auto& b = seen[i];
    // Open before archived; then by name whatever its case; then in the order they were made.
    EXPECT_LE(a.archived, b.archived) << a.name << " / " << b.name;
    if (a.archived == b.archived) {
      std::string la = a.name, lb = b.name;
      for (auto& c : la) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (auto& c : lb) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      EXPECT_TRUE(la < lb || (la == lb && a.id < b.id)) << a.name << " / " << b.name;
    }
  }
}

TEST_P(GroupsOnBackend, HomeSaysWhatIsNewSinceTheLastLookAndWhatWaits) {
  const std::vector<OrgName> orgs{{north, "north", "North Carers"}};
  const long long board = make("Board");
  run(service->update_group(north, board, tom, details("Board")));
  // What happened before Gareth joined is not news to him.
  service->add_member_now(north, board, gareth, GroupRole::member, clock.now_seconds());
  auto his = run(service->home(gareth, orgs)).groups;
  ASSERT_EQ(his.size(), 1u);
  EXPECT_EQ(his[0].new_things, 0);
  EXPECT_EQ(his[0].org_slug, "north");
  run(service->update_group(north, board, tom, details("Board, renamed")));
  EXPECT_TRUE(run(service->move_stage(north, board, tom, Stage::discover, "Starting")));
  his = run(service->home(gareth, orgs)).groups;
  EXPECT_EQ(his[0].new_things, 2);
  EXPECT_EQ(his[0].waiting_requests, 0) << "members are not asked to answer requests";
  // Tom's own changes are not news to him; Mair's request waits for him.
  EXPECT_EQ(run(service->ask_to_join(north, board, mair, "")), MembershipOutcome::done);
  auto toms = run(service->home(tom, orgs)).groups;
  ASSERT_EQ(toms.size(), 1u);
  EXPECT_EQ(toms[0].new_things, 2) << "Gareth joining and Mair asking are news";
  EXPECT_EQ(toms[0].waiting_requests, 1);
  // Opening the group marks it seen; an older mark never goes back.
  const auto v = run(service->group_for(north, board, gareth));
  ASSERT_TRUE(v);
  EXPECT_GT(v->latest_activity, v->seen_activity);
  db::testing::run_void(service->mark_seen(gareth, board, v->latest_activity));
  db::testing::run_void(service->mark_seen(gareth, board, 1));
  EXPECT_EQ(run(service->home(gareth, orgs)).groups[0].new_things, 0);
  // Archived groups leave the home page.
  EXPECT_TRUE(run(service->set_archived(north, board, tom, true)));
  EXPECT_TRUE(run(service->home(gareth, orgs)).groups.empty());
}

TEST_P(GroupsOnBackend, HomeListsGroupsByOrganisationThenByName) {
  // Named and ordered from the person's memberships, letters compared without regard to case.
  for (const char* name : {"carers' voice", "Board", "appeals"}) {
    service->add_member_now(north, make(name), mair, GroupRole::member, 1);
  }
  world->db->run_sync([&](soci::session& s) {
    s << "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (:o, :u, 'member', 0)", soci::use(south),
        soci::use(mair);
  });
  const long long forum = run(service->create_group(south, rhys, details("Forum"), "key-forum"));
  service->add_member_now(south, forum, mair, GroupRole::member, 1);
  auto listed = [&](const std::vector<OrgName>& orgs) {
    std::vector<std::string> out;
    for (const auto& g : run(service->home(mair, orgs)).groups) out.push_back(g.org_slug + "/" + g.name);
    return out;
  };
  const OrgName n{north, "north", "North Carers"};
  const OrgName s{south, "south", "A South Forum"};
  EXPECT_EQ(listed({n, s}),
            (std::vector<std::string>{"south/Forum", "north/appeals", "north/Board", "north/carers' voice"}));
  EXPECT_EQ(listed({n}), (std::vector<std::string>{"north/appeals", "north/Board", "north/carers' voice"}))
      << "a group is shown only under an organisation the person is in";
}

TEST_P(GroupsOnBackend, InvitationsIntoAMembersOnlyGroup) {
  const std::vector<OrgName> orgs{{north, "north", "North Carers"}};
  const long long steering = make("Steering", Visibility::members);
  // Found by part of the name, in lower or upper case; people in the group are not offered.
  auto found = run(service->candidates(north, steering, "GAR"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name, "Gareth");
  EXPECT_EQ(found[0].member_types.size(), 1u);
  EXPECT_TRUE(run(service->candidates(north, steering, "Tom")).empty()) << "Tom leads it";
  EXPECT_TRUE(run(service->candidates(north, steering, "%")).empty()) << "a % is a letter, not a wildcard";
  EXPECT_TRUE(run(service->candidates(north, steering, "Rhys")).empty()) << "another organisation's member";

  EXPECT_EQ(run(service->invite(north, steering, tom, gareth)), MembershipOutcome::done);
  EXPECT_EQ(run(service->group_for(north, steering, gareth))->request, RequestState::invited);
  EXPECT_EQ(run(service->candidates(north, steering, "gar"))[0].request, RequestState::invited);
  auto waiting = run(service->home(gareth, orgs)).invitations;
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_EQ(waiting[0].group_name, "Steering");
  EXPECT_EQ(run(service->answer_invitation(north, steering, gareth, true)), MembershipOutcome::done);
  EXPECT_EQ(run(service->group_for(north, steering, gareth))->role, GroupRole::member);
  EXPECT_TRUE(run(service->home(gareth, orgs)).invitations.empty());
  EXPECT_EQ(run(service->answer_invitation(north, steering, gareth, true)), MembershipOutcome::not_found);

  // Saying no leaves nothing waiting; someone who asked is let in by the invitation.
  EXPECT_EQ(run(service->invite(north, steering, tom, mair)), MembershipOutcome::done);
  EXPECT_EQ(run(service->answer_invitation(north, steering, mair, false)), MembershipOutcome::done);
  EXPECT_FALSE(run(service->group_for(north, steering, mair))->request);
  EXPECT_FALSE(run(service->group_for(north, steering, mair))->role);
  const long long board = make("Board");
  EXPECT_EQ(run(service->ask_to_join(north, board, mair, "")), MembershipOutcome::done);
  EXPECT_EQ(run(service->invite(north, board, tom, mair)), MembershipOutcome::done);
  EXPECT_EQ(run(service->group_for(north, board, mair))->role, GroupRole::member);
  // Nobody from another organisation.
  EXPECT_EQ(run(service->invite(north, steering, tom, rhys)), MembershipOutcome::not_in_organisation);
  EXPECT_EQ(run(service->invite(south, steering, rhys, gareth)), MembershipOutcome::not_found);
}

TEST_P(GroupsOnBackend, TheInvitedAndThoseWhoAskedHearByEmailInTheirLanguage) {
  GroupService mailing(*world->db, clock, world->organisations.get());
  world->db->run_sync([&](soci::session& s) { s << "UPDATE users SET lang = 'cy' WHERE id = " << mair; });
  const long long steering = make("Steering", Visibility::members);
  const long long board = make("Board");
  auto mail_to = [&](const std::string& address) {
    std::vector<std::string> subjects;
    world->db->run_sync([&](soci::session& s) {
      soci::rowset<std::string> rows =
          (s.prepare << "SELECT subject FROM mail_outbox WHERE to_address = '" + address + "' ORDER BY id");
      for (const auto& r : rows) subjects.push_back(r);
    });
    return subjects;
  };
  EXPECT_EQ(run(mailing.invite(north, steering, tom, gareth)), MembershipOutcome::done);
  EXPECT_EQ(mail_to("gareth@example.org"), (std::vector<std::string>{"You are invited to join Steering"}));
  EXPECT_EQ(run(mailing.ask_to_join(north, board, mair, "")), MembershipOutcome::done);
  EXPECT_EQ(run(mailing.answer_request(north, board, tom, mair, false)), MembershipOutcome::done);
  EXPECT_EQ(mail_to("mair@example.org"), (std::vector<std::string>{"Eich cais i ymuno â'r grŵp Board"}));
  EXPECT_EQ(run(mailing.ask_to_join(north, board, mair, "")), MembershipOutcome::done);
  EXPECT_EQ(run(mailing.answer_request(north, board, tom, mair, true)), MembershipOutcome::done);
  EXPECT_EQ(mail_to("mair@example.org").size(), 2u);
  EXPECT_EQ(mail_to("mair@example.org").back(), "Rydych chi yn y grŵp Board nawr");
  // Nothing changed, nothing sent.
  EXPECT_EQ(run(mailing.answer_request(north, board, tom, mair, true)), MembershipOutcome::not_found);
  EXPECT_EQ(mail_to("mair@example.org").size(), 2u);
}

TEST_P(GroupsOnBackend, APictureHangsWithItsWordsAndIsSeenByWhoeverMaySeeTheGroup) {
  const auto dir = std::filesystem::temp_directory_path() / ("groups-pictures-" + security::random_token(8));
  uploads::UploadService uploads(*world->db, std::make_shared<uploads::FolderStorage>(dir));
  service->set_uploads(&uploads);
  auto picture = [] {
    uploads::Prepared p;
    p.bytes = std::string("\x89PNG\r\n\x1a\n", 8) + "pixels";
    p.mime = "image/png";
    p.width = 3;
    p.height = 2;
    return p;
  };
  auto public_id = [&](long long group) {
    const auto g = run(service->group_for(north, group, tom));
    const std::string url = g ? g->group.picture_url : "";
    return url.starts_with("/files/") ? url.substr(7) : std::string();
  };
  // Who asks: a person in an organisation with a role there (two-step passed or not), or nobody signed in.
  auto as = [](long long user, long long org, Role role, bool two_step = false) {
    http::Principal p;
    p.user_id = user;
    p.two_step = two_step;
    p.memberships.push_back({org, "", "", role, ""});
    return std::optional<http::Principal>(p);
  };
  auto sees = [&](const std::string& id, std::optional<http::Principal> viewer) {
    return run(uploads.file_for(id, std::move(viewer))).has_value();
  };
  const std::optional<http::Principal> nobody;

  const long long board = make("Board");
  EXPECT_TRUE(run(service->set_picture(north, board, tom, picture(), "Six people around a table")));
  const auto first = public_id(board);
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(run(service->group_for(north, board, tom))->group.picture_alt, "Six people around a table");
  // A new picture replaces the old one, whose file goes; the words can change alone.
  EXPECT_TRUE(run(service->set_picture(north, board, tom, picture(), "A table")));
  const auto second = public_id(board);
  EXPECT_NE(second, first);
  EXPECT_FALSE(sees(first, as(tom, north, Role::facilitator)));
  EXPECT_TRUE(run(service->set_picture_alt(north, board, tom, "Chairs in a circle")));
  EXPECT_EQ(run(service->group_for(north, board, tom))->group.picture_alt, "Chairs in a circle");
  EXPECT_EQ(run(service->list_groups(north, gareth, false, std::nullopt, 10)).others.at(0).picture_url,
            "/files/" + second);
  // An organisation-wide group's picture: its organisation's members, nobody else.
  EXPECT_TRUE(sees(second, as(gareth, north, Role::member)));
  EXPECT_FALSE(sees(second, as(rhys, south, Role::org_admin, true)));
  EXPECT_FALSE(sees(second, nobody));

  // A members-only group's: its members and the organisation's admins (two-step passed).
  const long long steering = make("Steering", Visibility::members);
  EXPECT_TRUE(run(service->set_picture(north, steering, tom, picture(), "A notebook")));
  const auto hidden = public_id(steering);
  EXPECT_TRUE(sees(hidden, as(tom, north, Role::facilitator)));
  EXPECT_FALSE(sees(hidden, as(gareth, north, Role::member)));
  EXPECT_TRUE(sees(hidden, as(admin, north, Role::org_admin, true)));
  EXPECT_FALSE(sees(hidden, as(admin, north, Role::org_admin, false)));
  EXPECT_FALSE(sees(hidden, nobody));
  EXPECT_EQ(run(service->invite(north, steering, tom, gareth)), MembershipOutcome::done);
  EXPECT_TRUE(sees(hidden, as(gareth, north, Role::member))) << "someone invited may read the group";

  // A public group's: anyone, until it is archived.
  const long long open = make("Open", Visibility::everyone);
  EXPECT_TRUE(run(service->set_picture(north, open, tom, picture(), "A door, open")));
  const auto everyone = public_id(open);
  EXPECT_TRUE(sees(everyone, nobody));
  EXPECT_TRUE(sees(everyone, as(rhys, south, Role::org_admin, true)));
  EXPECT_TRUE(run(service->set_archived(north, open, tom, true)));
  EXPECT_FALSE(sees(everyone, nobody));
  EXPECT_TRUE(sees(everyone, as(gareth, north, Role::member)));
  // An archived group's picture does not change; nor does a group through another organisation.
  EXPECT_FALSE(run(service->set_picture(north, open, tom, picture(), "x")));
  EXPECT_FALSE(run(service->remove_picture(north, open, tom)));
  EXPECT_FALSE(run(service->set_picture(south, board, rhys, picture(), "x")));
  EXPECT_FALSE(run(service->set_picture_alt(south, board, rhys, "x")));
  EXPECT_EQ(public_id(board), second);

  // Taken down: the file goes; taking down nothing is not a change.
  EXPECT_TRUE(run(service->remove_picture(north, board, tom)));
  EXPECT_FALSE(run(service->remove_picture(north, board, tom)));
  EXPECT_TRUE(public_id(board).empty());
  EXPECT_FALSE(sees(second, as(tom, north, Role::facilitator)));
  EXPECT_FALSE(run(service->set_picture_alt(north, board, tom, "No picture to describe")));
  // Each change is in the group's activity and the organisation's audit log.
  std::vector<ActivityKind> kinds;
  for (const auto& a : run(service->activity(board, std::nullopt, 50)).items) kinds.push_back(a.kind);
  EXPECT_EQ(kinds, (std::vector<ActivityKind>{ActivityKind::picture_removed, ActivityKind::picture_changed,
                                              ActivityKind::picture_changed, ActivityKind::picture_changed,
                                              ActivityKind::created}));
  const auto audited = world->db->run_sync([&](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'group_picture_%' AND detail = 'group:" +
             std::to_string(board) + "'",
        soci::into(n);
    return n;
  });
  EXPECT_EQ(audited, 4);
  std::filesystem::remove_all(dir);
}

TEST_P(GroupsOnBackend, ASignedInSearchFindsTheDocumentsOfThePersonsGroupsOnly) {
  const long long board = make("Board");
  const long long quiet = make("Quiet room", Visibility::members);
  service->add_member_now(north, board, gareth, GroupRole::member, clock.now_seconds());
  const auto m = make_module({world->db.get(), nullptr, {}, &clock});
  ASSERT_TRUE(m.search_scope);
  // The hook adds the person's groups to what the query already allows.
  const auto scope_of = [&](long long user) {
    return world->db->run_sync([&](soci::session& s) {
      db::SearchQuery q{.text = "rota", .group_ids = {99}};
      m.search_scope(s, user, q);
      return std::set<long long>(q.group_ids.begin(), q.group_ids.end());
    });
  };
  EXPECT_EQ(scope_of(tom), (std::set<long long>{99, board, quiet}));
  EXPECT_EQ(scope_of(gareth), (std::set<long long>{99, board}));
  EXPECT_EQ(scope_of(mair), std::set<long long>{99});
  EXPECT_EQ(scope_of(rhys), std::set<long long>{99});
  // A group's document is found through it by the group's members only, even an archived group's.
  world->db->run_sync([&](soci::session& s) {
    world->search->upsert(s, {north, "topic", "t1", "en", "Coffee rota", "Who brings the coffee.", "", quiet});
  });
  ASSERT_TRUE(run(service->set_archived(north, quiet, tom, true)));
  const auto finds = [&](long long user) {
    return world->db->run_sync([&](soci::session& s) {
      db::SearchQuery q{.text = "rota", .org_ids = {north}};
      m.search_scope(s, user, q);
      return world->search->search(s, q).total;
    });
  };
  EXPECT_EQ(finds(tom), 1);
  EXPECT_EQ(finds(gareth), 0);
  EXPECT_EQ(finds(admin), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, GroupsOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::groups
