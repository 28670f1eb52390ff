#include "opportunities/opportunity.hpp"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace roundtable::opportunities {

std::string_view audience_code(Audience a) { return a == Audience::everyone ? "public" : "members"; }

std::optional<Audience> parse_audience(std::string_view code) {
  if (code == "members") return Audience::members;
  if (code == "public") return Audience::everyone;
  return std::nullopt;
}

std::string_view state_code(State s) {
  switch (s) {
    case State::draft: return "draft";
    case State::open: return "open";
    case State::closed: return "closed";
    case State::filled: return "filled";
  }
  return "draft";
}

std::optional<State> parse_state(std::string_view code) {
  for (State s : {State::draft, State::open, State::closed, State::filled}) {
    if (state_code(s) == code) return s;
  }
  return std::nullopt;
}

namespace {

bool number(std::string_view v, int& out) {
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  return ec == std::errc() && end == v.data() + v.size();
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::optional<Date> parse_date(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  Date d;
  if (!number(iso.substr(0, 4), d.year) || !number(iso.substr(5, 2), d.month) || !number(iso.substr(8, 2), d.day)) {
    return std::nullopt;
  }
  if (d.year < 1900 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in(d.year, d.month)) {
    return std::nullopt;
  }
  return d;
}

std::string date_code(const Date& d) {
  // Room for any three ints: a real date needs 11 bytes, but GCC's release build (-O3, which sees every caller in the
  // unity build) fails on a buffer that a made-up Date could overflow.
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

Date local_date(long long unix_seconds) {
  const std::time_t tt = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  localtime_r(&tt, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

long long noon_of(const Date& d) {
  std::tm tm{};
  tm.tm_year = d.year - 1900;
  tm.tm_mon = d.month - 1;
  tm.tm_mday = d.day;
  tm.tm_hour = 12;
  tm.tm_isdst = -1;
  return static_cast<long long>(std::mktime(&tm));
}

State state_on(State stored, std::string_view closes_on, const Date& today) {
  if (stored != State::open) return stored;
  const auto closes = parse_date(closes_on);
  if (closes && *closes < today) return State::closed;
  return State::open;
}

ApplicantStatus applicant_status(const Interest& i) {
  if (i.selected) return ApplicantStatus::selected;
  if (i.told_at) return ApplicantStatus::not_selected;
  if (i.shortlisted) return ApplicantStatus::shortlisted;
  return ApplicantStatus::interested;
}

std::string_view applicant_status_code(ApplicantStatus s) {
  switch (s) {
    case ApplicantStatus::interested: return "interested";
    case ApplicantStatus::shortlisted: return "shortlisted";
    case ApplicantStatus::selected: return "selected";
    case ApplicantStatus::not_selected: return "not_selected";
  }
  return "interested";
}

}  // namespace roundtable::opportunities
