/// A meeting as an iCalendar file (RFC 5545) for people's calendar programs: one VEVENT with a UID that stays the
/// same when the meeting changes (so the calendar updates it), its times in UTC ("Z"), CRLF line endings, text
/// escaped and lines folded at 75 octets without splitting a character.
#pragma once

#include <string>
#include <string_view>

#include "meetings/meeting.hpp"

namespace roundtable::meetings::ics {

/// "20261208T180000Z"
std::string utc_stamp(long long unix_seconds);
/// Backslash, semicolon, comma and line breaks escaped as TEXT values need.
std::string escape_text(std::string_view text);
/// One content line, folded at 75 octets (a CRLF and a space before each continuation), ending in CRLF.
std::string folded(std::string_view line);

struct CalendarEvent {
  const Meeting* meeting = nullptr;
  /// The meeting's page, for the URL and the description.
  std::string url;
  /// The host the UID is made under ("roundtable.example").
  std::string uid_domain;
};
/// The whole file: a cancelled meeting says STATUS:CANCELLED.
std::string calendar(const CalendarEvent& event);

}  // namespace roundtable::meetings::ics
