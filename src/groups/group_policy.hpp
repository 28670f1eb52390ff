/// Who may do what with groups, as one pure function: the routes use it to guard pages and their POSTs, and the pages
/// use it to decide which links and buttons to show, so the two cannot disagree. Tested as a table in
/// group_policy_test.cpp. Denied means 404: a group a person may not see does not exist for them.
#pragma once

#include <optional>
#include <string_view>

#include "core/roles.hpp"
#include "groups/group.hpp"

namespace roundtable::groups::policy {

enum class Action {
  // In the organisation, before any group.
  /// The list of groups (each filtered by see_group).
  list_groups,
  /// Start a group or project (its maker becomes its lead facilitator).
  create_group,
  // On one group.
  /// Its page: purpose, stage, ground rules, who runs it.
  see_group,
  /// Who is in it, with their member types, and what happened in it.
  see_members,
  /// Ask to join it.
  ask_to_join,
  leave,
  /// Move the project's stage, with a reason.
  move_stage,
  /// Say yes or no to requests to join.
  answer_requests,
  /// Invite someone in the organisation to join.
  invite,
  /// Say yes or no to an invitation to join.
  answer_invitation,
  /// Everyone's support needs for the group (what each member agreed to share with facilitators).
  see_support_needs,
  /// Change its details.
  edit_group,
  /// Change members' roles and take people out.
  manage_members,
  archive_group,
  restore_group,
};

/// Who is asking: their role in the organisation and, when they are in the group, their role there.
struct Actor {
  core::Role org_role = core::Role::member;
  /// Two-step sign-in is on for this person and this session passed it.
  bool two_step = false;
  std::optional<GroupRole> group_role;
  /// The people who run the group invited this person, and they have not answered yet.
  bool invited = false;
};

/// What the rules need to know about the group.
struct GroupFacts {
  Visibility visibility = Visibility::organisation;
  bool archived = false;
};

/// need_two_step: allowed once the person turns two-step sign-in on (organisation admins acting as admins must).
enum class Verdict { allow, deny, need_two_step };

/// For the organisation-wide actions (list_groups, create_group); deny for the others.
Verdict allows(const Actor& actor, Action action);
/// For an action on one group.
Verdict allows(const Actor& actor, Action action, const GroupFacts& group);

/// Who may see the group's picture (the file at /files/...): whoever may see the group's page (actor: a member of
/// its organisation, as see_group decides), and anyone at all, signed in or not, while its summary is public (public
/// and not archived). Everyone else gets 404.
bool may_see_picture(const std::optional<Actor>& actor, const GroupFacts& group);

// What every module whose things live in a group (meetings, decisions, boards, opportunities...) builds its policy on,
// so each says only what is its own. Their Verdict is this one.

/// Whoever may see the group, as see_group decides.
Verdict sees_group(const Actor& actor, const GroupFacts& group);
/// Looking into a group's part of a module: its own people as see_group decides; someone outside it only when they
/// are an organisation admin who may see the group, after two-step sign-in.
Verdict looks_in(const Actor& actor, const GroupFacts& group);
/// The people who run the group; an organisation admin acting as one must have passed two-step sign-in.
Verdict runs_group(const Actor& actor);
/// Both must allow; two-step sign-in first when either asks for it.
Verdict both(Verdict a, Verdict b);
/// Its lead facilitators, facilitators and members (not observers): they take part.
bool takes_part(const Actor& actor);

/// A stable name for logs and the route table ("groups.move_stage").
std::string_view action_name(Action action);

}  // namespace roundtable::groups::policy
