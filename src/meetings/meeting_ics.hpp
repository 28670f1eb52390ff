/// A meeting as an iCalendar file (RFC 5545) for people's calendar programs: one VEVENT with a UID that stays the
/// same when the meeting changes (so the calendar updates it), its times in UTC ("Z"), CRLF line endings, text
/// escaped and lines folded at 75 octets without splitting a character.
#pragma once

#include <string>
#include <string_view>
#include <vector>

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
  /// The host the UID is made under ("<org slug>.roundtable"): the download, the feed and the invitations use the
  /// same, so a calendar program that has the meeting from one of them updates it from another.
  std::string uid_domain;
};

/// "meeting-42@demo.roundtable"
std::string uid(const Meeting& m, std::string_view uid_domain);

/// The whole file for one meeting (METHOD:PUBLISH): a cancelled meeting says STATUS:CANCELLED.
std::string calendar(const CalendarEvent& event);

/// A person's feed: many meetings in one VCALENDAR (METHOD:PUBLISH), named for calendar programs.
std::string feed(const std::vector<CalendarEvent>& events, std::string_view name);

/// Who sends an invitation and to whom.
struct Invitation {
  /// The --mail-from address, and the group's name as its CN.
  std::string organizer_address;
  std::string organizer_name;
  std::string attendee_address;
  std::string attendee_name;
};
/// An emailed invitation (RFC 5546 iTIP): METHOD:REQUEST with ORGANIZER and ATTENDEE (PARTSTAT=NEEDS-ACTION), or
/// METHOD:CANCEL with STATUS:CANCELLED when the meeting was called off. Same UID and SEQUENCE as the file and feed.
std::string invitation(const CalendarEvent& event, const Invitation& who);

}  // namespace roundtable::meetings::ics
