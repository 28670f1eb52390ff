/// Demo meetings for `serve --demo`: the demo organisation's board and steering group have an evening meeting coming
/// (with replies that ask for a BSL interpreter, large print and more), a past one and a called-off one. The steering
/// group also has an open "find a time" poll (evenings and a weekend among its times, with some answers) and a closed
/// one that led to its coming meeting.
#pragma once

#include "db/database.hpp"
#include "meetings/meeting_service.hpp"
#include "meetings/time_poll_service.hpp"

namespace roundtable::meetings {

/// Returns how many meetings it made (none when the demo organisation already has meetings).
int load_demo(db::Database& db, MeetingService& service, TimePollService& polls, long long now);

}  // namespace roundtable::meetings
