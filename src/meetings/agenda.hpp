/// A meeting's agenda and what came of it: agenda items (proposed by someone, or raised in the discussion space),
/// attendance, minutes, a decision per item and actions. Plain types (no SOCI, no Beast).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"

namespace roundtable::meetings {

/// Proposed items wait for the people who run the group; accepted ones are the agenda, in order.
enum class ItemStatus { proposed, accepted };
std::string_view item_status_code(ItemStatus s);

struct AgendaItem {
  long long id = 0;
  long long meeting_id = 0;
  std::string title;
  std::string notes;
  ItemStatus status = ItemStatus::proposed;
  long long position = 0;
  /// The discussion topic it came from, with its title and how many members asked to raise it.
  std::optional<long long> topic_id;
  std::string topic_title;
  long long raised_count = 0;
  /// Who proposed it (nullopt: a former member).
  std::optional<long long> proposed_by;
  std::string proposer_name;
  std::string decision;
};

enum class Attendance { present, apologies, absent };
inline constexpr Attendance kAllAttendance[] = {Attendance::present, Attendance::apologies, Attendance::absent};
std::string_view attendance_code(Attendance a);
std::optional<Attendance> parse_attendance(std::string_view code);

/// A person in the group and whether they came (nullopt: not recorded).
struct Attendee {
  long long user_id = 0;
  std::string name;
  std::optional<Attendance> status;
};

enum class ActionStatus { open, done, dropped };
inline constexpr ActionStatus kAllActionStatuses[] = {ActionStatus::open, ActionStatus::done, ActionStatus::dropped};
std::string_view action_status_code(ActionStatus s);
std::optional<ActionStatus> parse_action_status(std::string_view code);

struct MeetingAction {
  long long id = 0;
  long long item_id = 0;
  std::string what;
  std::optional<long long> owner_id;
  std::string owner_name;
  /// YYYY-MM-DD.
  std::string due_on;
  ActionStatus status = ActionStatus::open;
};

/// A paper for the meeting, with its easy-read or large-print version when there is one.
struct Paper {
  long long id = 0;
  std::string title;
  /// The file's address part (/files/{public_id}) and type.
  std::string public_id;
  std::string mime;
  std::string accessible_public_id;
  std::string accessible_mime;
  /// "easy_read" or "large_print" ("" with no version).
  std::string accessible_kind;
  /// The files' sizes in bytes (for "Download the paper (PDF, 120 KB)").
  long long bytes = 0;
  long long accessible_bytes = 0;
};

/// The meeting's agenda (accepted items in order, then proposals), and its actions, as the pages read them.
struct Agenda {
  std::vector<AgendaItem> items;
  std::vector<MeetingAction> actions;
  bool has_proposals() const;
};

/// A discussion topic members asked to raise, not yet on this meeting's agenda.
struct RaisedTopic {
  long long id = 0;
  std::string title;
  long long raised_count = 0;
};

/// Someone to email, in their language.
struct Recipient {
  long long user_id = 0;
  std::string email;
  std::string name;
  core::Lang lang = core::Lang::en;
};

/// Someone who raised or supported the topic behind an agenda item.
struct TopicSupporter {
  Recipient to;
  long long item_id = 0;
};

}  // namespace roundtable::meetings
