#include "groups/group_policy.hpp"

namespace roundtable::groups::policy {

namespace {

/// An organisation admin acting as one (not as a member of the group) must have passed two-step sign-in.
Verdict as_org_admin(const Actor& a) {
  if (a.org_role != core::Role::org_admin) return Verdict::deny;
  return a.two_step ? Verdict::allow : Verdict::need_two_step;
}

bool runs(const Actor& a) { return a.group_role == GroupRole::lead || a.group_role == GroupRole::facilitator; }

}  // namespace

Verdict allows(const Actor& a, Action action) {
  switch (action) {
    case Action::list_groups: return Verdict::allow;
    case Action::create_group:
      if (a.org_role == core::Role::facilitator) return Verdict::allow;
      return as_org_admin(a);
    default: return Verdict::deny;
  }
}

Verdict allows(const Actor& a, Action action, const GroupFacts& g) {
  const bool in = a.group_role.has_value();
  switch (action) {
    case Action::list_groups:
    case Action::create_group: return Verdict::deny;
    case Action::see_group:
      // Someone invited may read what they are invited to.
      if (in || a.invited || g.visibility != Visibility::members) return Verdict::allow;
      return as_org_admin(a);
    case Action::see_members:
      // Being in a group can say something about a person's health: only the group and the organisation's admins
      // see who is in it.
      if (in) return Verdict::allow;
      return as_org_admin(a);
    case Action::ask_to_join:
      // A members-only group takes people by invitation; an archived one takes nobody.
      if (in || g.archived || g.visibility == Visibility::members) return Verdict::deny;
      return Verdict::allow;
    case Action::leave: return in ? Verdict::allow : Verdict::deny;
    case Action::answer_invitation: return a.invited && !in && !g.archived ? Verdict::allow : Verdict::deny;
    case Action::move_stage:
    case Action::answer_requests:
    case Action::invite:
      if (g.archived) return Verdict::deny;
      if (runs(a)) return Verdict::allow;
      return as_org_admin(a);
    case Action::see_support_needs:
      // What members agreed to share with the people who run their group, and no one else.
      return runs(a) ? Verdict::allow : Verdict::deny;
    case Action::edit_group:
    case Action::manage_members:
    case Action::archive_group:
      if (g.archived) return Verdict::deny;
      if (a.group_role == GroupRole::lead) return Verdict::allow;
      return as_org_admin(a);
    case Action::restore_group:
      if (!g.archived) return Verdict::deny;
      if (a.group_role == GroupRole::lead) return Verdict::allow;
      return as_org_admin(a);
  }
  return Verdict::deny;
}

bool may_see_picture(const std::optional<Actor>& actor, const GroupFacts& g) {
  if (g.visibility == Visibility::everyone && !g.archived) return true;
  return actor && allows(*actor, Action::see_group, g) == Verdict::allow;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::list_groups: return "groups.list_groups";
    case Action::create_group: return "groups.create_group";
    case Action::see_group: return "groups.see_group";
    case Action::see_members: return "groups.see_members";
    case Action::ask_to_join: return "groups.ask_to_join";
    case Action::leave: return "groups.leave";
    case Action::move_stage: return "groups.move_stage";
    case Action::answer_requests: return "groups.answer_requests";
    case Action::invite: return "groups.invite";
    case Action::answer_invitation: return "groups.answer_invitation";
    case Action::see_support_needs: return "groups.see_support_needs";
    case Action::edit_group: return "groups.edit_group";
    case Action::manage_members: return "groups.manage_members";
    case Action::archive_group: return "groups.archive_group";
    case Action::restore_group: return "groups.restore_group";
  }
  return "groups.unknown";
}

Verdict sees_group(const Actor& a, const GroupFacts& group) {
  return allows({a.org_role, a.two_step, a.group_role, false}, Action::see_group, group);
}

Verdict looks_in(const Actor& a, const GroupFacts& group) {
  return a.group_role ? sees_group(a, group) : both(sees_group(a, group), runs_group(a));
}

Verdict runs_group(const Actor& a) {
  if (a.group_role == GroupRole::lead || a.group_role == GroupRole::facilitator) return Verdict::allow;
  if (a.org_role != core::Role::org_admin) return Verdict::deny;
  return a.two_step ? Verdict::allow : Verdict::need_two_step;
}

Verdict both(Verdict a, Verdict b) {
  if (a == Verdict::deny || b == Verdict::deny) return Verdict::deny;
  if (a == Verdict::need_two_step || b == Verdict::need_two_step) return Verdict::need_two_step;
  return Verdict::allow;
}

bool takes_part(const Actor& a) {
  return a.group_role == GroupRole::lead || a.group_role == GroupRole::facilitator || a.group_role == GroupRole::member;
}

}  // namespace roundtable::groups::policy
