#include "organisations/organisation_policy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::organisations::policy {
namespace {

using core::Role;
constexpr Verdict Y = Verdict::allow, N = Verdict::deny, T = Verdict::need_two_step;

// One row per action; columns: admin with two-step, admin without, facilitator (without two-step), finance, member.
// A facilitator's answers do not depend on two-step, checked below.
struct Row {
  Action action;
  Verdict admin, admin_no_two_step, facilitator, finance, member;
};
constexpr Row kTable[] = {
    //                               admin  admin-2 facil finance member
    {Action::see_organisation, /*    */ Y, Y, Y, Y, Y}, {Action::see_members, /*         */ Y, Y, Y, Y, Y},
    {Action::see_shared_needs, /*    */ Y, Y, Y, N, N}, {Action::invite, /*              */ Y, T, Y, N, N},
    {Action::invite_any_role, /*     */ Y, T, N, N, N}, {Action::manage_organisation, /* */ Y, T, N, N, N},
    {Action::manage_members, /*      */ Y, T, N, N, N},
};

TEST(PeoplePolicy, Table) {
  for (const auto& row : kTable) {
    const std::string name(action_name(row.action));
    EXPECT_EQ(allows({Role::org_admin, true}, row.action), row.admin) << name;
    EXPECT_EQ(allows({Role::org_admin, false}, row.action), row.admin_no_two_step) << name;
    for (bool two_step : {false, true}) {
      EXPECT_EQ(allows({Role::facilitator, two_step}, row.action), row.facilitator) << name;
      EXPECT_EQ(allows({Role::finance, two_step}, row.action), row.finance) << name;
      EXPECT_EQ(allows({Role::member, two_step}, row.action), row.member) << name;
    }
  }
}

TEST(PeoplePolicy, EveryActionIsInTheTableWithItsOwnName) {
  // Adding an action without a row (or a name) fails here.
  EXPECT_EQ(std::size(kTable), static_cast<size_t>(Action::manage_members) + 1);
  for (size_t i = 0; i < std::size(kTable); ++i) {
    EXPECT_EQ(static_cast<size_t>(kTable[i].action), i);
    EXPECT_NE(action_name(kTable[i].action), "organisations.unknown");
  }
}

}  // namespace
}  // namespace roundtable::organisations::policy
