/// Who may do what with an organisation's accessibility statement, as one pure function: the route guard and the
/// pages both use it. Reading a published statement needs no rule: it is for everyone. Tested as a table in
/// statement_policy_test.cpp.
#pragma once

#include <string_view>

#include "core/roles.hpp"

namespace roundtable::accessibility::policy {

enum class Action {
  /// Write, change, publish or withdraw the organisation's statement.
  edit_statement,
};

struct Actor {
  core::Role role = core::Role::member;
  bool two_step = false;
};

/// need_two_step: allowed once the person turns two-step sign-in on (organisation admins must).
enum class Verdict { allow, deny, need_two_step };

Verdict allows(const Actor& actor, Action action);

/// A stable name for logs and the route table ("accessibility.edit_statement").
std::string_view action_name(Action action);

}  // namespace roundtable::accessibility::policy
