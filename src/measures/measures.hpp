/// Measures (issue #15 item 7): how well a group closes the loop and shares power, from real data. Of the contributions
/// people made (every module's registered kinds), how many got a response (a loop status) and how long the first one
/// took; of the decisions closed, how many had lived-experience members taking part and how many met the group's
/// rules. Over the last 12 months, and month by month. Plain types and one pure function, tested as a table
/// (measures_test.cpp).
#pragma once

#include <optional>
#include <vector>

namespace roundtable::measures {

/// One contribution: when it was made, and when it first got a status (none: no response yet).
struct ContributionRow {
  long long created_at = 0;
  std::optional<long long> first_response_at;
};

/// One closed decision: when it closed, how many lived-experience members took part, whether it met its rules.
struct DecisionRow {
  long long closed_at = 0;
  long long lived = 0;
  bool rules_met = true;
};

/// The figures for a stretch of time (a month, or the whole 12 months).
struct Figures {
  long long contributions = 0;
  long long responded = 0;
  /// The median time from a contribution to its first response, in seconds, over those that got one.
  std::optional<long long> median_seconds;
  long long decisions = 0;
  long long with_lived = 0;
  long long rules_met = 0;
  bool operator==(const Figures&) const = default;
};

struct Month {
  int year = 1970, month = 1;
  Figures figures;
  bool operator==(const Month&) const = default;
};

struct Measures {
  /// The last 12 months together.
  Figures total;
  /// The last 12 calendar months in London, oldest first, the one `now` falls in last.
  std::vector<Month> months;
  bool empty() const { return total.contributions == 0 && total.decisions == 0; }
};

inline constexpr int kMonths = 12;

/// The first instant of the oldest of the 12 months (London midnight on its first day): rows from it on count.
long long window_start(long long now);
/// The median of the values (the mean of the middle two when there is an even number); none for none.
std::optional<long long> median(std::vector<long long> values);
/// Counts the rows into the 12 months ending with now's (contributions by when they were made, decisions by when
/// they closed; rows outside the window are left out). A response before the contribution counts as 0 seconds.
Measures compute(const std::vector<ContributionRow>& contributions, const std::vector<DecisionRow>& decisions,
                 long long now);
/// Whole days from seconds, rounded to the nearest day.
long long whole_days(long long seconds);

}  // namespace roundtable::measures
