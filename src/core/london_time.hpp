/// Europe/London wall-clock time <-> UTC, by the UK rule, without the time zone database (GCC 12 has no chrono time
/// zones, and meetings must not depend on the server's TZ). British Summer Time (UTC+1) runs from 01:00 UTC on the
/// last Sunday of March to 01:00 UTC on the last Sunday of October; Greenwich Mean Time (UTC+0) the rest of the year.
///
/// Two hours a year need a choice:
/// - the hour the clocks go forward (01:00 to 01:59 London time on the last Sunday of March) never happens: such a
///   time is `missing`, and the meetings form says so and asks for another;
/// - the hour the clocks go back (01:00 to 01:59 London time on the last Sunday of October) happens twice: such a time
///   is `ambiguous`, and is taken as the first of the two (still British Summer Time), which is what a person
///   arranging a meeting then most likely means.
#pragma once

#include <string>

namespace roundtable::core {

/// A date and time on a clock (no time zone).
struct WallClock {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
  auto operator<=>(const WallClock&) const = default;
};

/// Days since 1970-01-01 of a (proleptic Gregorian) date.
long long days_from_civil(int year, int month, int day);
/// The date of a day number (days since 1970-01-01).
WallClock civil_from_days(long long days);
/// 0 Sunday ... 6 Saturday.
int weekday_of(int year, int month, int day);
/// The day of the month of the month's last Sunday.
int last_sunday(int year, int month);
/// Whether year-month-day is a real date.
bool real_date(int year, int month, int day);

/// London's offset from UTC at that instant, in seconds: 3600 in British Summer Time, 0 otherwise.
int london_offset(long long utc_seconds);
/// Whether London is on British Summer Time at that instant.
inline bool is_bst(long long utc_seconds) { return london_offset(utc_seconds) != 0; }
/// The London wall-clock time of an instant (seconds dropped).
WallClock to_london(long long utc_seconds);

struct LondonInstant {
  enum class Kind {
    /// The time happens once.
    exact,
    /// The time happens twice (the clocks go back): utc is the first, in British Summer Time.
    ambiguous,
    /// The time never happens (the clocks go forward): utc is 0.
    missing,
  };
  Kind kind = Kind::exact;
  long long utc = 0;
};
/// The instant of a London wall-clock time (its date must be real; see real_date).
LondonInstant from_london(const WallClock& local);

}  // namespace roundtable::core
