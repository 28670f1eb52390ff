/// Who may do what in an organisation, as one pure function: the routes use it to guard pages and their POSTs, and
/// the pages use it to decide which links and buttons to show, so the two cannot disagree. Tested as a table in
/// organisation_policy_test.cpp.
#pragma once

#include <string_view>

#include "core/roles.hpp"

namespace roundtable::organisations::policy {

enum class Action {
  /// The organisation's home page.
  see_organisation,
  /// The member directory and each member's page.
  see_members,
  /// What a member chose to share with facilitators (their access needs) on their member page.
  see_shared_needs,
  /// Invitations: list, send, resend, revoke (to the roles invitable_roles allows).
  invite,
  /// Invite someone as an organisation admin, facilitator or finance, not only as a member.
  invite_any_role,
  /// Settings, logo and the audit log.
  manage_organisation,
  /// Change a member's role or remove them.
  manage_members,
};

/// Who is asking, in this organisation.
struct Actor {
  core::Role role = core::Role::member;
  /// Two-step sign-in is on for this person.
  bool two_step = false;
};

/// need_two_step: allowed once the person turns two-step sign-in on (organisation admins must).
enum class Verdict { allow, deny, need_two_step };

Verdict allows(const Actor& actor, Action action);

/// A stable name for logs and the route table ("organisations.invite").
std::string_view action_name(Action action);

}  // namespace roundtable::organisations::policy
