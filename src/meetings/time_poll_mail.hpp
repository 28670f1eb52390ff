/// The email a "find a time" poll sends. One function sends it, so that notification settings can reroute it later.
#pragma once

#include <string>

#include "meetings/time_poll.hpp"

namespace soci {
class session;
}

namespace roundtable::meetings {

/// Tells the group's people who may answer (lead facilitators, facilitators and members; not observers) that the
/// poll is open, each in their language, with its times and a link to answer. Runs inside the transaction that opened
/// the poll (the emails go only if it commits), except to the person who opened it. base_url: where links point
/// ("https://example.org").
void send_poll_opened(soci::session& s, const TimePoll& poll, long long opened_by, const std::string& base_url,
                      long long now);

}  // namespace roundtable::meetings
