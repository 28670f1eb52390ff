#include "measures/measures.hpp"

#include <algorithm>

#include "core/london_time.hpp"

namespace roundtable::measures {

namespace {

/// Months since year 0 (for indexing).
long long month_number(int year, int month) { return static_cast<long long>(year) * 12 + (month - 1); }

void add_median(Figures& f, std::vector<long long>& waits) { f.median_seconds = median(std::move(waits)); }

}  // namespace

long long window_start(long long now) {
  const auto w = core::to_london(now);
  long long n = month_number(w.year, w.month) - (kMonths - 1);
  const int year = static_cast<int>(n / 12), month = static_cast<int>(n % 12) + 1;
  return core::from_london({year, month, 1, 0, 0}).utc;
}

std::optional<long long> median(std::vector<long long> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto n = values.size();
  if (n % 2 == 1) return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

long long whole_days(long long seconds) { return (seconds + 12 * 60 * 60) / (24 * 60 * 60); }

Measures compute(const std::vector<ContributionRow>& contributions, const std::vector<DecisionRow>& decisions,
                 long long now) {
  Measures out;
  const auto w = core::to_london(now);
  const long long last = month_number(w.year, w.month), first = last - (kMonths - 1);
  for (long long n = first; n <= last; ++n) {
    out.months.push_back({static_cast<int>(n / 12), static_cast<int>(n % 12) + 1, {}});
  }
  auto slot = [&](long long at) -> Month* {
    if (at > now) return nullptr;
    const auto m = core::to_london(at);
    const long long n = month_number(m.year, m.month);
    if (n < first || n > last) return nullptr;
    return &out.months[static_cast<std::size_t>(n - first)];
  };
  std::vector<std::vector<long long>> waits(kMonths);
  std::vector<long long> all_waits;
  for (const auto& c : contributions) {
    Month* m = slot(c.created_at);
    if (!m) continue;
    ++m->figures.contributions;
    ++out.total.contributions;
    if (!c.first_response_at) continue;
    ++m->figures.responded;
    ++out.total.responded;
    const long long wait = std::max(0LL, *c.first_response_at - c.created_at);
    waits[static_cast<std::size_t>(m - out.months.data())].push_back(wait);
    all_waits.push_back(wait);
  }
  for (std::size_t i = 0; i < out.months.size(); ++i) add_median(out.months[i].figures, waits[i]);
  add_median(out.total, all_waits);
  for (const auto& d : decisions) {
    Month* m = slot(d.closed_at);
    if (!m) continue;
    for (Figures* f : {&m->figures, &out.total}) {
      ++f->decisions;
      if (d.lived > 0) ++f->with_lived;
      if (d.rules_met) ++f->rules_met;
    }
  }
  return out;
}

}  // namespace roundtable::measures
