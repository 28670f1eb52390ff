#include "people/people_service.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <tuple>

#include "audit/audit_store.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "people/testing/world.hpp"
#include "security/passwords.hpp"
#include "security/tokens.hpp"

namespace roundtable::people {
namespace {

using db::testing::run;

class PeopleServiceOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<testing::World>(GetParam(), SignInLimits{.per_account = 3, .per_address = 5});
    db = world->db.get();
    search = world->search.get();
    service = world->people.get();
    north = world->organisation("north", "North Wales Carers");
    ceri = world->person("Ceri@Example.org", "Ceri");
    world->member("north", "ceri@example.org", "Ceri", Role::facilitator,
                  {MemberType::unpaid_carer, MemberType::lived_experience});
  }
  std::vector<std::string> actions(long long org_id) {
    std::vector<std::string> out;
    for (auto& e : run(service->audit_log(org_id, 0, 100))) out.push_back(e.action);
    return out;
  }
  long long count(const std::string& table) { return world->count(table); }
  std::unique_ptr<testing::World> world;
  db::Database* db = nullptr;
  db::SearchIndex* search = nullptr;
  PeopleService* service = nullptr;
  long long north = 0, ceri = 0;
};

TEST_P(PeopleServiceOnBackend, TheRightPasswordSignsInWhateverTheCaseOfTheEmail) {
  auto r = run(service->sign_in_with_password("  CERI@example.org", "a long password", "127.0.0.1"));
  EXPECT_EQ(r.outcome, SignInOutcome::ok);
  EXPECT_EQ(r.user_id, ceri);
  EXPECT_EQ(run(service->sign_in_with_password("ceri@example.org", "wrong", "127.0.0.1")).outcome,
            SignInOutcome::wrong);
  EXPECT_EQ(run(service->sign_in_with_password("nobody@example.org", "a long password", "127.0.0.1")).outcome,
            SignInOutcome::wrong);
}

TEST_P(PeopleServiceOnBackend, TooManyFailuresLockTheAccountButNotOthers) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(run(service->sign_in_with_password("ceri@example.org", "wrong", "10.0.0." + std::to_string(i))).outcome,
              SignInOutcome::wrong);
  }
  // Even the right password is refused now, from any address.
  EXPECT_EQ(run(service->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.9")).outcome,
            SignInOutcome::too_many_for_account);
  service->create_user_now({.email = "dai@example.org", .name = "Dai"}, "another password");
  EXPECT_EQ(run(service->sign_in_with_password("dai@example.org", "another password", "10.0.0.9")).outcome,
            SignInOutcome::ok);
  // No email or address is stored in the failures table.
  auto keys = db->run_sync([](soci::session& s) {
    std::string all;
    soci::rowset<std::string> rows = (s.prepare << "SELECT key FROM sign_in_failures");
    for (auto& k : rows) all += k + " ";
    return all;
  });
  EXPECT_EQ(keys.find("ceri"), std::string::npos);
  EXPECT_EQ(keys.find("10.0.0"), std::string::npos);
}

TEST_P(PeopleServiceOnBackend, ALockOutEndsAfterFifteenMinutesAndAResetLinkAfterAnHour) {
  core::ManualClock clock;
  PeopleService timed(*db, *search, SignInLimits{.per_account = 3, .per_address = 50}, clock);
  for (int i = 0; i < 3; ++i) run(timed.sign_in_with_password("ceri@example.org", "wrong", "10.0.0.1"));
  clock.advance(std::chrono::minutes(14));
  EXPECT_EQ(run(timed.sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1")).outcome,
            SignInOutcome::too_many_for_account);
  clock.advance(std::chrono::minutes(2));
  EXPECT_EQ(run(timed.sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1")).outcome,
            SignInOutcome::ok);

  // A password reset link works for an hour after it was sent (the token is read from the email).
  db::testing::run_void(timed.request_password_reset("ceri@example.org"));
  const std::string text = db->run_sync([](soci::session& s) {
    std::string body;
    s << "SELECT text_body FROM mail_outbox ORDER BY id DESC LIMIT 1", soci::into(body);
    return body;
  });
  const auto at = text.find("/reset-password/");
  ASSERT_NE(at, std::string::npos) << text;
  const std::string token = text.substr(at + 16, text.find_first_of(" \n", at + 16) - at - 16);
  clock.advance(std::chrono::minutes(59));
  EXPECT_TRUE(run(timed.password_reset_user(token)).has_value());
  clock.advance(std::chrono::minutes(2));
  EXPECT_FALSE(run(timed.password_reset_user(token)).has_value());
}

TEST_P(PeopleServiceOnBackend, TooManyFailuresFromOneAddressLockThatAddress) {
  for (int i = 0; i < 5; ++i) {
    run(service->sign_in_with_password("guess" + std::to_string(i) + "@example.org", "x", "192.0.2.1"));
  }
  EXPECT_EQ(run(service->sign_in_with_password("ceri@example.org", "a long password", "192.0.2.1")).outcome,
            SignInOutcome::too_many_for_address);
  EXPECT_EQ(run(service->sign_in_with_password("ceri@example.org", "a long password", "192.0.2.2")).outcome,
            SignInOutcome::ok);
}

TEST_P(PeopleServiceOnBackend, ASuccessfulSignInClearsTheAccountsFailures) {
  run(service->sign_in_with_password("ceri@example.org", "wrong", "10.0.0.1"));
  run(service->sign_in_with_password("ceri@example.org", "wrong", "10.0.0.1"));
  EXPECT_EQ(run(service->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1")).outcome,
            SignInOutcome::ok);
  run(service->sign_in_with_password("ceri@example.org", "wrong", "10.0.0.1"));
  run(service->sign_in_with_password("ceri@example.org", "wrong", "10.0.0.1"));
  EXPECT_EQ(run(service->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1")).outcome,
            SignInOutcome::ok);
}

TEST_P(PeopleServiceOnBackend, APersonComesWithTheirMembershipsRolesAndTypes) {
  auto p = run(service->person(ceri));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->user.email, "ceri@example.org");
  ASSERT_EQ(p->memberships.size(), 1u);
  EXPECT_EQ(p->memberships[0].org_slug, "north");
  EXPECT_EQ(p->memberships[0].role, Role::facilitator);
  EXPECT_EQ(p->memberships[0].member_types,
            (std::vector<MemberType>{MemberType::lived_experience, MemberType::unpaid_carer}));
  service->add_member_now("north", "ceri@example.org", Role::org_admin, {MemberType::staff});
  p = run(service->person(ceri));
  EXPECT_EQ(p->memberships[0].role, Role::org_admin);
  EXPECT_EQ(p->memberships[0].member_types, (std::vector<MemberType>{MemberType::staff}));
  EXPECT_FALSE(run(service->person(ceri + 1000)));
}

TEST_P(PeopleServiceOnBackend, APersonsOrganisationsComeInNameOrderAndTwoStepCountsOnlyForAdmins) {
  service->create_organisation_now({.slug = "ammanford", .name = "ammanford Mind"});
  service->create_organisation_now({.slug = "zed", .name = "Zed Partnership"});
  service->add_member_now("zed", "ceri@example.org", Role::member, {});
  service->add_member_now("ammanford", "ceri@example.org", Role::finance, {MemberType::staff});
  db->run_sync([&](soci::session& s) {
    s << "INSERT INTO two_step (user_id, secret, enabled_at, created_at) VALUES (:u, 'KEY', 1, 1)", soci::use(ceri);
  });
  auto p = run(service->person(ceri));
  ASSERT_TRUE(p);
  std::vector<std::string> slugs;
  for (auto& m : p->memberships) slugs.push_back(m.org_slug);
  // By name whatever the case: "ammanford Mind", "North Wales Carers", "Zed Partnership".
  EXPECT_EQ(slugs, (std::vector<std::string>{"ammanford", "north", "zed"}));
  EXPECT_EQ(p->memberships[0].member_types, std::vector<MemberType>{MemberType::staff});
  EXPECT_EQ(p->memberships[1].member_types.size(), 2u);
  EXPECT_TRUE(p->memberships[2].member_types.empty());
  EXPECT_FALSE(p->two_step) << "two-step sign-in is read only for organisation admins";
  service->add_member_now("zed", "ceri@example.org", Role::org_admin, {});
  p = run(service->person(ceri));
  EXPECT_TRUE(p->two_step);
  EXPECT_EQ(p->memberships.size(), 3u) << "one membership per organisation whatever the joins";

  // Someone in no organisation.
  const auto dewi = service->create_user_now({.email = "dewi@example.org", .name = "Dewi"}, "a long password");
  p = run(service->person(dewi));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->user.name, "Dewi");
  EXPECT_TRUE(p->memberships.empty());
}

TEST_P(PeopleServiceOnBackend, OrganisationAddressesAreUnique) {
  EXPECT_THROW(service->create_organisation_now({.slug = "north", .name = "Another"}), SlugTaken);
  EXPECT_THROW(run(service->create_organisation(ceri, {.slug = "north", .name = "Another"})), SlugTaken);
  auto south = run(service->create_organisation(ceri, {.slug = "south", .name = "South"}));
  EXPECT_GT(south, north);
  auto orgs = run(service->organisations());
  ASSERT_EQ(orgs.size(), 2u);
  EXPECT_EQ(orgs[0].slug, "north");
  EXPECT_EQ(orgs[0].member_count, 1);
  EXPECT_EQ(orgs[1].member_count, 0);
  EXPECT_THROW(service->create_user_now({.email = "CERI@example.org", .name = "Twin"}, ""), EmailTaken);
  EXPECT_THROW(service->add_member_now("nowhere", "ceri@example.org", Role::member, {}), std::invalid_argument);
  EXPECT_THROW(service->add_member_now("north", "nobody@example.org", Role::member, {}), std::invalid_argument);
}

TEST_P(PeopleServiceOnBackend, SettingsChangesAndSignInsAreAudited) {
  auto org = *run(service->organisation("north"));
  org.name = "North Wales Carers Together";
  org.languages = {core::Lang::cy, core::Lang::en};
  org.signup_mode = SignupMode::open;
  run([&]() -> boost::asio::awaitable<int> {
    auto op = service->update_organisation(ceri, org);
    co_await std::move(op);
    co_return 0;
  }());
  auto saved = *run(service->organisation("north"));
  EXPECT_EQ(saved.name, "North Wales Carers Together");
  EXPECT_EQ(saved.languages, (std::vector<core::Lang>{core::Lang::cy, core::Lang::en}));
  EXPECT_EQ(saved.signup_mode, SignupMode::open);
  EXPECT_EQ(actions(north), (std::vector<std::string>{"org_settings_changed", "member_added", "org_created"}));
  run(service->sign_in_with_password("ceri@example.org", "wrong", "10.0.0.1"));
  run(service->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1"));
  auto mine = db->run_sync([&](soci::session& s) { return audit::store::list_for_user(s, ceri); });
  ASSERT_GE(mine.size(), 3u);
  EXPECT_EQ(mine[mine.size() - 2].action, "sign_in_failed");
  EXPECT_EQ(mine.back().action, "signed_in");
  EXPECT_EQ(mine.back().actor_name, "Ceri");
  // The audit log never holds the password.
  EXPECT_EQ(count("audit_log WHERE detail LIKE '%password%'"), 0);
}

TEST_P(PeopleServiceOnBackend, AnOldPasswordHashIsUpgradedAtSignIn) {
  security::set_password_cost(security::PasswordCost::interactive);
  EXPECT_EQ(run(service->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1")).outcome,
            SignInOutcome::ok);
  auto hash = db->run_sync([&](soci::session& s) {
    std::string h;
    s << "SELECT password_hash FROM users WHERE id = :id", soci::use(ceri), soci::into(h);
    return h;
  });
  EXPECT_FALSE(security::password_needs_rehash(hash));
  security::set_password_cost(security::PasswordCost::fast);
}

TEST_P(PeopleServiceOnBackend, NeedsAreSeenOnlyByStaffAndOnlyWhenShared) {
  auto tom = service->create_user_now({.email = "tom@example.org", .name = "Tom"}, "");
  auto gwen = service->create_user_now({.email = "gwen@example.org", .name = "Gwen"}, "");
  service->add_member_now("north", "tom@example.org", Role::member, {});
  service->add_member_now("north", "gwen@example.org", Role::member, {MemberType::lived_experience});
  auto p = *run(service->profile(gwen));
  p.needs = {Need::easy_read, Need::supporter};
  p.meeting_support = "My support worker comes with me";
  p.phone = "07700 900123";
  p.share_needs = false;
  run([&]() -> boost::asio::awaitable<int> {
    auto op = service->save_profile(p);
    co_await std::move(op);
    co_return 0;
  }());
  // Ceri is a facilitator in "north"; Tom a member.
  auto staff_view = *run(service->member_profile(ceri, north, gwen, true));
  EXPECT_FALSE(staff_view.needs_visible);
  EXPECT_TRUE(staff_view.needs_withheld);
  EXPECT_TRUE(staff_view.profile.needs.empty());
  EXPECT_EQ(staff_view.profile.phone, "07700 900123");
  auto member_view = *run(service->member_profile(tom, north, gwen, false));
  EXPECT_FALSE(member_view.needs_visible);
  EXPECT_FALSE(member_view.needs_withheld);
  EXPECT_EQ(member_view.profile.meeting_support, "");
  EXPECT_EQ(member_view.profile.phone, "");
  EXPECT_EQ(count("audit_log WHERE action = 'needs_viewed'"), 0);

  p.share_needs = true;
  run([&]() -> boost::asio::awaitable<int> {
    auto op = service->save_profile(p);
    co_await std::move(op);
    co_return 0;
  }());
  staff_view = *run(service->member_profile(ceri, north, gwen, true));
  EXPECT_TRUE(staff_view.needs_visible);
  EXPECT_EQ(staff_view.profile.needs, (std::vector<Need>{Need::easy_read, Need::supporter}));
  EXPECT_EQ(staff_view.profile.meeting_support, "My support worker comes with me");
  EXPECT_FALSE(run(service->member_profile(tom, north, gwen, false))->needs_visible);
  // The staff view is in the organisation's audit log, without the needs themselves.
  auto log = run(service->audit_log(north, 0, 10));
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.front().action, "needs_viewed");
  EXPECT_EQ(log.front().actor_user_id, ceri);
  EXPECT_EQ(log.front().subject_user_id, gwen);
  EXPECT_EQ(count("audit_log WHERE detail LIKE '%support worker%' OR detail LIKE '%easy_read%'"), 0);
  // Changing the sharing choice is recorded for the person.
  EXPECT_EQ(count("audit_log WHERE action = 'needs_sharing_changed'"), 1);
  // Someone outside the organisation is not found there.
  auto south = service->create_organisation_now({.slug = "south", .name = "South"});
  EXPECT_FALSE(run(service->member_profile(ceri, south, gwen, true)));
}

TEST_P(PeopleServiceOnBackend, AProfileIsSavedAndReadBackWhole) {
  auto p = *run(service->profile(ceri));
  EXPECT_EQ(p.name, "Ceri");
  EXPECT_EQ(p.contact_methods, (std::vector<ContactMethod>{ContactMethod::email}));
  p.name = "Ceri Jones";
  p.pronouns = "they/them";
  p.lang = core::Lang::cy;
  p.strengths = "Listening\nBringing people together";
  p.interests = {"choirs", "walking"};
  p.contact_methods = {ContactMethod::email, ContactMethod::text};
  p.phone = "07700 900123";
  p.contact_times = {ContactTime::evenings};
  run([&]() -> boost::asio::awaitable<int> {
    auto op = service->save_profile(p);
    co_await std::move(op);
    co_return 0;
  }());
  auto back = *run(service->profile(ceri));
  EXPECT_EQ(back.name, "Ceri Jones");
  EXPECT_EQ(back.pronouns, "they/them");
  EXPECT_EQ(back.lang, core::Lang::cy);
  EXPECT_EQ(back.strengths, "Listening\nBringing people together");
  EXPECT_EQ(back.interests, (std::vector<std::string>{"choirs", "walking"}));
  EXPECT_EQ(back.contact_methods, (std::vector<ContactMethod>{ContactMethod::email, ContactMethod::text}));
  EXPECT_EQ(back.contact_times, (std::vector<ContactTime>{ContactTime::evenings}));
  p.interests = {"walking"};
  run([&]() -> boost::asio::awaitable<int> {
    auto op = service->save_profile(p);
    co_await std::move(op);
    co_return 0;
  }());
  EXPECT_EQ(run(service->profile(ceri))->interests, (std::vector<std::string>{"walking"}));
}

TEST_P(PeopleServiceOnBackend, TheDirectoryFindsMembersByWordsTypeAndInterest) {
  auto dai = service->create_user_now({.email = "dai@example.org", .name = "Dai"}, "");
  service->add_member_now("north", "dai@example.org", Role::member, {MemberType::unpaid_carer});
  auto south = service->create_organisation_now({.slug = "south", .name = "South"});
  service->create_user_now({.email = "eve@example.org", .name = "Eve"}, "");
  service->add_member_now("south", "eve@example.org", Role::member, {});
  for (auto [email, strengths, tag] : {std::tuple{"dai@example.org", "Beekeeping and baking", "bees"},
                                       std::tuple{"eve@example.org", "Beekeeping", "bees"},
                                       std::tuple{"ceri@example.org", "Chairing meetings", "choirs"}}) {
    auto p = *service->profile_by_email_now(email);
    p.strengths = strengths;
    p.lived_experience = "secret words";
    p.interests = {tag};
    service->save_profile_now(p);
  }
  auto names = [](const DirectoryPage& page) {
    std::vector<std::string> out;
    for (auto& m : page.members) out.push_back(m.name);
    return out;
  };
  EXPECT_EQ(names(run(service->directory(north, {}))), (std::vector<std::string>{"Ceri", "Dai"}));
  EXPECT_EQ(names(run(service->directory(north, {.text = "beekeep"}))), (std::vector<std::string>{"Dai"}));
  EXPECT_EQ(names(run(service->directory(north, {.text = "bees"}))), (std::vector<std::string>{"Dai"}));
  EXPECT_EQ(names(run(service->directory(south, {.text = "beekeeping"}))), (std::vector<std::string>{"Eve"}));
  EXPECT_EQ(names(run(service->directory(north, {.type = MemberType::unpaid_carer}))),
            (std::vector<std::string>{"Ceri", "Dai"}));
  EXPECT_EQ(names(run(service->directory(north, {.type = MemberType::staff}))), std::vector<std::string>{});
  EXPECT_EQ(names(run(service->directory(north, {.interest = "choirs"}))), (std::vector<std::string>{"Ceri"}));
  EXPECT_EQ(run(service->directory(north, {.text = "secret"})).total, 0);
  auto page = run(service->directory(north, {.limit = 1, .offset = 1}));
  EXPECT_EQ(page.total, 2);
  EXPECT_EQ(names(page), (std::vector<std::string>{"Dai"}));
  EXPECT_EQ(page.members[0].interests, (std::vector<std::string>{"bees"}));
  EXPECT_EQ(page.members[0].member_types, (std::vector<MemberType>{MemberType::unpaid_carer}));

  // The list follows a change of name (the directory keeps its own sort key), in any case.
  auto renamed = *service->profile_by_email_now("ceri@example.org");
  renamed.name = "eirlys";
  service->save_profile_now(renamed);
  EXPECT_EQ(names(run(service->directory(north, {}))), (std::vector<std::string>{"Dai", "eirlys"}));
  (void)dai;
}

TEST_P(PeopleServiceOnBackend, ConsentIsRecordedWithItsWordingAndWithdrawingContactHidesContactDetails) {
  auto set = [&](core::Lang lang, std::vector<std::pair<ConsentPurpose, bool>> d) {
    run([&]() -> boost::asio::awaitable<int> {
      auto op = service->set_consents(ceri, lang, d);
      co_await std::move(op);
      co_return 0;
    }());
  };
  auto [empty, none] = run(service->consents(ceri));
  EXPECT_FALSE(empty.contact);
  EXPECT_TRUE(none.empty());
  set(core::Lang::cy, {{ConsentPurpose::contact, true}, {ConsentPurpose::public_use, false}});
  // The same choices again record nothing new.
  set(core::Lang::cy, {{ConsentPurpose::contact, true}, {ConsentPurpose::public_use, false}});
  auto [state, history] = run(service->consents(ceri));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_TRUE(state.given(ConsentPurpose::contact));
  EXPECT_FALSE(state.given(ConsentPurpose::public_use));
  EXPECT_EQ(state.contact->version, 1);
  EXPECT_EQ(state.contact->lang, core::Lang::cy);
  // The wording the person saw, in Welsh.
  EXPECT_NE(state.contact->wording.find("gysylltu"), std::string::npos);

  auto gwen = service->create_user_now({.email = "gwen@example.org", .name = "Gwen"}, "");
  service->add_member_now("north", "gwen@example.org", Role::member, {});
  auto p = *run(service->profile(ceri));
  p.phone = "07700 900123";
  service->save_profile_now(p);
  EXPECT_TRUE(run(service->member_profile(gwen, north, ceri, true))->contact_visible);
  set(core::Lang::en, {{ConsentPurpose::contact, false}, {ConsentPurpose::public_use, false}});
  auto view = *run(service->member_profile(gwen, north, ceri, true));
  EXPECT_FALSE(view.contact_visible);
  EXPECT_TRUE(view.contact_withdrawn);
  EXPECT_EQ(view.profile.phone, "");
  // The person still sees their own details.
  EXPECT_TRUE(run(service->member_profile(ceri, north, ceri, false))->contact_visible);
  auto [after, all] = run(service->consents(ceri));
  EXPECT_EQ(all.size(), 3u);
  EXPECT_EQ(count("audit_log WHERE action = 'consent_changed'"), 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, PeopleServiceOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::people
