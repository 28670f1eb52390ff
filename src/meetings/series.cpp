#include "meetings/series.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "meetings/london_time.hpp"

namespace roundtable::meetings::series {

namespace {

int days_in_month(int year, int month) {
  for (int d = 31; d > 28; --d) {
    if (real_date(year, month, d)) return d;
  }
  return 28;
}

long long day_number(const Date& d) { return days_from_civil(d.year, d.month, d.day); }

Date of_day_number(long long n) {
  const auto w = civil_from_days(n);
  return {w.year, w.month, w.day};
}

/// The monthly session's day in that month.
int monthly_day(const Recurrence& r, int year, int month) {
  if (r.week_of_month == kLastWeek) {
    const int last = days_in_month(year, month);
    return last - ((weekday_of(year, month, last) - r.weekday + 7) % 7);
  }
  const int first = 1 + ((r.weekday - weekday_of(year, month, 1) + 7) % 7);
  return first + 7 * (r.week_of_month - 1);
}

}  // namespace

std::string_view frequency_code(Frequency f) {
  switch (f) {
    case Frequency::weekly: return "weekly";
    case Frequency::fortnightly: return "fortnightly";
    case Frequency::monthly: return "monthly";
  }
  return "monthly";
}

std::optional<Frequency> parse_frequency(std::string_view code) {
  for (const auto f : {Frequency::weekly, Frequency::fortnightly, Frequency::monthly}) {
    if (frequency_code(f) == code) return f;
  }
  return std::nullopt;
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  Date d;
  const auto number = [&](std::size_t at, std::size_t length, int& out) {
    const char* begin = text.data() + at;
    const auto [end, ec] = std::from_chars(begin, begin + length, out);
    return ec == std::errc{} && end == begin + length;
  };
  if (!number(0, 4, d.year) || !number(5, 2, d.month) || !number(8, 2, d.day)) return std::nullopt;
  if (d.year < 1971 || d.year > 9999 || !real_date(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

std::string date_text(const Date& d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

Date add_days(const Date& d, long long days) { return of_day_number(day_number(d) + days); }

Date add_months(const Date& d, int months) {
  const int index = d.year * 12 + (d.month - 1) + months;
  const int year = index / 12;
  const int month = index % 12 + 1;
  return {year, month, std::min(d.day, days_in_month(year, month))};
}

Date london_date(long long utc_seconds) {
  const auto w = to_london(utc_seconds);
  return {w.year, w.month, w.day};
}

std::vector<Date> session_dates(const Recurrence& r, const Date& first, const Date& until, std::size_t limit) {
  std::vector<Date> dates;
  if (until < first || limit == 0) return dates;
  if (r.frequency == Frequency::monthly) {
    for (Date month{first.year, first.month, 1}; dates.size() < limit; month = add_months(month, 1)) {
      const Date d{month.year, month.month, monthly_day(r, month.year, month.month)};
      if (until < d) break;
      if (!(d < first)) dates.push_back(d);
    }
    return dates;
  }
  const int step = r.frequency == Frequency::weekly ? 7 : 14;
  Date d = add_days(first, (r.weekday - weekday_of(first.year, first.month, first.day) + 7) % 7);
  for (; !(until < d) && dates.size() < limit; d = add_days(d, step)) dates.push_back(d);
  return dates;
}

Slot slot_on(const Date& date, int hour, int minute, int minutes) {
  const auto at = from_london({date.year, date.month, date.day, hour, minute});
  Slot slot;
  if (at.kind == LondonInstant::Kind::missing) {
    // The clock reading read as Greenwich Mean Time: one hour later on the British Summer Time clock.
    slot.starts_at = day_number(date) * 86400 + hour * 3600LL + minute * 60LL;
    slot.moved = true;
  } else {
    slot.starts_at = at.utc;
  }
  slot.ends_at = slot.starts_at + minutes * 60LL;
  return slot;
}

Date due_by(const Date& joined, int months) { return add_months(joined, months); }

bool covers(const Rule& rule, const std::vector<std::string>& member_types, const Date& joined, const Date& today) {
  if (rule.months <= 0 || rule.member_type.empty()) return false;
  if (std::find(member_types.begin(), member_types.end(), rule.member_type) == member_types.end()) return false;
  return !(due_by(joined, rule.months) < today);
}

Date covered_from(const Rule& rule, const Date& today) {
  // due_by never goes down as the joining date goes up, so the covered dates are those from the first one whose due
  // date is not before today; no month is longer than 31 days.
  Date d = add_days(today, -31LL * (rule.months + 1));
  while (due_by(d, rule.months) < today) d = add_days(d, 1);
  return d;
}

long long london_midnight(const Date& d) { return slot_on(d, 0, 0, 0).starts_at; }

MeetingDetails session_details(const SeriesDetails& d, const Date& date) {
  MeetingDetails m;
  m.title = d.title;
  m.purpose = d.purpose;
  const auto slot = slot_on(date, d.start_minute / 60, d.start_minute % 60, d.length_minutes);
  m.starts_at = slot.starts_at;
  m.ends_at = slot.ends_at;
  m.online_url = d.online_url;
  m.venue = d.venue;
  m.access = d.access;
  m.access_notes = d.access_notes;
  return m;
}

Report make_report(const Rule& rule, std::vector<ReportPerson> people, const Date& today) {
  Report r;
  for (auto& p : people) {
    if (!p.attended.empty()) {
      r.came.push_back(std::move(p));
    } else if (covers(rule, p.member_types, london_date(p.joined_at), today)) {
      r.not_yet.push_back(std::move(p));
    }
  }
  // Soonest due first: the earliest joined.
  std::stable_sort(r.not_yet.begin(), r.not_yet.end(),
                   [](const ReportPerson& a, const ReportPerson& b) { return a.joined_at < b.joined_at; });
  return r;
}

}  // namespace roundtable::meetings::series
