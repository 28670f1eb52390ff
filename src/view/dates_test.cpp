#include "view/dates.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

namespace roundtable::view {
namespace {

/// Runs with the process in London time (as the server is), then puts the time zone back.
class Dates : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* tz = std::getenv("TZ")) saved_ = tz;
    setenv("TZ", "Europe/London", 1);
    tzset();
  }
  void TearDown() override {
    if (saved_) {
      setenv("TZ", saved_->c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
  }

 private:
  std::optional<std::string> saved_;
};

TEST_F(Dates, DaysMonthsHoursAndMinutesInBothLanguages) {
  const core::Translator en(core::Messages::embedded(), core::Lang::en);
  const core::Translator cy(core::Messages::embedded(), core::Lang::cy);
  const struct {
    long long unix_seconds;
    std::string_view date;
    std::string_view datetime;
    std::string_view datetime_cy;
  } cases[] = {
      {1795503900, "24 November 2026", "24 November 2026 at 7:05am", "24 Tachwedd 2026 am 7:05yb"},
      // British Summer Time: midnight UTC is 1am in London.
      {1782864000, "1 July 2026", "1 July 2026 at 1:00am", "1 Gorffennaf 2026 am 1:00yb"},
      {1767961800, "9 January 2026", "9 January 2026 at 12:30pm", "9 Ionawr 2026 am 12:30yh"},
      // The night the clocks go forward: one minute before midnight UTC is the next day in London.
      {1774828740, "30 March 2026", "30 March 2026 at 12:59am", "30 Mawrth 2026 am 12:59yb"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(format_date(en, c.unix_seconds), c.date) << c.unix_seconds;
    EXPECT_EQ(format_datetime(en, c.unix_seconds), c.datetime) << c.unix_seconds;
    EXPECT_EQ(format_datetime(cy, c.unix_seconds), c.datetime_cy) << c.unix_seconds;
  }
}

TEST_F(Dates, WordsKeptForADayOrAMinuteAreThatDayOrMinuteInThatLanguage) {
  // Each thread keeps the words it wrote by local day or minute and language: asking again, in the other language, a
  // few seconds later or a minute later, and either side of local midnight, gives what writing them again would.
  const core::Translator en(core::Messages::embedded(), core::Lang::en);
  const core::Translator cy(core::Messages::embedded(), core::Lang::cy);
  const long long at = 1795503900;  // 24 November 2026, 7:05am (GMT)
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(format_datetime(en, at), "24 November 2026 at 7:05am");
    EXPECT_EQ(format_datetime(cy, at), "24 Tachwedd 2026 am 7:05yb");
    EXPECT_EQ(format_datetime(en, at + 59), "24 November 2026 at 7:05am");
    EXPECT_EQ(format_datetime(en, at + 60), "24 November 2026 at 7:06am");
    EXPECT_EQ(format_date(cy, at), "24 Tachwedd 2026");
    EXPECT_EQ(format_date(en, at), "24 November 2026");
    // 11:59pm and midnight in London (GMT) are two days; in summer, 11:30pm UTC is already the next day.
    EXPECT_EQ(format_date(en, 1795564740), "24 November 2026");
    EXPECT_EQ(format_date(en, 1795564800), "25 November 2026");
    EXPECT_EQ(format_date(en, 1782862200), "1 July 2026");
    EXPECT_EQ(format_datetime(en, 1782862200), "1 July 2026 at 12:30am");
  }
}

TEST_F(Dates, EachDayInTheZoneItIsAskedIn) {
  const core::Translator en(core::Messages::embedded(), core::Lang::en);
  // Several times of one summer day (the later ones from what the first kept), then of the days the clocks change.
  EXPECT_EQ(format_datetime(en, 1782864000), "1 July 2026 at 1:00am");
  EXPECT_EQ(format_datetime(en, 1782864000 + 13 * 3600 + 60), "1 July 2026 at 2:01pm");
  EXPECT_EQ(format_datetime(en, 1782864000 + 22 * 3600 + 59 * 60), "1 July 2026 at 11:59pm");
  EXPECT_EQ(format_datetime(en, 1774746000 - 60), "29 March 2026 at 12:59am") << "just before the clocks go forward";
  EXPECT_EQ(format_datetime(en, 1774746000), "29 March 2026 at 2:00am") << "just after";
  EXPECT_EQ(format_datetime(en, 1792890000 - 60), "25 October 2026 at 1:59am") << "just before they go back";
  EXPECT_EQ(format_datetime(en, 1792890000), "25 October 2026 at 1:00am") << "just after";
  // The same moment in another zone, once the process is told of it.
  setenv("TZ", "UTC", 1);
  tzset();
  EXPECT_EQ(format_datetime(en, 1782864000), "1 July 2026 at 12:00am");
  setenv("TZ", "Europe/London", 1);
  tzset();
  EXPECT_EQ(format_datetime(en, 1782864000), "1 July 2026 at 1:00am");
}

TEST_F(Dates, AnotherThreadWorkingOutTheZoneDoesNotStopIt) {
  // While localtime_r works out the zone again in one thread, glibc's tzname[] are both NULL for a moment. Reading
  // them then made a std::string from NULL: the release server crashed under load (2026-12-07). Here that moment is
  // made to last.
  const core::Translator en(core::Messages::embedded(), core::Lang::en);
  char* const saved[2] = {tzname[0], tzname[1]};
  tzname[0] = nullptr;
  tzname[1] = nullptr;
  std::string shown;
  EXPECT_NO_THROW(shown = format_datetime(en, 1782864000 + 3600));
  tzname[0] = saved[0];
  tzname[1] = saved[1];
  EXPECT_EQ(shown, "1 July 2026 at 2:00am");
}

}  // namespace
}  // namespace roundtable::view
