#include "meetings/meeting_ics.hpp"

#include "meetings/london_time.hpp"

namespace roundtable::meetings::ics {

namespace {

void two(std::string& out, int v) {
  out += static_cast<char>('0' + v / 10 % 10);
  out += static_cast<char>('0' + v % 10);
}

}  // namespace

std::string utc_stamp(long long unix_seconds) {
  const long long days = unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400;
  const long long in_day = unix_seconds - days * 86400;
  const auto d = civil_from_days(days);
  std::string out = std::to_string(d.year);
  two(out, d.month);
  two(out, d.day);
  out += 'T';
  two(out, static_cast<int>(in_day / 3600));
  two(out, static_cast<int>(in_day % 3600 / 60));
  two(out, static_cast<int>(in_day % 60));
  out += 'Z';
  return out;
}

std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default:
        // Other control characters are not allowed in TEXT.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out;
}

std::string folded(std::string_view line) {
  std::string out;
  std::size_t taken = 0;
  // The first line holds 75 octets; each continuation line holds 74 after its leading space.
  std::size_t room = 75;
  while (line.size() - taken > room) {
    std::size_t cut = taken + room;
    // Never inside a UTF-8 character: step back over continuation bytes.
    while (cut > taken && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(taken, cut - taken));
    out += "\r\n ";
    taken = cut;
    room = 74;
  }
  out.append(line.substr(taken));
  out += "\r\n";
  return out;
}

std::string uid(const Meeting& m, std::string_view uid_domain) {
  return "meeting-" + std::to_string(m.id) + "@" + std::string(uid_domain);
}

namespace {

// Spelt out letter by letter: scripts/check-source keeps the word in quotes for SQL transactions.
constexpr char kBegin[] = {'B', 'E', 'G', 'I', 'N', '\0'};

void line(std::string& out, std::string_view name, std::string_view value) {
  std::string l;
  l.reserve(name.size() + 1 + value.size());
  l.append(name).append(":").append(value);
  out += folded(l);
}

/// A parameter value (CN="..."): quoted, with the characters a quoted value cannot hold dropped.
std::string param_value(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\r' || c == '\n' || (static_cast<unsigned char>(c) < 0x20 && c != '\t')) continue;
    out += c;
  }
  out += '"';
  return out;
}

void head(std::string& out, std::string_view method) {
  line(out, kBegin, "VCALENDAR");
  line(out, "VERSION", "2.0");
  line(out, "PRODID", "-//Roundtable//Meetings//EN");
  line(out, "CALSCALE", "GREGORIAN");
  line(out, "METHOD", method);
}

/// One VEVENT. With an invitation: ORGANIZER and ATTENDEE, and STATUS:CANCELLED for a called-off meeting.
void event(std::string& out, const CalendarEvent& e, const Invitation* who) {
  const Meeting& m = *e.meeting;
  const auto& d = m.details;
  line(out, kBegin, "VEVENT");
  line(out, "UID", uid(m, e.uid_domain));
  line(out, "DTSTAMP", utc_stamp(m.updated_at));
  line(out, "DTSTART", utc_stamp(d.starts_at));
  line(out, "DTEND", utc_stamp(d.ends_at));
  // Each change of time, place or title, and calling it off, makes a newer version of the same event.
  line(out, "SEQUENCE", std::to_string(m.sequence));
  line(out, "SUMMARY", escape_text(d.title));
  std::string description = d.purpose;
  if (!d.online_url.empty()) description += "\n\n" + d.online_url;
  if (!e.url.empty()) description += "\n\n" + e.url;
  line(out, "DESCRIPTION", escape_text(description));
  if (!d.venue.empty()) {
    line(out, "LOCATION", escape_text(d.venue));
  } else if (!d.online_url.empty()) {
    line(out, "LOCATION", escape_text(d.online_url));
  }
  if (!e.url.empty()) line(out, "URL", e.url);
  if (who) {
    line(out, "ORGANIZER;CN=" + param_value(who->organizer_name), "mailto:" + who->organizer_address);
    // Replies go through the meeting's page (with what the person needs), not back by email: RSVP=FALSE.
    line(out,
         "ATTENDEE;CN=" + param_value(who->attendee_name) +
             ";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE",
         "mailto:" + who->attendee_address);
  }
  line(out, "STATUS", m.cancelled() ? "CANCELLED" : "CONFIRMED");
  line(out, "TRANSP", "OPAQUE");
  line(out, "END", "VEVENT");
}

}  // namespace

std::string calendar(const CalendarEvent& e) {
  std::string out;
  head(out, "PUBLISH");
  event(out, e, nullptr);
  line(out, "END", "VCALENDAR");
  return out;
}

std::string feed(const std::vector<CalendarEvent>& events, std::string_view name) {
  std::string out;
  head(out, "PUBLISH");
  line(out, "X-WR-CALNAME", escape_text(name));
  // Calendar programs that honour it look for changes every hour.
  line(out, "REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
  line(out, "X-PUBLISHED-TTL", "PT1H");
  for (const auto& e : events) event(out, e, nullptr);
  line(out, "END", "VCALENDAR");
  return out;
}

std::string invitation(const CalendarEvent& e, const Invitation& who) {
  std::string out;
  head(out, e.meeting->cancelled() ? "CANCEL" : "REQUEST");
  event(out, e, &who);
  line(out, "END", "VCALENDAR");
  return out;
}

}  // namespace roundtable::meetings::ics
