#include "meetings/time_poll_form.hpp"

#include <algorithm>

#include "accounts/form_checks.hpp"
#include "core/text.hpp"
#include "http/form.hpp"
#include "meetings/london_time.hpp"
#include "meetings/meeting_form.hpp"

namespace roundtable::meetings {

namespace {

std::optional<WallClock> typed_date(const std::string& day, const std::string& month, const std::string& year) {
  const auto d = core::small_number(day), m = core::small_number(month), y = core::small_number(year);
  if (!d || !m || !y || year.size() != 4 || !real_date(*y, *m, *d)) return std::nullopt;
  return WallClock{*y, *m, *d, 0, 0};
}

bool before_today(const WallClock& date, long long now) {
  const auto today = to_london(now);
  return WallClock{date.year, date.month, date.day, 0, 0} < WallClock{today.year, today.month, today.day, 0, 0};
}

std::string row_field(std::size_t n, const char* part) { return "c-" + std::to_string(n) + "-" + part; }

/// The instant of a time on a date, when it happens in London.
std::optional<long long> instant(const WallClock& date, std::pair<int, int> time) {
  WallClock w = date;
  w.hour = time.first;
  w.minute = time.second;
  const auto at = from_london(w);
  if (at.kind == LondonInstant::Kind::missing) return std::nullopt;
  return at.utc;
}

CandidateRow row_of(const SuggestedTime& s) {
  return {std::to_string(s.day), std::to_string(s.month), std::to_string(s.year),
          clock_time_code(s.start_hour, s.start_minute), clock_time_code(s.end_hour, s.end_minute)};
}

}  // namespace

std::optional<TimeKind> row_kind(const CandidateRow& r) {
  const auto date = typed_date(r.day, r.month, r.year);
  const auto start = parse_clock_time(r.start);
  if (!date || !start) return std::nullopt;
  const auto at = instant(*date, *start);
  if (!at) return std::nullopt;
  return time_kind(*at);
}

TimePollForm read_time_poll(const http::FormData& form) {
  TimePollForm f;
  f.title = form.trimmed("title");
  f.purpose = form.trimmed("purpose");
  f.closes_day = form.trimmed("closes-day");
  f.closes_month = form.trimmed("closes-month");
  f.closes_year = form.trimmed("closes-year");
  f.create_key = form.trimmed("create_key");
  f.add = form.trimmed("add");
  f.rows = read_candidate_rows(form);
  return f;
}

std::vector<CandidateRow> read_candidate_rows(const http::FormData& form) {
  std::vector<CandidateRow> out;
  const auto rows = core::small_number(form.trimmed("rows")).value_or(static_cast<int>(kPollStartRows));
  const auto n = std::clamp<std::size_t>(static_cast<std::size_t>(std::max(rows, 0)), 1, kMaxPollOptions);
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back({form.trimmed(row_field(i, "day")), form.trimmed(row_field(i, "month")),
                   form.trimmed(row_field(i, "year")), form.trimmed(row_field(i, "start")),
                   form.trimmed(row_field(i, "end"))});
  }
  return out;
}

void add_rows(TimePollForm& f, const std::string& what, long long now) { add_rows(f.rows, what, now); }

void add_rows(std::vector<CandidateRow>& rows, const std::string& what, long long now) {
  std::vector<CandidateRow> more;
  if (what == "evenings") {
    for (const auto& s : next_weekday_evenings(now, 3)) more.push_back(row_of(s));
  } else if (what == "weekends") {
    for (const auto& s : next_weekend_mornings(now)) more.push_back(row_of(s));
  } else {
    more.resize(kPollMoreRows);
  }
  for (auto& row : more) {
    if (row.empty()) {
      if (rows.size() < kMaxPollOptions) rows.push_back(row);
      continue;
    }
    auto free = std::find_if(rows.begin(), rows.end(), [](const CandidateRow& r) { return r.empty(); });
    if (free != rows.end()) {
      *free = row;
    } else if (rows.size() < kMaxPollOptions) {
      rows.push_back(row);
    }
  }
}

TimePollForm form_of(const TimePoll& poll) {
  TimePollForm f;
  f.title = poll.details.title;
  f.purpose = poll.details.purpose;
  if (poll.details.closes_at) {
    // The closing day is the London day that ends at closes_at.
    const auto last = to_london(*poll.details.closes_at - 1);
    f.closes_day = std::to_string(last.day);
    f.closes_month = std::to_string(last.month);
    f.closes_year = std::to_string(last.year);
  }
  return f;
}

std::vector<FormProblem> check_time_poll(const TimePollForm& f, bool creating, long long now) {
  std::vector<FormProblem> out;
  accounts::check_required(out, f.title, kMaxPollTitle, "title", "meetings.polls.error.");
  accounts::check_at_most(out, f.purpose, kMaxPollPurpose, "purpose", "meetings.polls.error.");
  if (creating) check_candidate_rows(out, f.rows, now);
  const bool no_close = f.closes_day.empty() && f.closes_month.empty() && f.closes_year.empty();
  if (!no_close) {
    const auto date = typed_date(f.closes_day, f.closes_month, f.closes_year);
    if (!date) {
      out.push_back({"closes-day", "meetings.polls.error.closes_real"});
    } else if (before_today(*date, now)) {
      out.push_back({"closes-day", "meetings.polls.error.closes_past"});
    }
  }
  // The key comes from the page, not the person: without it the page was not ours (or is very old).
  if (creating && (f.create_key.size() < 16 || f.create_key.size() > 64)) {
    out.push_back({"title", "meetings.polls.error.form_expired"});
  }
  return out;
}

void check_candidate_rows(std::vector<FormProblem>& out, const std::vector<CandidateRow>& rows, long long now) {
  std::size_t filled = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.empty()) continue;
    ++filled;
    const auto date = typed_date(r.day, r.month, r.year);
    if (r.day.empty() && r.month.empty() && r.year.empty()) {
      out.push_back({row_field(i, "day"), "meetings.polls.error.date_missing"});
    } else if (!date) {
      out.push_back({row_field(i, "day"), "meetings.polls.error.date_real"});
    } else if (before_today(*date, now)) {
      out.push_back({row_field(i, "day"), "meetings.polls.error.date_past"});
    }
    const auto start = parse_clock_time(r.start), end = parse_clock_time(r.end);
    if (r.start.empty()) {
      out.push_back({row_field(i, "start"), "meetings.polls.error.start_missing"});
    } else if (!start) {
      out.push_back({row_field(i, "start"), "meetings.polls.error.start_time"});
    } else if (date && !instant(*date, *start)) {
      out.push_back({row_field(i, "start"), "meetings.polls.error.clocks_go_forward"});
    }
    if (r.end.empty()) {
      out.push_back({row_field(i, "end"), "meetings.polls.error.end_missing"});
    } else if (!end) {
      out.push_back({row_field(i, "end"), "meetings.polls.error.end_time"});
    } else if (start && *end <= *start) {
      out.push_back({row_field(i, "end"), "meetings.polls.error.end_before_start"});
    } else if (date && !instant(*date, *end)) {
      out.push_back({row_field(i, "end"), "meetings.polls.error.clocks_go_forward"});
    }
  }
  if (filled < kMinPollOptions) out.push_back({row_field(0, "day"), "meetings.polls.error.too_few"});
}

PollDetails poll_details_of(const TimePollForm& f) {
  PollDetails d;
  d.title = f.title;
  d.purpose = f.purpose;
  if (const auto date = typed_date(f.closes_day, f.closes_month, f.closes_year)) {
    d.closes_at = end_of_london_day(date->year, date->month, date->day);
  }
  return d;
}

std::vector<PollOption> poll_options_of(const TimePollForm& f) { return options_of_rows(f.rows); }

std::vector<PollOption> options_of_rows(const std::vector<CandidateRow>& rows) {
  std::vector<PollOption> out;
  for (const auto& r : rows) {
    if (r.empty()) continue;
    const auto date = typed_date(r.day, r.month, r.year);
    const auto start = parse_clock_time(r.start), end = parse_clock_time(r.end);
    if (!date || !start || !end) continue;
    const auto s = instant(*date, *start), e = instant(*date, *end);
    if (!s || !e) continue;
    out.push_back({0, *s, *e});
  }
  return out;
}

std::vector<PollVote> read_poll_answers(const http::FormData& form, const TimePoll& poll) {
  std::vector<PollVote> out;
  for (const auto& o : poll.options) {
    if (const auto a = parse_poll_answer(form.trimmed("o-" + std::to_string(o.id)))) out.push_back({o.id, *a});
  }
  return out;
}

std::vector<FormProblem> check_poll_answers(const std::vector<PollVote>& votes, const TimePoll& poll) {
  std::vector<FormProblem> out;
  if (votes.empty() && !poll.options.empty()) {
    out.push_back({"o-" + std::to_string(poll.options.front().id), "meetings.polls.error.answer_missing"});
  }
  return out;
}

}  // namespace roundtable::meetings
