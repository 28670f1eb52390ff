/// Who may do what with a group's decisions, as one pure function: the routes guard with it, the service asks it
/// again inside each change's transaction, and the pages use it to decide which forms and buttons to show. Tested as
/// a table in decision_policy_test.cpp. Denied means 404.
///
/// - A group's proposals are the group's own: its people read them (observers too) and the organisation's admins
///   (with two-step sign-in); everyone else is answered 404, whoever may see the group.
/// - Any lead facilitator, facilitator or member proposes; observers read along.
/// - Those who may take part (eligible: every member, or only lived-experience members and unpaid carers, as the
///   proposal says) vote or answer until it closes, and may change their vote until then.
/// - The people who run the group (lead facilitators and facilitators; an organisation admin once two-step sign-in
///   is passed) close a proposal early or withdraw it, and write the decision record once it has closed.
/// - The proposer or the people who run the group mark an objection resolved while the proposal is open.
/// - Only the group's lead facilitators and facilitators set its power-sharing rules: rules about sharing power are
///   the group's own, so an organisation admin who is not a facilitator there cannot change them.
/// - Nothing in an archived group changes.
#pragma once

#include <optional>
#include <string_view>

#include "core/roles.hpp"
#include "decisions/decision.hpp"

namespace roundtable::decisions::policy {

enum class Action {
  /// The group's proposals and a proposal's page.
  see_decisions,
  /// Put forward a new proposal.
  propose,
  /// Vote or answer (consent), and change it, until it closes.
  take_part,
  /// Mark an objection resolved, saying how, while it is open.
  resolve_objection,
  /// Close early or withdraw.
  run_decision,
  /// Write the decision record once it has closed.
  record_decision,
  /// Change the group's power-sharing rules (and see the form).
  set_rules,
};
inline constexpr Action kAllActions[] = {Action::see_decisions,     Action::propose,      Action::take_part,
                                         Action::resolve_objection, Action::run_decision, Action::record_decision,
                                         Action::set_rules};

struct Actor {
  core::Role org_role = core::Role::member;
  bool two_step = false;
  std::optional<GroupRole> group_role;
};

/// What the rules need to know about the group and the proposal (on a group: only visibility and archived count).
struct Facts {
  groups::Visibility visibility = groups::Visibility::organisation;
  bool group_archived = false;
  /// Closed, withdrawn, or its closing time has come.
  bool closed = false;
  /// The person may take part (Proposal's eligibility and their member types).
  bool eligible = false;
  /// The person put it forward.
  bool proposer = false;
};

enum class Verdict { allow, deny, need_two_step };

Verdict allows(const Actor& actor, Action action, const Facts& facts);

/// "decisions.take_part"
std::string_view action_name(Action action);

}  // namespace roundtable::decisions::policy
