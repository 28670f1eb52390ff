#include "organisations/organisation_service.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <tuple>

#include "audit/audit_store.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "security/passwords.hpp"
#include "security/tokens.hpp"
#include "testing/services_fixture.hpp"
#include "testing/world.hpp"

namespace roundtable::organisations {
namespace {

using accounts::EmailTaken;
using accounts::SignInLimits;
using accounts::SignInOutcome;
using db::testing::run;
using organisations::MemberType;
using organisations::Role;

class OrganisationServiceOnBackend : public roundtable::testing::ServicesOnBackend {};

TEST_P(OrganisationServiceOnBackend, APersonComesWithTheirMembershipsRolesAndTypes) {
  auto p = run(orgs->person(ceri));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->user.email, "ceri@example.org");
  ASSERT_EQ(p->memberships.size(), 1u);
  EXPECT_EQ(p->memberships[0].org_slug, "north");
  EXPECT_EQ(p->memberships[0].role, Role::facilitator);
  EXPECT_EQ(p->memberships[0].member_types,
            (std::vector<MemberType>{MemberType::lived_experience, MemberType::unpaid_carer}));
  orgs->add_member_now("north", "ceri@example.org", Role::org_admin, {MemberType::staff});
  p = run(orgs->person(ceri));
  EXPECT_EQ(p->memberships[0].role, Role::org_admin);
  EXPECT_EQ(p->memberships[0].member_types, (std::vector<MemberType>{MemberType::staff}));
  EXPECT_FALSE(run(orgs->person(ceri + 1000)));
}

TEST_P(OrganisationServiceOnBackend, APersonsOrganisationsComeInNameOrderAndTwoStepIsReadForEveryAccount) {
  orgs->create_organisation_now({.slug = "ammanford", .name = "ammanford Mind"});
  orgs->create_organisation_now({.slug = "zed", .name = "Zed Partnership"});
  orgs->add_member_now("zed", "ceri@example.org", Role::member, {});
  orgs->add_member_now("ammanford", "ceri@example.org", Role::finance, {MemberType::staff});
  db->run_sync([&](soci::session& s) {
    s << "INSERT INTO two_step (user_id, secret, enabled_at, created_at) VALUES (:u, 'KEY', 1, 1)", soci::use(ceri);
  });
  auto p = run(orgs->person(ceri));
  ASSERT_TRUE(p);
  std::vector<std::string> slugs;
  for (auto& m : p->memberships) slugs.push_back(m.org_slug);
  // By name whatever the case: "ammanford Mind", "North Wales Carers", "Zed Partnership".
  EXPECT_EQ(slugs, (std::vector<std::string>{"ammanford", "north", "zed"}));
  EXPECT_EQ(p->memberships[0].member_types, std::vector<MemberType>{MemberType::staff});
  EXPECT_EQ(p->memberships[1].member_types.size(), 2u);
  EXPECT_TRUE(p->memberships[2].member_types.empty());
  // Read for every account, not only admins': a session that owes its second step is signed in for no page.
  EXPECT_TRUE(p->two_step) << "two-step sign-in is on for a member too";
  orgs->add_member_now("zed", "ceri@example.org", Role::org_admin, {});
  p = run(orgs->person(ceri));
  EXPECT_TRUE(p->two_step);
  EXPECT_EQ(p->memberships.size(), 3u) << "one membership per organisation whatever the joins";

  // Someone in no organisation.
  const auto dewi = acc->create_user_now({.email = "dewi@example.org", .name = "Dewi"}, "a long password");
  p = run(orgs->person(dewi));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->user.name, "Dewi");
  EXPECT_TRUE(p->memberships.empty());
  EXPECT_FALSE(p->two_step);
  db->run_sync([&](soci::session& s) {
    s << "INSERT INTO two_step (user_id, secret, created_at) VALUES (:u, 'KEY', 1)", soci::use(dewi);
  });
  EXPECT_FALSE(run(orgs->person(dewi))->two_step) << "being set up is not on";
  db->run_sync(
      [&](soci::session& s) { s << "UPDATE two_step SET enabled_at = 2 WHERE user_id = :u", soci::use(dewi); });
  EXPECT_TRUE(run(orgs->person(dewi))->two_step) << "someone in no organisation";
}

TEST_P(OrganisationServiceOnBackend, OrganisationAddressesAreUnique) {
  EXPECT_THROW(orgs->create_organisation_now({.slug = "north", .name = "Another"}), SlugTaken);
  EXPECT_THROW(run(orgs->create_organisation(ceri, {.slug = "north", .name = "Another"})), SlugTaken);
  auto south = run(orgs->create_organisation(ceri, {.slug = "south", .name = "South"}));
  EXPECT_GT(south, north);
  auto listed = run(orgs->organisations());
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].slug, "north");
  EXPECT_EQ(listed[0].member_count, 1);
  EXPECT_EQ(listed[1].member_count, 0);
  EXPECT_THROW(acc->create_user_now({.email = "CERI@example.org", .name = "Twin"}, ""), EmailTaken);
  EXPECT_THROW(orgs->add_member_now("nowhere", "ceri@example.org", Role::member, {}), std::invalid_argument);
  EXPECT_THROW(orgs->add_member_now("north", "nobody@example.org", Role::member, {}), std::invalid_argument);
}

TEST_P(OrganisationServiceOnBackend, SettingsChangesAndSignInsAreAudited) {
  auto org = *run(orgs->organisation("north"));
  org.name = "North Wales Carers Together";
  org.languages = {core::Lang::cy, core::Lang::en};
  org.signup_mode = SignupMode::open;
  run([&]() -> boost::asio::awaitable<int> {
    auto op = orgs->update_organisation(ceri, org);
    co_await std::move(op);
    co_return 0;
  }());
  auto saved = *run(orgs->organisation("north"));
  EXPECT_EQ(saved.name, "North Wales Carers Together");
  EXPECT_EQ(saved.languages, (std::vector<core::Lang>{core::Lang::cy, core::Lang::en}));
  EXPECT_EQ(saved.signup_mode, SignupMode::open);
  EXPECT_EQ(actions(north), (std::vector<std::string>{"org_settings_changed", "member_added", "org_created"}));
  run(acc->sign_in_with_password("ceri@example.org", "wrong", "10.0.0.1"));
  run(acc->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1"));
  auto mine = db->run_sync([&](soci::session& s) { return audit::store::list_for_user(s, ceri); });
  ASSERT_GE(mine.size(), 3u);
  EXPECT_EQ(mine[mine.size() - 2].action, "sign_in_failed");
  EXPECT_EQ(mine.back().action, "signed_in");
  EXPECT_EQ(mine.back().actor_name, "Ceri");
  // The audit log never holds the password.
  EXPECT_EQ(count("audit_log WHERE detail LIKE '%password%'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, OrganisationServiceOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::organisations
