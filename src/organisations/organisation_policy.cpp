#include "organisations/organisation_policy.hpp"

namespace roundtable::organisations::policy {

namespace {

/// Admin-only actions need two-step sign-in on; everything an admin may do that others may too does not.
Verdict as_admin(const Actor& a) { return a.two_step ? Verdict::allow : Verdict::need_two_step; }

}  // namespace

Verdict allows(const Actor& a, Action action) {
  using core::Role;
  switch (action) {
    case Action::see_organisation:
    case Action::see_members: return Verdict::allow;
    case Action::see_shared_needs:
      return a.role == Role::org_admin || a.role == Role::facilitator ? Verdict::allow : Verdict::deny;
    case Action::invite:
      if (a.role == Role::facilitator) return Verdict::allow;
      return a.role == Role::org_admin ? as_admin(a) : Verdict::deny;
    case Action::invite_any_role:
    case Action::manage_organisation:
    case Action::manage_members: return a.role == Role::org_admin ? as_admin(a) : Verdict::deny;
  }
  return Verdict::deny;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::see_organisation: return "organisations.see_organisation";
    case Action::see_members: return "organisations.see_members";
    case Action::see_shared_needs: return "organisations.see_shared_needs";
    case Action::invite: return "organisations.invite";
    case Action::invite_any_role: return "organisations.invite_any_role";
    case Action::manage_organisation: return "organisations.manage_organisation";
    case Action::manage_members: return "organisations.manage_members";
  }
  return "organisations.unknown";
}

}  // namespace roundtable::organisations::policy
