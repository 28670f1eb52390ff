/// Who may do what with opportunities, as one pure function: the routes use it to guard pages and their POSTs, and
/// the pages use it to decide which links and buttons to show. Tested as a table in opportunity_policy_test.cpp.
/// Denied means 404. The people who run a group (its lead facilitators and facilitators) recruit into it; an
/// organisation admin may too, once two-step sign-in is passed.
#pragma once

#include <optional>
#include <string_view>

#include "core/roles.hpp"
#include "groups/group_policy.hpp"
#include "opportunities/opportunity.hpp"

namespace roundtable::opportunities::policy {

enum class Action {
  // In the organisation.
  /// The open opportunities of the organisation.
  list_opportunities,
  // On a group (only the group's facts count).
  /// Advertise a place in the group.
  create_opportunity,
  // On one opportunity.
  /// Its page (a draft only for the people who run the group).
  see_opportunity,
  /// Change what it says, until the outcome is told.
  edit_opportunity,
  /// Publish a draft.
  open_opportunity,
  /// Close it before its closing date.
  close_opportunity,
  /// Say (change, or take back) that you are interested, while it is open and you are not in the group yet.
  express_interest,
  /// Everyone who applied, with their words.
  see_applicants,
  /// Play an applicant's recording (its owner always may: the uploads rule): whoever sees the applicants. A file
  /// cannot lead to two-step sign-in, so the check that serves it lets through only allow.
  hear_recording,
  /// Shortlist and select applicants.
  select,
  /// Tell everyone who applied the outcome (the selected join the group); it is then filled.
  tell_outcome,
};

/// Who is asking: their role in the organisation and, when they are in the group, their role there.
struct Actor {
  core::Role org_role = core::Role::member;
  /// Two-step sign-in is on for this person and this session passed it.
  bool two_step = false;
  std::optional<GroupRole> group_role;
};

/// What the rules need to know about the opportunity (and its group).
struct Facts {
  /// As it is today (closed once the closing date has passed).
  State state = State::open;
  bool group_archived = false;
};

/// The groups policy's verdict (allow, deny, need_two_step): a group's module decides in the same terms.
using Verdict = groups::policy::Verdict;

/// For the organisation-wide action (list_opportunities); deny for the others.
Verdict allows(const Actor& actor, Action action);
/// For an action on a group (create_opportunity: only group_archived counts) or one opportunity.
Verdict allows(const Actor& actor, Action action, const Facts& facts);

/// A stable name for logs and the route table ("opportunities.select").
std::string_view action_name(Action action);

}  // namespace roundtable::opportunities::policy
