#include "core/london_time.hpp"

#include "core/clock.hpp"

namespace roundtable::core {

namespace {

long long floor_div(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

/// When British Summer Time starts and ends in that year (UTC seconds).
long long bst_start(int year) { return days_from_civil(year, 3, last_sunday(year, 3)) * kDay + 3600; }
long long bst_end(int year) { return days_from_civil(year, 10, last_sunday(year, 10)) * kDay + 3600; }

}  // namespace

long long days_from_civil(int year, int month, int day) {
  // Counted in 400-year eras of 146097 days, with years starting on 1 March so that 29 February is last.
  const long long y = static_cast<long long>(year) - (month <= 2 ? 1 : 0);
  const long long era = floor_div(y, 400);
  const long long year_of_era = y - era * 400;
  const long long shifted_month = month > 2 ? month - 3 : month + 9;
  const long long day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
  const long long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

WallClock civil_from_days(long long days) {
  const long long z = days + 719468;
  const long long era = floor_div(z, 146097);
  const long long day_of_era = z - era * 146097;
  const long long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long long shifted_month = (5 * day_of_year + 2) / 153;
  WallClock w;
  w.day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  w.month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  w.year = static_cast<int>(year_of_era + era * 400 + (w.month <= 2 ? 1 : 0));
  return w;
}

int weekday_of(int year, int month, int day) {
  // 1 January 1970 was a Thursday (4).
  const long long d = days_from_civil(year, month, day);
  return static_cast<int>(((d % 7) + 7 + 4) % 7);
}

bool real_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  const auto w = civil_from_days(days_from_civil(year, month, day));
  return w.year == year && w.month == month && w.day == day;
}

int last_sunday(int year, int month) {
  const int next_month = month == 12 ? 1 : month + 1;
  const int next_year = month == 12 ? year + 1 : year;
  const long long last = days_from_civil(next_year, next_month, 1) - 1;
  const auto w = civil_from_days(last);
  return w.day - weekday_of(w.year, w.month, w.day);
}

int london_offset(long long utc_seconds) {
  const int year = civil_from_days(floor_div(utc_seconds, kDay)).year;
  return utc_seconds >= bst_start(year) && utc_seconds < bst_end(year) ? 3600 : 0;
}

WallClock to_london(long long utc_seconds) {
  const long long local = utc_seconds + london_offset(utc_seconds);
  const long long days = floor_div(local, kDay);
  const long long in_day = local - days * kDay;
  WallClock w = civil_from_days(days);
  w.hour = static_cast<int>(in_day / 3600);
  w.minute = static_cast<int>(in_day % 3600 / 60);
  return w;
}

LondonInstant from_london(const WallClock& local) {
  const long long naive =
      days_from_civil(local.year, local.month, local.day) * kDay + local.hour * 3600LL + local.minute * 60LL;
  // The same clock reading in British Summer Time is an hour earlier in UTC.
  const bool summer = london_offset(naive - 3600) == 3600;
  const bool winter = london_offset(naive) == 0;
  if (summer && winter) return {LondonInstant::Kind::ambiguous, naive - 3600};
  if (summer) return {LondonInstant::Kind::exact, naive - 3600};
  if (winter) return {LondonInstant::Kind::exact, naive};
  return {LondonInstant::Kind::missing, 0};
}

}  // namespace roundtable::core
