#include "meetings/agenda.hpp"

namespace roundtable::meetings {

std::string_view item_status_code(ItemStatus s) { return s == ItemStatus::accepted ? "accepted" : "proposed"; }

std::string_view attendance_code(Attendance a) {
  switch (a) {
    case Attendance::present: return "present";
    case Attendance::apologies: return "apologies";
    case Attendance::absent: return "absent";
  }
  return "absent";
}

std::optional<Attendance> parse_attendance(std::string_view code) {
  for (Attendance a : kAllAttendance) {
    if (attendance_code(a) == code) return a;
  }
  return std::nullopt;
}

std::string_view action_status_code(ActionStatus s) {
  switch (s) {
    case ActionStatus::open: return "open";
    case ActionStatus::done: return "done";
    case ActionStatus::dropped: return "dropped";
  }
  return "open";
}

std::optional<ActionStatus> parse_action_status(std::string_view code) {
  for (ActionStatus s : kAllActionStatuses) {
    if (action_status_code(s) == code) return s;
  }
  return std::nullopt;
}

bool Agenda::has_proposals() const {
  for (const auto& i : items) {
    if (i.status == ItemStatus::proposed) return true;
  }
  return false;
}

}  // namespace roundtable::meetings
