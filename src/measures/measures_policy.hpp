/// Who may see the measures, as one pure function (tested as a table in measures_test.cpp). Denied means 404.
///
/// | Action              | Who                                                                                  |
/// |---------------------|--------------------------------------------------------------------------------------|
/// | see_group_measures  | whoever may see the group (groups::policy::sees_group): counts only, no one's words  |
/// | see_org_measures    | organisation admins (after two-step sign-in) and the organisation's facilitators;    |
/// |                     | each sees the sum over the groups they may see                                       |
#pragma once

#include <string_view>

#include "groups/group_policy.hpp"

namespace roundtable::measures::policy {

using groups::policy::Actor;
using groups::policy::GroupFacts;
using groups::policy::Verdict;

enum class Action { see_group_measures, see_org_measures };

/// For see_org_measures (deny for the other).
Verdict allows(const Actor& actor, Action action);
/// For see_group_measures on one group; also which groups an organisation's measures add up.
Verdict allows(const Actor& actor, Action action, const GroupFacts& group);
std::string_view action_name(Action action);

}  // namespace roundtable::measures::policy
