/// Who may do what with notifications, as one pure function: the route guard and the pages both use it. Tested as a
/// table in notification_policy_test.cpp. A person's notices and choices are only ever their own (every query is by
/// the signed-in person's id), so the table says which members may have them at all.
#pragma once

#include <string_view>

#include "core/roles.hpp"

namespace roundtable::notifications::policy {

enum class Action {
  /// See one's own notices in the organisation and mark them read.
  see_notices,
  /// Choose how one hears about each of one's groups.
  choose,
};

struct Actor {
  core::Role role = core::Role::member;
  bool two_step = false;
};

enum class Verdict { allow, deny, need_two_step };

Verdict allows(const Actor& actor, Action action);

/// A stable name for logs and the route table ("notifications.choose").
std::string_view action_name(Action action);

}  // namespace roundtable::notifications::policy
