// London wall-clock time <-> UTC by the UK rule, as a table that includes both change days of several years, and
// checked against the system's time zone database where it has one.
#include "meetings/london_time.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>

#include "testing/dates.hpp"

namespace roundtable::meetings {
namespace {

using testing::utc;

TEST(LondonTime, Calendar) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1) * 86400, utc(2000, 3, 1, 0, 0));
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(civil_from_days(days_from_civil(2028, 2, 29)), (WallClock{2028, 2, 29, 0, 0}));
  EXPECT_EQ(weekday_of(2026, 12, 5), 6) << "a Saturday";
  EXPECT_EQ(weekday_of(2026, 3, 29), 0) << "a Sunday";
  EXPECT_TRUE(real_date(2028, 2, 29));
  EXPECT_FALSE(real_date(2027, 2, 29));
  EXPECT_FALSE(real_date(2027, 4, 31));
  EXPECT_FALSE(real_date(2027, 13, 1));
  // The last Sundays of March and October, when the clocks change.
  EXPECT_EQ(last_sunday(2024, 3), 31);
  EXPECT_EQ(last_sunday(2024, 10), 27);
  EXPECT_EQ(last_sunday(2025, 3), 30);
  EXPECT_EQ(last_sunday(2025, 10), 26);
  EXPECT_EQ(last_sunday(2026, 3), 29);
  EXPECT_EQ(last_sunday(2026, 10), 25);
  EXPECT_EQ(last_sunday(2027, 3), 28);
  EXPECT_EQ(last_sunday(2027, 10), 31);
}

TEST(LondonTime, UtcToLondon) {
  const struct {
    const char* what;
    long long utc;
    WallClock london;
    bool bst;
  } cases[] = {
      {"winter", utc(2026, 1, 15, 12, 0), {2026, 1, 15, 12, 0}, false},
      {"a minute before the clocks go forward", utc(2026, 3, 29, 0, 59), {2026, 3, 29, 0, 59}, false},
      {"the clocks go forward: 1am becomes 2am", utc(2026, 3, 29, 1, 0), {2026, 3, 29, 2, 0}, true},
      {"a summer evening", utc(2026, 7, 1, 17, 30), {2026, 7, 1, 18, 30}, true},
      {"a summer evening after midnight UTC", utc(2026, 7, 1, 23, 30), {2026, 7, 2, 0, 30}, true},
      {"the last minute of summer time", utc(2026, 10, 25, 0, 59), {2026, 10, 25, 1, 59}, true},
      {"the clocks go back: 2am becomes 1am", utc(2026, 10, 25, 1, 0), {2026, 10, 25, 1, 0}, false},
      {"new year's eve", utc(2026, 12, 31, 23, 30), {2026, 12, 31, 23, 30}, false},
      {"2027's change in October", utc(2027, 10, 31, 0, 30), {2027, 10, 31, 1, 30}, true},
      {"2027's change in October, an hour on", utc(2027, 10, 31, 1, 30), {2027, 10, 31, 1, 30}, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(to_london(c.utc), c.london) << c.what;
    EXPECT_EQ(is_bst(c.utc), c.bst) << c.what;
  }
}

TEST(LondonTime, LondonToUtcWithTheHoursThatDoNotHappenOrHappenTwice) {
  using K = LondonInstant::Kind;
  const struct {
    const char* what;
    WallClock london;
    K kind;
    long long utc;
  } cases[] = {
      {"a winter evening", {2026, 12, 8, 18, 0}, K::exact, utc(2026, 12, 8, 18, 0)},
      {"a summer evening", {2026, 7, 1, 18, 0}, K::exact, utc(2026, 7, 1, 17, 0)},
      {"half past midnight on the spring change day", {2026, 3, 29, 0, 30}, K::exact, utc(2026, 3, 29, 0, 30)},
      {"1am on the spring change day never happens", {2026, 3, 29, 1, 0}, K::missing, 0},
      {"1:59am on the spring change day never happens", {2026, 3, 29, 1, 59}, K::missing, 0},
      {"2am on the spring change day", {2026, 3, 29, 2, 0}, K::exact, utc(2026, 3, 29, 1, 0)},
      {"the evening of the spring change day", {2026, 3, 29, 19, 0}, K::exact, utc(2026, 3, 29, 18, 0)},
      {"12:59am on the autumn change day", {2026, 10, 25, 0, 59}, K::exact, utc(2026, 10, 24, 23, 59)},
      {"1am on the autumn change day happens twice: the first",
       {2026, 10, 25, 1, 0},
       K::ambiguous,
       utc(2026, 10, 25, 0, 0)},
      {"1:30am on the autumn change day happens twice: the first",
       {2026, 10, 25, 1, 30},
       K::ambiguous,
       utc(2026, 10, 25, 0, 30)},
      {"2am on the autumn change day", {2026, 10, 25, 2, 0}, K::exact, utc(2026, 10, 25, 2, 0)},
      {"the evening of the autumn change day", {2026, 10, 25, 18, 0}, K::exact, utc(2026, 10, 25, 18, 0)},
      {"the day before the autumn change", {2026, 10, 24, 18, 0}, K::exact, utc(2026, 10, 24, 17, 0)},
      {"2027: spring", {2027, 3, 28, 1, 30}, K::missing, 0},
      {"2027: autumn", {2027, 10, 31, 1, 30}, K::ambiguous, utc(2027, 10, 31, 0, 30)},
      {"2025: not the change day in 2026", {2025, 3, 29, 1, 30}, K::exact, utc(2025, 3, 29, 1, 30)},
  };
  for (const auto& c : cases) {
    const auto got = from_london(c.london);
    EXPECT_EQ(got.kind, c.kind) << c.what;
    EXPECT_EQ(got.utc, c.utc) << c.what;
  }
}

TEST(LondonTime, RoundTripsEveryQuarterHourForFiveYears) {
  for (long long t = utc(2024, 1, 1, 0, 0); t < utc(2029, 1, 1, 0, 0); t += 900) {
    const auto back = from_london(to_london(t));
    ASSERT_NE(back.kind, LondonInstant::Kind::missing) << t;
    // The second of a repeated hour comes back as the first.
    if (back.kind == LondonInstant::Kind::ambiguous && !is_bst(t)) {
      ASSERT_EQ(back.utc, t - 3600) << t;
    } else {
      ASSERT_EQ(back.utc, t) << t;
    }
  }
}

TEST(LondonTime, AgreesWithTheTimeZoneDatabase) {
  if (!std::filesystem::exists("/usr/share/zoneinfo/Europe/London")) GTEST_SKIP() << "no time zone database";
  const char* old = std::getenv("TZ");
  const std::string saved = old ? old : "";
  setenv("TZ", "Europe/London", 1);
  tzset();
  for (long long t = utc(2020, 1, 1, 0, 0); t < utc(2031, 1, 1, 0, 0); t += 1800) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    const WallClock want{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min};
    ASSERT_EQ(to_london(t), want) << t;
    ASSERT_EQ(is_bst(t), tm.tm_isdst > 0) << t;
  }
  if (old) {
    setenv("TZ", saved.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
}

}  // namespace
}  // namespace roundtable::meetings
