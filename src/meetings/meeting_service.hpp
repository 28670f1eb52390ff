/// The meetings module's use cases: schedule a meeting for a group, change it, call it off with a reason, reply
/// (going, maybe, not going, with what you need) until it starts, and the facilitators' checklist. Each use case is
/// one database visit in one transaction. Who may do what is the policy's job (meeting_policy.hpp); the pages ask it
/// before calling here, and the service keeps the rules a policy cannot see (no replies once it has started or was
/// called off; only people in the group reply).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "groups/group.hpp"
#include "meetings/meeting.hpp"

namespace roundtable::meetings {

using boost::asio::awaitable;

/// A group's meetings page, read in one visit.
struct GroupMeetings {
  groups::GroupForViewer group;
  std::vector<MeetingListed> meetings;
};

/// Why a reply was not kept.
enum class ReplyOutcome {
  done,
  /// The meeting is not there, has started, was called off, or its group is archived.
  closed,
  /// The person is not a lead facilitator, facilitator or member of the group.
  not_in_group,
};

class MeetingService {
 public:
  MeetingService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// The group (in this organisation) as the viewer sees it, for scheduling a meeting in it.
  awaitable<std::optional<groups::GroupForViewer>> group_for(long long org_id, long long group_id, long long viewer);
  /// The group and its meetings.
  awaitable<std::optional<GroupMeetings>> group_meetings(long long org_id, long long group_id, long long viewer);
  /// Schedules a meeting. The same create_key twice makes one: the second call returns the first one's id (0: the
  /// group is not there or archived).
  awaitable<long long> schedule_meeting(long long org_id, long long group_id, long long actor, MeetingDetails details,
                                        std::string create_key);
  awaitable<std::optional<MeetingForViewer>> meeting_for(long long org_id, long long id, long long viewer);
  /// Changes when, where and why; false when it is not there, was called off, or its group is archived.
  awaitable<bool> update_meeting(long long org_id, long long id, MeetingDetails details);
  /// Calls it off with a reason everyone sees; false when it is not there, has started or was called off already.
  awaitable<bool> cancel_meeting(long long org_id, long long id, std::string reason);
  /// Keeps (or changes) the person's reply; one per person however often it is sent.
  awaitable<ReplyOutcome> reply(long long org_id, long long id, long long user, RsvpDetails details);
  /// Everyone in the group with their reply (nullopt: the meeting is not this organisation's). A write: the viewer
  /// looking at what people said they need is recorded in the audit log against each of them (needs_viewed,
  /// "meeting:<id>"), so each person can see who looked, as with the needs they share with a group.
  awaitable<std::optional<std::vector<Rsvp>>> checklist(long long org_id, long long id, long long viewer);

  /// For demo data and tests, on the calling thread.
  long long schedule_now(long long org_id, long long group_id, long long actor, const MeetingDetails& details,
                         long long at);
  void reply_now(long long org_id, long long id, long long user, const RsvpDetails& details, long long at);
  void cancel_now(long long id, const std::string& reason, long long at);

  const core::Clock& clock() const { return clock_; }
  long long now() const { return clock_.now_seconds(); }

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace roundtable::meetings
