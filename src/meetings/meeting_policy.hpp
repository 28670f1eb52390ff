/// Who may do what with meetings, as one pure function: the routes use it to guard pages and their POSTs, and the
/// pages use it to decide which links and buttons to show. Tested as a table in meeting_policy_test.cpp. Denied means
/// 404.
///
/// - Whoever may see the group (the groups policy's see_group) sees its meetings, and may download a meeting for
///   their calendar.
/// - The group's lead facilitators, facilitators and members reply (going, maybe, not going, with what they need),
///   until the meeting starts. Observers read along and take no part (groups/group.hpp), so they do not reply: an
///   observer who wants to come asks the people who run the group to make them a member.
/// - The people who run the group (lead facilitators and facilitators; an organisation admin once two-step sign-in is
///   passed) schedule, change and call off meetings, and see the checklist of who is coming and what they need.
/// - The agenda, papers, published minutes and actions are for the group's own people only (observers read them) and
///   the organisation's admins (with two-step sign-in); everyone else is answered 404, whoever may see the group.
///   Lead facilitators, facilitators and members propose agenda items until the meeting starts.
/// - The people who run the group run the agenda (accept, order, change and remove items, add topics members asked
///   to raise, say the papers were sent) and record the meeting (who came, minutes, decisions, actions), and read
///   the minutes before they are published.
/// - "Find a time" polls are the group's own, like the agenda: observers see the results but do not answer; the
///   people who run the group run them; everyone else is answered 404.
/// - An archived group's meetings can be read but not changed or replied to.
/// - A session of a series open to the organisation (series.hpp) is also seen and replied to by everyone in the
///   organisation, whatever the group's visibility and whether or not they are in the group (observers too); its
///   agenda stays the group's.
#pragma once

#include <optional>
#include <string_view>

#include "core/roles.hpp"
#include "groups/group_policy.hpp"
#include "meetings/meeting.hpp"

namespace roundtable::meetings::policy {

enum class Action {
  // On a group (only the group's facts count).
  /// The group's meetings.
  list_meetings,
  /// Arrange a new meeting.
  schedule_meeting,
  // On one meeting.
  /// Its page and its calendar file.
  see_meeting,
  /// Change when, where and why (not once called off).
  edit_meeting,
  /// Call it off, with a reason, before it starts.
  cancel_meeting,
  /// Say whether you are coming and what you need, until it starts (not once called off).
  reply,
  /// Who is coming and what each person needs, as a checklist.
  see_checklist,
  /// The agenda, its papers, the published minutes and the actions.
  see_agenda,
  /// Suggest an item for the agenda, until the meeting starts (not once called off).
  propose_item,
  /// Accept, order, change and remove items, add raised topics, say the papers were sent (not once called off).
  run_agenda,
  /// Record who came, the minutes, decisions and actions, publish the minutes, and read them before then.
  record_meeting,
  // "Find a time" polls (time_poll.hpp). On a group or one poll: Facts::started says the poll has closed (by hand or
  // at its closing time), and cancelled is unused.
  /// The group's polls and their results: the group's own people (observers read them) and the organisation's admins.
  see_polls,
  /// Answer a poll's times, until it closes: lead facilitators, facilitators and members, not observers.
  answer_poll,
  /// Open, change, close, reopen and delete polls, see who answered what, and schedule the meeting from one.
  run_poll,
};

/// Who is asking: their role in the organisation and, when they are in the group, their role there.
struct Actor {
  core::Role org_role = core::Role::member;
  /// Two-step sign-in is on for this person and this session passed it.
  bool two_step = false;
  std::optional<GroupRole> group_role;
};

/// What the rules need to know about the meeting and its group.
struct Facts {
  groups::Visibility visibility = groups::Visibility::organisation;
  bool group_archived = false;
  bool cancelled = false;
  /// Its start time has come.
  bool started = false;
  /// A session of a series open to everyone in the organisation.
  bool open_to_organisation = false;
};

/// The groups policy's verdict (allow, deny, need_two_step): a group's module decides in the same terms.
using Verdict = groups::policy::Verdict;

Verdict allows(const Actor& actor, Action action, const Facts& facts);

/// A stable name for logs and the route table ("meetings.reply").
std::string_view action_name(Action action);

}  // namespace roundtable::meetings::policy
