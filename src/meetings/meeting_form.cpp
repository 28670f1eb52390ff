#include "meetings/meeting_form.hpp"

#include <algorithm>
#include <cctype>

#include "accounts/form_checks.hpp"
#include "core/text.hpp"
#include "http/form.hpp"
#include "meetings/london_time.hpp"

namespace roundtable::meetings {

namespace {

using accounts::check_at_most;
using accounts::check_required;

/// The start of this form's error keys.
constexpr std::string_view kErrors = "meetings.error.";

std::optional<WallClock> typed_date(const MeetingForm& f) {
  const auto d = core::small_number(f.day), m = core::small_number(f.month), y = core::small_number(f.year);
  if (!d || !m || !y || f.year.size() != 4 || !real_date(*y, *m, *d)) return std::nullopt;
  return WallClock{*y, *m, *d, 0, 0};
}

std::vector<std::string> values(const http::FormData& form, std::string_view name) {
  std::vector<std::string> out;
  for (auto v : form.all(name)) out.emplace_back(http::trim_space(v));
  return out;
}

bool ticked(const std::vector<std::string>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

/// A time of the day checked for the clocks changing: a problem for `field` when it never happens in London.
void check_instant(std::vector<FormProblem>& out, const WallClock& date, std::pair<int, int> time, const char* field) {
  WallClock at = date;
  at.hour = time.first;
  at.minute = time.second;
  if (from_london(at).kind == LondonInstant::Kind::missing) {
    out.push_back({field, "meetings.error.clocks_go_forward"});
  }
}

}  // namespace

std::optional<std::pair<int, int>> parse_clock_time(std::string_view typed) {
  std::string s;
  for (char c : typed) {
    if (c != ' ') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  int suffix = 0;  // 1 am, 2 pm
  if (s.size() > 2 && (s.ends_with("am") || s.ends_with("pm"))) {
    suffix = s.ends_with("am") ? 1 : 2;
    s.resize(s.size() - 2);
  }
  std::string_view hours = s, minutes;
  if (const auto sep = s.find_first_of(":."); sep != std::string::npos) {
    hours = std::string_view(s).substr(0, sep);
    minutes = std::string_view(s).substr(sep + 1);
    if (minutes.size() != 2) return std::nullopt;
  } else if (!suffix && s.size() == 4) {
    // "1830"
    hours = std::string_view(s).substr(0, 2);
    minutes = std::string_view(s).substr(2);
  }
  if (hours.empty() || hours.size() > 2) return std::nullopt;
  const auto h = core::small_number(hours);
  const auto m = minutes.empty() ? std::optional<int>(0) : core::small_number(minutes);
  if (!h || !m || *m > 59) return std::nullopt;
  int hour = *h;
  if (suffix) {
    if (hour < 1 || hour > 12) return std::nullopt;
    hour = hour % 12 + (suffix == 2 ? 12 : 0);
  } else if (hour > 23 || minutes.empty()) {
    // A bare "6" could be morning or evening.
    return std::nullopt;
  }
  return std::pair{hour, *m};
}

std::string clock_time_code(int hour, int minute) {
  std::string out;
  out += static_cast<char>('0' + hour / 10);
  out += static_cast<char>('0' + hour % 10);
  out += ':';
  out += static_cast<char>('0' + minute / 10);
  out += static_cast<char>('0' + minute % 10);
  return out;
}

bool web_address(std::string_view url) {
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  for (unsigned char c : url) {
    if (c <= ' ' || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\') return false;
  }
  const auto host = rest.substr(0, rest.find_first_of("/?#"));
  // A host name (with at least one dot, or localhost), perhaps with a port; no user name.
  if (host.empty() || host.find('@') != std::string_view::npos || host.front() == '.' || host.front() == ':') {
    return false;
  }
  return host.find('.') != std::string_view::npos || host.starts_with("localhost");
}

void fill_from_address(MeetingForm& f, const http::FormData& query) {
  // Only the fields a link may set, each as the form's own field: what they hold is checked when the form is sent.
  for (auto [field, name] : {std::pair{&f.title, "title"},
                             {&f.purpose, "purpose"},
                             {&f.day, "date-day"},
                             {&f.month, "date-month"},
                             {&f.year, "date-year"},
                             {&f.start, "start"},
                             {&f.end, "end"}}) {
    const auto value = query.trimmed(name);
    if (!value.empty() && field->empty() && value.size() <= kMaxPurpose) *field = value;
  }
}

MeetingForm read_meeting(const http::FormData& form) {
  MeetingForm f;
  f.title = form.trimmed("title");
  f.purpose = form.trimmed("purpose");
  f.day = form.trimmed("date-day");
  f.month = form.trimmed("date-month");
  f.year = form.trimmed("date-year");
  f.start = form.trimmed("start");
  f.end = form.trimmed("end");
  f.online_url = form.trimmed("online_url");
  f.venue = form.trimmed("venue");
  f.access = values(form, "access");
  f.access_notes = form.trimmed("access_notes");
  f.create_key = form.trimmed("create_key");
  f.from_poll = form.trimmed("poll");
  return f;
}

MeetingForm form_of(const MeetingDetails& d) {
  MeetingForm f;
  f.title = d.title;
  f.purpose = d.purpose;
  const auto start = to_london(d.starts_at), end = to_london(d.ends_at);
  f.day = std::to_string(start.day);
  f.month = std::to_string(start.month);
  f.year = std::to_string(start.year);
  f.start = clock_time_code(start.hour, start.minute);
  f.end = clock_time_code(end.hour, end.minute);
  f.online_url = d.online_url;
  f.venue = d.venue;
  for (Access a : d.access) f.access.emplace_back(access_code(a));
  f.access_notes = d.access_notes;
  return f;
}

std::vector<FormProblem> check_meeting(const MeetingForm& f, bool creating, long long now) {
  std::vector<FormProblem> out;
  check_required(out, f.title, kMaxTitle, "title", kErrors);
  check_required(out, f.purpose, kMaxPurpose, "purpose", kErrors);
  const auto date = typed_date(f);
  if (f.day.empty() && f.month.empty() && f.year.empty()) {
    out.push_back({"date-day", "meetings.error.date_missing"});
  } else if (!date) {
    out.push_back({"date-day", "meetings.error.date_real"});
  } else if (creating) {
    const auto today = to_london(now);
    if (WallClock{date->year, date->month, date->day, 0, 0} < WallClock{today.year, today.month, today.day, 0, 0}) {
      out.push_back({"date-day", "meetings.error.date_past"});
    }
  }
  const auto start = parse_clock_time(f.start), end = parse_clock_time(f.end);
  if (f.start.empty()) {
    out.push_back({"start", "meetings.error.start_missing"});
  } else if (!start) {
    out.push_back({"start", "meetings.error.start_time"});
  } else if (date) {
    check_instant(out, *date, *start, "start");
  }
  if (f.end.empty()) {
    out.push_back({"end", "meetings.error.end_missing"});
  } else if (!end) {
    out.push_back({"end", "meetings.error.end_time"});
  } else if (start && *end <= *start) {
    out.push_back({"end", "meetings.error.end_before_start"});
  } else if (date) {
    check_instant(out, *date, *end, "end");
  }
  if (f.online_url.empty() && f.venue.empty()) {
    out.push_back({"online_url", "meetings.error.where_missing"});
  } else if (!f.online_url.empty() && (core::characters(f.online_url) > kMaxUrl || !web_address(f.online_url))) {
    out.push_back({"online_url", "meetings.error.online_url_bad"});
  }
  check_at_most(out, f.venue, kMaxVenue, "venue", kErrors);
  check_at_most(out, f.access_notes, kMaxAccessNotes, "access_notes", kErrors);
  // The key comes from the page, not the person: without it the page was not ours (or is very old).
  if (creating && (f.create_key.size() < 16 || f.create_key.size() > 64)) {
    out.push_back({"title", "meetings.error.form_expired"});
  }
  return out;
}

MeetingDetails details_of(const MeetingForm& f) {
  MeetingDetails d;
  d.title = f.title;
  d.purpose = f.purpose;
  if (const auto date = typed_date(f)) {
    auto at = [&](const std::string& typed) -> long long {
      const auto time = parse_clock_time(typed);
      if (!time) return 0;
      WallClock w = *date;
      w.hour = time->first;
      w.minute = time->second;
      return from_london(w).utc;
    };
    d.starts_at = at(f.start);
    d.ends_at = at(f.end);
  }
  d.online_url = f.online_url;
  d.venue = f.venue;
  for (Access a : kAllAccess) {
    if (ticked(f.access, access_code(a))) d.access.push_back(a);
  }
  d.access_notes = f.access_notes;
  return d;
}

std::vector<FormProblem> check_reason(const std::string& reason) {
  std::vector<FormProblem> out;
  check_required(out, reason, kMaxReason, "reason", kErrors);
  return out;
}

ReplyForm read_reply(const http::FormData& form) {
  ReplyForm f;
  f.answer = form.trimmed("answer");
  f.needs = values(form, "needs");
  f.interpreter_language = form.trimmed("interpreter_language");
  f.dietary = form.trimmed("dietary");
  f.note = form.trimmed("note");
  return f;
}

ReplyForm form_of(const RsvpDetails& d) {
  ReplyForm f;
  f.answer = answer_code(d.answer);
  for (Need n : d.needs) f.needs.emplace_back(need_code(n));
  f.interpreter_language = d.interpreter_language;
  f.dietary = d.dietary;
  f.note = d.note;
  return f;
}

std::vector<FormProblem> check_reply(const ReplyForm& f) {
  std::vector<FormProblem> out;
  const auto answer = parse_answer(f.answer);
  if (!answer) out.push_back({"answer", "meetings.error.answer_missing"});
  const bool coming = answer != Answer::not_going;
  if (coming && ticked(f.needs, need_code(Need::other_interpreter))) {
    check_required(out, f.interpreter_language, kMaxLanguage, "interpreter_language", kErrors);
  } else {
    check_at_most(out, f.interpreter_language, kMaxLanguage, "interpreter_language", kErrors);
  }
  if (coming && ticked(f.needs, need_code(Need::dietary))) {
    check_required(out, f.dietary, kMaxDietary, "dietary", kErrors);
  } else {
    check_at_most(out, f.dietary, kMaxDietary, "dietary", kErrors);
  }
  check_at_most(out, f.note, kMaxNote, "note", kErrors);
  return out;
}

RsvpDetails details_of(const ReplyForm& f) {
  RsvpDetails d;
  d.answer = parse_answer(f.answer).value_or(Answer::going);
  d.note = f.note;
  if (d.answer == Answer::not_going) return d;
  for (Need n : kAllNeeds) {
    if (ticked(f.needs, need_code(n))) d.needs.push_back(n);
  }
  if (d.has(Need::other_interpreter)) d.interpreter_language = f.interpreter_language;
  if (d.has(Need::dietary)) d.dietary = f.dietary;
  return d;
}

}  // namespace roundtable::meetings
