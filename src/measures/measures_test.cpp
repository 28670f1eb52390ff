#include "measures/measures.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/london_time.hpp"
#include "testing/dates.hpp"

namespace roundtable::measures {
namespace {

using core::kDay;

using testing::london_noon;

TEST(Measures, Median) {
  struct Case {
    std::vector<long long> values;
    std::optional<long long> median;
  };
  const Case cases[] = {
      {{}, std::nullopt}, {{5}, 5}, {{9, 1, 5}, 5}, {{4, 1, 3, 2}, 2}, {{1, 2}, 1}, {{10, 20}, 15}, {{7, 7, 7, 7}, 7},
  };
  for (const auto& c : cases) EXPECT_EQ(median(c.values), c.median) << c.values.size() << " values";
}

TEST(Measures, WholeDays) {
  EXPECT_EQ(whole_days(0), 0);
  EXPECT_EQ(whole_days(kDay / 2 - 1), 0);
  EXPECT_EQ(whole_days(kDay / 2), 1);
  EXPECT_EQ(whole_days(4 * kDay), 4);
  EXPECT_EQ(whole_days(4 * kDay + kDay / 2 + 1), 5);
}

TEST(Measures, WindowIsTwelveLondonMonths) {
  // 6 December 2026: from 1 January 2026, London midnight (GMT).
  EXPECT_EQ(window_start(london_noon(2026, 12, 6)), core::from_london({2026, 1, 1, 0, 0}).utc);
  // 15 March 2026: from 1 April 2025, London midnight in British Summer Time (23:00 UTC the day before).
  EXPECT_EQ(window_start(london_noon(2026, 3, 15)), core::from_london({2025, 4, 1, 0, 0}).utc);
  EXPECT_EQ(window_start(london_noon(2026, 3, 15)) % kDay, 23 * 60 * 60);
}

TEST(Measures, ComputeTable) {
  const long long now = london_noon(2026, 12, 6);
  struct Case {
    const char* name;
    std::vector<ContributionRow> contributions;
    std::vector<DecisionRow> decisions;
    Figures total;
    /// The month the figures land in (December 2026 is the last of the 12).
    int month;
    Figures in_month;
  };
  const Case cases[] = {
      {"nothing", {}, {}, {}, 12, {}},
      {"one contribution without an answer",
       {{london_noon(2026, 12, 1), std::nullopt}},
       {},
       {1, 0, std::nullopt, 0, 0, 0},
       12,
       {1, 0, std::nullopt, 0, 0, 0}},
      {"answers after 2, 4 and 9 days; one without",
       {{london_noon(2026, 11, 2), london_noon(2026, 11, 4)},
        {london_noon(2026, 11, 3), london_noon(2026, 11, 7)},
        {london_noon(2026, 11, 5), london_noon(2026, 11, 14)},
        {london_noon(2026, 11, 20), std::nullopt}},
       {},
       {4, 3, 4 * kDay, 0, 0, 0},
       11,
       {4, 3, 4 * kDay, 0, 0, 0}},
      {"a contribution counts in the month it was made, even when answered later",
       {{london_noon(2026, 10, 30), london_noon(2026, 11, 3)}},
       {},
       {1, 1, 4 * kDay, 0, 0, 0},
       10,
       {1, 1, 4 * kDay, 0, 0, 0}},
      {"an answer stamped before the contribution (clock skew) took no time",
       {{london_noon(2026, 12, 2), london_noon(2026, 12, 1)}},
       {},
       {1, 1, 0, 0, 0, 0},
       12,
       {1, 1, 0, 0, 0, 0}},
      {"older than 12 months, and in the future, are left out",
       {{london_noon(2025, 12, 31), london_noon(2026, 1, 2)}, {now + kDay, std::nullopt}},
       {{london_noon(2025, 12, 20), 2, true}},
       {},
       1,
       {}},
      {"decisions: with lived-experience members, meeting the rules",
       {},
       {{london_noon(2026, 9, 1), 2, true},
        {london_noon(2026, 9, 10), 0, false},
        {london_noon(2026, 9, 20), 1, false},
        {london_noon(2026, 12, 1), 0, true}},
       {0, 0, std::nullopt, 4, 2, 2},
       9,
       {0, 0, std::nullopt, 3, 2, 1}},
  };
  for (const auto& c : cases) {
    const auto m = compute(c.contributions, c.decisions, now);
    ASSERT_EQ(m.months.size(), 12U) << c.name;
    EXPECT_EQ(m.months.front().year, 2026) << c.name;
    EXPECT_EQ(m.months.front().month, 1) << c.name;
    EXPECT_EQ(m.months.back().month, 12) << c.name;
    EXPECT_EQ(m.total, c.total) << c.name;
    EXPECT_EQ(m.months[static_cast<std::size_t>(c.month - 1)].figures, c.in_month) << c.name;
    EXPECT_EQ(m.empty(), c.total.contributions == 0 && c.total.decisions == 0) << c.name;
  }
}

// A month's bounds are London's: 00:30 on 1 October in London (British Summer Time) is 23:30 on 30 September in UTC,
// and counts in October.
TEST(Measures, LondonMonths) {
  const long long now = london_noon(2026, 12, 6);
  const long long first_october = core::from_london({2026, 10, 1, 0, 30}).utc;
  const auto m = compute({{first_october, std::nullopt}}, {}, now);
  EXPECT_EQ(m.months[9].figures.contributions, 1);
  EXPECT_EQ(m.months[8].figures.contributions, 0);
}

}  // namespace
}  // namespace roundtable::measures
