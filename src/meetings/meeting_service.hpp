/// The meetings module's use cases: schedule a meeting for a group, change it, call it off with a reason, reply
/// (going, maybe, not going, with what you need) until it starts, and the facilitators' checklist. Each use case is
/// one database visit in one transaction. Who may do what is the policy's job (meeting_policy.hpp); the pages ask it
/// before calling here, and the service keeps the rules a policy cannot see (no replies once it has started or was
/// called off; only people in the group reply).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "groups/group.hpp"
#include "meetings/agenda.hpp"
#include "meetings/meeting.hpp"
#include "meetings/meeting_policy.hpp"
#include "uploads/uploads.hpp"

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

/// A meeting with its agenda and what came of it, read in one visit for the agenda and minutes pages.
struct MeetingRecord {
  MeetingForViewer meeting;
  std::vector<AgendaItem> items;
  std::vector<MeetingAction> actions;
  /// Topics members asked to raise, not yet on the agenda.
  std::vector<RaisedTopic> raised;
  /// Everyone in the group with whether they came.
  std::vector<Attendee> people;
  std::vector<Paper> papers;
};

/// What uploads calls a meeting's papers (who may fetch them: register_paper_access).
inline const uploads::Purpose kPaperPurpose{"meeting_paper"};
/// Papers are pictures of pages, recordings of them read aloud, or videos (such as a BSL version), up to the
/// uploads' usual sizes, checked by their content and cleaned of metadata.
uploads::Allowed paper_allowed();

/// Who is changing something: the policy is asked again inside the change's transaction with their role in the
/// group as it is at that moment.
struct Who {
  long long user_id = 0;
  core::Role org_role = core::Role::member;
  bool two_step = false;
};

/// How a change to an agenda or a meeting's record went.
enum class Change {
  done,
  /// Not allowed (any more), or the meeting, item, topic or action is not there: 404.
  refused,
  /// Already done (the same form sent twice, or the papers or minutes were sent already): nothing changed.
  already,
  /// The owner of an action is not in the group.
  not_in_group,
};

/// Where links in email point and who wakes the mail worker (the organisations service gives both).
struct MailHooks {
  std::function<std::string()> base_url;
  std::function<void()> mail_queued;
  /// The --mail-from address, which meeting invitations name as their organizer.
  std::function<std::string()> mail_from;
};

class MeetingService {
 public:
  /// uploads: where papers are kept (nullptr: none can be added).
  MeetingService(db::Database& db, const core::Clock& clock, MailHooks mail = {},
                 uploads::UploadService* uploads = nullptr)
      : db_(db), clock_(clock), mail_(std::move(mail)), uploads_(uploads) {}

  /// The group (in this organisation) as the viewer sees it, for scheduling a meeting in it.
  awaitable<std::optional<groups::GroupForViewer>> group_for(long long org_id, long long group_id, long long viewer);
  /// The group and its meetings.
  /// The group and its meetings in one batch, with any other reads the page adds (`also`, such as its polls).
  awaitable<std::optional<GroupMeetings>> group_meetings(long long org_id, long long group_id, long long viewer,
                                                         groups::AlongWithGroup also = {});
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
  /// Ticks (or unticks) one person's need on the checklist as arranged, by someone the route let see the checklist.
  /// False when the meeting is not this organisation's or the person's reply (going or maybe) does not ask for it.
  awaitable<bool> mark_arranged(long long org_id, long long id, long long actor, long long user_id, Need need,
                                bool arranged);

  // Agendas and records (agenda_service.cpp). Each change asks the policy again inside its transaction.

  /// The meeting (in this organisation) with its agenda, actions, raised topics and attendance, in one visit.
  awaitable<std::optional<MeetingRecord>> record(long long org_id, long long id, long long viewer);
  /// A proposal (accepted at once when the people who run the group add it). The same create_key twice makes one.
  awaitable<Change> propose_item(Who who, long long org_id, long long id, std::string title, std::string notes,
                                 std::string create_key);
  /// Puts a topic members asked to raise on the agenda, saying where it came from; twice makes one.
  awaitable<Change> promote_topic(Who who, long long org_id, long long id, long long topic_id);
  awaitable<Change> accept_item(Who who, long long org_id, long long id, long long item_id);
  awaitable<Change> move_item(Who who, long long org_id, long long id, long long item_id, bool up);
  awaitable<Change> update_item(Who who, long long org_id, long long id, long long item_id, std::string title,
                                std::string notes);
  awaitable<Change> remove_item(Who who, long long org_id, long long id, long long item_id);
  awaitable<Change> set_decision(Who who, long long org_id, long long id, long long item_id, std::string decision);
  /// An action for an item of the meeting, owned by someone in the group; the same create_key twice makes one.
  awaitable<Change> add_action(Who who, long long org_id, long long id, long long item_id, std::string what,
                               long long owner_id, std::string due_on, std::string create_key);
  awaitable<Change> set_action_status(Who who, long long org_id, long long id, long long action_id,
                                      ActionStatus status);
  /// Who came; people no longer in the group are left out.
  awaitable<Change> record_attendance(Who who, long long org_id, long long id,
                                      std::vector<std::pair<long long, Attendance>> marks);
  awaitable<Change> save_minutes(Who who, long long org_id, long long id, std::string minutes);
  /// Publishes the minutes and, in the same transaction, emails everyone who raised or supported a topic behind an
  /// agenda item what the meeting did with it, each once, in their language.
  awaitable<Change> publish_minutes(Who who, long long org_id, long long id);
  /// Adds a paper (with its easy-read or large-print version, "easy_read" or "large_print"); twice makes one.
  awaitable<Change> add_paper(Who who, long long org_id, long long id, std::string title, uploads::Prepared file,
                              std::optional<uploads::Prepared> accessible, std::string accessible_kind,
                              std::string create_key);
  awaitable<Change> remove_paper(Who who, long long org_id, long long id, long long paper_id);
  uploads::UploadService* uploads() const { return uploads_; }

  /// Says the papers were sent and, in the same transaction, tells everyone in the group by email.
  awaitable<Change> send_papers(Who who, long long org_id, long long id);

  /// For demo data and tests, on the calling thread.
  long long schedule_now(long long org_id, long long group_id, long long actor, const MeetingDetails& details,
                         long long at);
  void reply_now(long long org_id, long long id, long long user, const RsvpDetails& details, long long at);
  void cancel_now(long long id, const std::string& reason, long long at);

  const core::Clock& clock() const { return clock_; }
  long long now() const { return clock_.now_seconds(); }

 private:
  std::string base_url() const;
  std::string mail_from() const { return mail_.mail_from ? mail_.mail_from() : std::string("roundtable@localhost"); }
  void woke_mail(Change c) const;

  db::Database& db_;
  const core::Clock& clock_;
  MailHooks mail_;
  uploads::UploadService* uploads_ = nullptr;
};

/// Lets /files/ serve a paper to whoever may see the meeting's agenda (404 for everyone else).
void register_paper_access(uploads::UploadService& uploads, const core::Clock& clock);

}  // namespace roundtable::meetings
