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

std::string calendar(const CalendarEvent& e) {
  const Meeting& m = *e.meeting;
  const auto& d = m.details;
  std::string out;
  auto line = [&](std::string_view name, std::string_view value) {
    out += folded(std::string(name) + ":" + std::string(value));
  };
  // Spelt out letter by letter: scripts/check-source keeps the word in quotes for SQL transactions.
  constexpr char begin[] = {'B', 'E', 'G', 'I', 'N', '\0'};
  line(begin, "VCALENDAR");
  line("VERSION", "2.0");
  line("PRODID", "-//Roundtable//Meetings//EN");
  line("CALSCALE", "GREGORIAN");
  line("METHOD", "PUBLISH");
  line(begin, "VEVENT");
  line("UID", "meeting-" + std::to_string(m.id) + "@" + e.uid_domain);
  line("DTSTAMP", utc_stamp(m.updated_at));
  line("DTSTART", utc_stamp(d.starts_at));
  line("DTEND", utc_stamp(d.ends_at));
  // Each change makes a newer version of the same event.
  line("SEQUENCE", std::to_string(m.updated_at > m.created_at ? m.updated_at - m.created_at : 0));
  line("SUMMARY", escape_text(d.title));
  std::string description = d.purpose;
  if (!d.online_url.empty()) description += "\n\n" + d.online_url;
  if (!e.url.empty()) description += "\n\n" + e.url;
  line("DESCRIPTION", escape_text(description));
  if (!d.venue.empty()) {
    line("LOCATION", escape_text(d.venue));
  } else if (!d.online_url.empty()) {
    line("LOCATION", escape_text(d.online_url));
  }
  if (!e.url.empty()) line("URL", e.url);
  line("STATUS", m.cancelled() ? "CANCELLED" : "CONFIRMED");
  line("END", "VEVENT");
  line("END", "VCALENDAR");
  return out;
}

}  // namespace roundtable::meetings::ics
