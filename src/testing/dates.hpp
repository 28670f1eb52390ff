/// Dates for tests, counted independently of the code under test.
#pragma once

#include <ctime>

#include "core/london_time.hpp"

namespace roundtable::testing {

/// Seconds since 1970 of a UTC date and time (glibc's timegm).
inline long long utc(int year, int month, int day, int hour = 0, int minute = 0) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  return static_cast<long long>(timegm(&tm));
}

/// Noon in London on a date, in seconds since 1970.
inline long long london_noon(int year, int month, int day) { return core::from_london({year, month, day, 12, 0}).utc; }

}  // namespace roundtable::testing
