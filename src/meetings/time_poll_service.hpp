/// The "find a time" use cases: open a poll for a group (and email its members), answer it until it closes, read
/// its results, change, close, reopen and delete it, and keep the meeting scheduled from it. Each use case is one
/// database visit in one transaction, and each change asks the meetings policy again inside it with the person's role
/// in the group at that moment. Nothing here knows about pages, so other parts (a "meeting-time" decision) can use it.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "meetings/meeting_service.hpp"
#include "meetings/time_poll.hpp"

namespace roundtable::meetings {

/// A poll's page, read in one visit: the poll as the viewer sees it, and everyone who may answer with their answers.
struct PollPage {
  PollForViewer poll;
  std::vector<PollPerson> people;
};

/// How answering went.
enum class PollAnswerOutcome {
  done,
  /// The poll is not there, has closed, or its group is archived.
  closed,
  /// The person is not a lead facilitator, facilitator or member of the group.
  not_in_group,
};

class TimePollService {
 public:
  TimePollService(db::Database& db, const core::Clock& clock, MailHooks mail = {})
      : db_(db), clock_(clock), mail_(std::move(mail)) {}

  /// Opens a poll with its times and emails the group's people who may answer, in their language. The same
  /// create_key twice makes one: the second call returns the first one's id (0: refused).
  awaitable<long long> open_poll(Who who, long long org_id, long long group_id, PollDetails details,
                                 std::vector<PollOption> options, std::string create_key);
  /// The poll (in this organisation) with everyone's answers.
  awaitable<std::optional<PollPage>> poll_page(long long org_id, long long id, long long viewer);
  /// The group's polls, newest first.
  awaitable<std::vector<PollListed>> group_polls(long long group_id);
  /// The same, read along with the group (MeetingService::group_meetings).
  static groups::AlongWithGroup polls_along(std::vector<PollListed>& out);
  /// Keeps the person's answers (times not in the poll are ignored); sent twice, nothing changes.
  awaitable<PollAnswerOutcome> answer(long long org_id, long long id, long long user, std::vector<PollVote> votes);
  /// Changes the title, what it is for and the closing date.
  awaitable<Change> update(Who who, long long org_id, long long id, PollDetails details);
  /// Closes it (no more answers) or reopens it; already: it was.
  awaitable<Change> set_closed(Who who, long long org_id, long long id, bool closed);
  awaitable<Change> remove(Who who, long long org_id, long long id);
  /// Keeps the meeting scheduled from the poll (the meeting must be of the same group).
  awaitable<Change> link_meeting(Who who, long long org_id, long long id, long long meeting_id);

  /// For demo data and tests, on the calling thread (no email, no policy).
  long long open_now(long long org_id, long long group_id, long long actor, const PollDetails& details,
                     const std::vector<PollOption>& options, long long at);
  void answer_now(long long org_id, long long id, long long user, const std::vector<PollVote>& votes, long long at);
  void close_now(long long id, long long meeting_id, long long at);
  std::optional<PollForViewer> poll_now(long long org_id, long long id);

  long long now() const { return clock_.now_seconds(); }

 private:
  db::Database& db_;
  const core::Clock& clock_;
  MailHooks mail_;
};

}  // namespace roundtable::meetings
