/// Who may do what with the loop, as one pure function: the routes guard with it, the service asks it again inside
/// the change's transaction, and the pages use it to decide which links and forms to show. Tested as a table in
/// loop_policy_test.cpp. Denied means 404.
///
/// - A contribution's timeline: whoever may see the contribution (its module's resolver says; so far the group's
///   people).
/// - Saying what happened next: the people who run the contribution's group (lead facilitators and facilitators),
///   while the group is not archived.
/// - The group's "You said, we did" page: whoever may see the group (its people; every member of the organisation
///   unless the group is members-only; the organisation's admins with two-step sign-in); a public group's page is
///   public too.
/// - The group's contributions themselves on those pages (a link to each timeline, a topic's own easy-read summary on
///   the easy-read page): the group's people, who may see them; nobody else, signed in or not.
#pragma once

#include <optional>
#include <string_view>

#include "core/roles.hpp"
#include "groups/group.hpp"

namespace roundtable::loop::policy {

using groups::GroupRole;
using groups::Visibility;

enum class Action {
  /// A contribution's timeline.
  see_timeline,
  /// Say what happened next to a contribution.
  set_status,
  /// The group's "You said, we did" page, signed in.
  see_group_page,
  /// The same page for anyone, without signing in.
  see_public_page,
  /// On those pages, the group's contributions themselves: links to their timelines, their own easy-read text.
  see_contributions,
};
inline constexpr Action kAllActions[] = {Action::see_timeline, Action::set_status, Action::see_group_page,
                                         Action::see_public_page, Action::see_contributions};

struct Actor {
  core::Role org_role = core::Role::member;
  bool two_step = false;
  std::optional<GroupRole> group_role;
};

struct Facts {
  Visibility visibility = Visibility::organisation;
  bool group_archived = false;
  /// The contribution's module lets the person see it (actions on one contribution).
  bool sees_contribution = false;
};

enum class Verdict { allow, deny, need_two_step };

Verdict allows(const Actor& actor, Action action, const Facts& facts);

/// "loop.set_status"
std::string_view action_name(Action action);

}  // namespace roundtable::loop::policy
