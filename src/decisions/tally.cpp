#include "decisions/tally.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace roundtable::decisions::tally {

namespace {

bool contains(const std::vector<OptionId>& v, OptionId id) { return std::find(v.begin(), v.end(), id) != v.end(); }

/// The ballots with unknown and repeated options taken out.
std::vector<std::vector<OptionId>> clean(const std::vector<OptionId>& options,
                                         const std::vector<std::vector<OptionId>>& ballots) {
  std::vector<std::vector<OptionId>> out;
  out.reserve(ballots.size());
  for (const auto& b : ballots) {
    std::vector<OptionId> kept;
    for (OptionId id : b) {
      if (contains(options, id) && !contains(kept, id)) kept.push_back(id);
    }
    out.push_back(std::move(kept));
  }
  return out;
}

long long votes_in(const RankedRound& round, OptionId id) {
  for (const auto& c : round.counts) {
    if (c.option == id) return c.value;
  }
  return 0;
}

}  // namespace

RankedResult instant_runoff(const std::vector<OptionId>& options, const std::vector<std::vector<OptionId>>& ballots) {
  RankedResult result;
  if (ballots.empty() || options.empty()) return result;
  const auto cleaned = clean(options, ballots);
  std::vector<OptionId> in;  // options still in, in the options' order
  for (OptionId id : options) {
    if (!contains(in, id)) in.push_back(id);
  }
  while (!in.empty()) {
    RankedRound round;
    std::unordered_map<OptionId, long long> votes;
    for (const auto& b : cleaned) {
      const auto first = std::find_if(b.begin(), b.end(), [&](OptionId id) { return contains(in, id); });
      if (first == b.end()) {
        ++round.exhausted;
      } else {
        ++votes[*first];
      }
    }
    for (OptionId id : in) round.counts.push_back({id, votes[id]});
    const long long counting = static_cast<long long>(cleaned.size()) - round.exhausted;
    for (const auto& c : round.counts) {
      if (counting > 0 && c.value * 2 > counting) result.winner = c.option;
    }
    if (result.winner) {
      result.rounds.push_back(std::move(round));
      return result;
    }
    long long fewest = round.counts.front().value;
    for (const auto& c : round.counts) fewest = std::min(fewest, c.value);
    std::vector<OptionId> bottom;
    for (const auto& c : round.counts) {
      if (c.value == fewest) bottom.push_back(c.option);
    }
    if (bottom.size() == in.size()) {  // every option left has the same votes: a tie for the group to settle
      result.tied = in;
      result.rounds.push_back(std::move(round));
      return result;
    }
    round.why = bottom.size() == 1 ? Elimination::fewest : Elimination::all_tied;
    // Ties at the bottom: look back, latest round first, keeping those with the fewest votes there.
    for (auto earlier = result.rounds.rbegin(); bottom.size() > 1 && earlier != result.rounds.rend(); ++earlier) {
      long long least = votes_in(*earlier, bottom.front());
      for (OptionId id : bottom) least = std::min(least, votes_in(*earlier, id));
      std::erase_if(bottom, [&](OptionId id) { return votes_in(*earlier, id) != least; });
      if (bottom.size() == 1) round.why = Elimination::earlier_round;
    }
    round.eliminated = bottom;
    std::erase_if(in, [&](OptionId id) { return contains(bottom, id); });
    result.rounds.push_back(std::move(round));
  }
  return result;
}

std::string_view check_dots(const std::vector<OptionId>& options, int budget, int most_per_option,
                            const std::vector<Dots>& ballot) {
  long long used = 0;
  std::unordered_set<OptionId> seen;
  for (const auto& d : ballot) {
    if (!contains(options, d.option) || !seen.insert(d.option).second) return "decisions.dots.unknown_option";
    if (d.dots < 0) return "decisions.dots.negative";
    if (most_per_option > 0 && d.dots > most_per_option) return "decisions.dots.too_many_on_one";
    used += d.dots;
  }
  if (used > budget) return "decisions.dots.over_budget";
  return {};
}

DotResult dot_totals(const std::vector<OptionId>& options, const std::vector<std::vector<Dots>>& ballots) {
  DotResult result;
  std::unordered_map<OptionId, long long> sums;
  for (const auto& b : ballots) {
    for (const auto& d : b) {
      if (!contains(options, d.option) || d.dots <= 0) continue;
      sums[d.option] += d.dots;
      result.dots_used += d.dots;
    }
  }
  for (OptionId id : options) result.totals.push_back({id, sums[id]});
  std::stable_sort(result.totals.begin(), result.totals.end(),
                   [](const Count& a, const Count& b) { return a.value > b.value; });
  if (!result.totals.empty() && result.totals.front().value > 0) {
    for (const auto& c : result.totals) {
      if (c.value == result.totals.front().value) result.top.push_back(c.option);
    }
  }
  return result;
}

std::string_view check_scores(const std::vector<OptionId>& options, int highest, const std::vector<Score>& ballot) {
  std::unordered_set<OptionId> seen;
  for (const auto& s : ballot) {
    if (!contains(options, s.option) || !seen.insert(s.option).second) return "decisions.scores.unknown_option";
    if (s.score < 0 || s.score > highest) return "decisions.scores.out_of_range";
  }
  return {};
}

long long OptionScores::average_tenths() const {
  if (people == 0) return 0;
  // round(10 * sum / people) half up, in whole numbers.
  return (20 * sum + people) / (2 * people);
}

ScoreResult score_totals(const std::vector<OptionId>& options, int highest,
                         const std::vector<std::vector<Score>>& ballots) {
  ScoreResult result;
  const int top_score = std::max(highest, 0);
  for (OptionId id : options) {
    OptionScores o;
    o.option = id;
    o.how_many.assign(static_cast<std::size_t>(top_score) + 1, 0);
    result.options.push_back(std::move(o));
  }
  for (const auto& b : ballots) {
    for (const auto& s : b) {
      if (s.score < 0 || s.score > top_score) continue;
      for (auto& o : result.options) {
        if (o.option != s.option) continue;
        ++o.people;
        o.sum += s.score;
        ++o.how_many[static_cast<std::size_t>(s.score)];
        break;
      }
    }
  }
  // Highest average, compared exactly: a/b > c/d as a*d > c*b.
  const OptionScores* best = nullptr;
  for (const auto& o : result.options) {
    if (o.people == 0) continue;
    if (best == nullptr || o.sum * best->people > best->sum * o.people) best = &o;
  }
  if (best != nullptr) {
    for (const auto& o : result.options) {
      if (o.people > 0 && o.sum * best->people == best->sum * o.people) result.top.push_back(o.option);
    }
  }
  return result;
}

}  // namespace roundtable::decisions::tally
