#include "notifications/notification_policy.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <string>

namespace roundtable::notifications::policy {
namespace {

using core::Role;
constexpr Verdict Y = Verdict::allow;

// One row per action; columns: admin with two-step, admin without, facilitator, finance, member (the last three
// the same with or without two-step, checked below).
struct Row {
  Action action;
  Verdict admin, admin_no_two_step, facilitator, finance, member;
};
constexpr Row kTable[] = {
    //                             admin admin-2 facil finance member
    {Action::see_notices, /*     */ Y, Y, Y, Y, Y},
    {Action::choose, /*          */ Y, Y, Y, Y, Y},
};

TEST(NotificationPolicy, Table) {
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

TEST(NotificationPolicy, EveryActionIsInTheTableWithItsOwnName) {
  EXPECT_EQ(std::size(kTable), static_cast<size_t>(Action::choose) + 1);
  for (size_t i = 0; i < std::size(kTable); ++i) {
    EXPECT_EQ(static_cast<size_t>(kTable[i].action), i);
    EXPECT_NE(action_name(kTable[i].action), "notifications.unknown");
  }
}

}  // namespace
}  // namespace roundtable::notifications::policy
