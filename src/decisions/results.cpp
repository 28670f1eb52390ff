#include "decisions/results.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

namespace roundtable::decisions {

namespace {

/// The most chosen and the leaders, once the votes are in.
void lead(PollResult& r) {
  for (const auto& c : r.options) r.most = std::max(r.most, c.votes);
  if (r.most == 0) return;
  for (auto& c : r.options) {
    if (c.votes != r.most) continue;
    c.leading = true;
    r.leaders.push_back(c.option.id);
  }
}

}  // namespace

PollResult count_poll(const std::vector<Option>& options, const std::vector<BallotRow>& rows) {
  PollResult r;
  for (const auto& o : options) r.options.push_back({o, 0, false});
  std::set<std::string> counted;
  for (const auto& row : rows) {
    if (row.value <= 0 || counted.contains(row.ballot)) continue;
    auto it = std::find_if(r.options.begin(), r.options.end(),
                           [&](const OptionCount& c) { return c.option.id == row.option_id; });
    if (it == r.options.end()) continue;
    counted.insert(row.ballot);
    ++it->votes;
  }
  r.ballots = static_cast<long long>(counted.size());
  lead(r);
  return r;
}

PollResult count_poll(const std::vector<Option>& options, const std::vector<OptionTotal>& totals) {
  PollResult r;
  for (const auto& o : options) r.options.push_back({o, 0, false});
  for (const auto& total : totals) {
    auto it = std::find_if(r.options.begin(), r.options.end(),
                           [&](const OptionCount& c) { return c.option.id == total.option_id; });
    if (it == r.options.end()) continue;
    it->votes += total.ballots;
    r.ballots += total.ballots;
  }
  lead(r);
  return r;
}

tally::DotResult dots_of(const std::vector<Option>& options, const std::vector<OptionSum>& sums) {
  tally::DotResult r;
  for (const auto& o : options) {
    long long total = 0;
    for (const auto& x : sums) {
      if (x.option_id == o.id && x.value > 0) total += x.value * x.rows;
    }
    r.totals.push_back({o.id, total});
    r.dots_used += total;
  }
  std::stable_sort(r.totals.begin(), r.totals.end(),
                   [](const tally::Count& a, const tally::Count& b) { return a.value > b.value; });
  if (!r.totals.empty() && r.totals.front().value > 0) {
    for (const auto& c : r.totals) {
      if (c.value == r.totals.front().value) r.top.push_back(c.option);
    }
  }
  return r;
}

tally::ScoreResult scores_of(const std::vector<Option>& options, int highest, const std::vector<OptionSum>& sums) {
  tally::ScoreResult r;
  const int top_score = std::max(highest, 0);
  for (const auto& o : options) {
    tally::OptionScores x;
    x.option = o.id;
    x.how_many.assign(static_cast<std::size_t>(top_score) + 1, 0);
    for (const auto& s : sums) {
      if (s.option_id != o.id || s.value < 0 || s.value > top_score) continue;
      x.people += s.rows;
      x.sum += s.value * s.rows;
      x.how_many[static_cast<std::size_t>(s.value)] += s.rows;
    }
    r.options.push_back(std::move(x));
  }
  // Highest average, compared exactly: a/b > c/d as a*d > c*b.
  const tally::OptionScores* best = nullptr;
  for (const auto& o : r.options) {
    if (o.people == 0) continue;
    if (best == nullptr || o.sum * best->people > best->sum * o.people) best = &o;
  }
  if (best != nullptr) {
    for (const auto& o : r.options) {
      if (o.people > 0 && o.sum * best->people == best->sum * o.people) r.top.push_back(o.option);
    }
  }
  return r;
}

std::vector<meetings::OptionTally> time_tallies(const std::vector<Option>& options, const std::vector<OptionSum>& sums,
                                                long long people) {
  std::vector<meetings::AnswerCount> counts;
  for (const auto& x : sums) {
    if (const auto a = answer_of_value(x.value)) counts.push_back({x.option_id, *a, x.rows});
  }
  return meetings::count_answers(time_options(options), counts, people);
}

std::optional<long long> chosen_time(std::vector<meetings::OptionTally>& tallies) {
  meetings::OptionTally* best = nullptr;
  for (auto& x : tallies) {
    x.best = false;
    if (x.yes + x.if_need_be == 0) continue;
    if (best == nullptr) {
      best = &x;
      continue;
    }
    const auto key = [](const meetings::OptionTally& t) { return std::tuple{t.yes, t.yes + t.if_need_be}; };
    if (key(x) > key(*best) || (key(x) == key(*best) && x.option.starts_at < best->option.starts_at)) best = &x;
  }
  if (best == nullptr) return std::nullopt;
  best->best = true;
  return best->option.id;
}

tally::RankedResult ranked_of(const std::vector<Option>& options, const std::vector<std::vector<long long>>& ballots) {
  std::vector<tally::OptionId> ids;
  for (const auto& o : options) ids.push_back(o.id);
  std::vector<std::vector<tally::OptionId>> b;
  b.reserve(ballots.size());
  for (const auto& x : ballots) b.emplace_back(x.begin(), x.end());
  return tally::instant_runoff(ids, b);
}

RankedCount ranked_count(const std::vector<Option>& options, const std::vector<std::vector<long long>>& ballots) {
  return {ranked_of(options, ballots), static_cast<long long>(ballots.size())};
}

std::string_view check_ballot(const ProposalDetails& d, const std::vector<std::pair<long long, long long>>& rows) {
  std::vector<tally::OptionId> ids;
  for (const auto& o : d.options) ids.push_back(o.id);
  switch (d.process) {
    case Process::ranked_choice: {
      if (rows.empty()) return "decisions.ranked.none";
      std::set<long long> options, ranks;
      for (const auto& [option, rank] : rows) {
        if (std::find(ids.begin(), ids.end(), option) == ids.end() || !options.insert(option).second) {
          return "decisions.ranked.unknown_option";
        }
        if (rank < 1 || rank > static_cast<long long>(ids.size())) return "decisions.ranked.unknown_option";
        if (!ranks.insert(rank).second) return "decisions.ranked.same";
      }
      // 1st, 2nd, … with none missing: the highest choice is the number of choices made.
      if (*ranks.rbegin() != static_cast<long long>(ranks.size())) return "decisions.ranked.gap";
      return {};
    }
    case Process::dot_vote: {
      std::vector<tally::Dots> dots;
      long long used = 0;
      for (const auto& [option, n] : rows) {
        if (n > kMaxDotBudget || n < -kMaxDotBudget) return "decisions.dots.over_budget";
        dots.push_back({option, static_cast<int>(n)});
        used += n;
      }
      if (const auto key = tally::check_dots(ids, d.dot_budget, d.dot_most, dots); !key.empty()) return key;
      if (used == 0) return "decisions.dots.none";
      return {};
    }
    case Process::score: {
      if (rows.empty()) return "decisions.scores.none";
      std::vector<tally::Score> scores;
      for (const auto& [option, n] : rows) {
        if (n > kMaxScore || n < 0) return "decisions.scores.out_of_range";
        scores.push_back({option, static_cast<int>(n)});
      }
      return tally::check_scores(ids, d.score_highest, scores);
    }
    case Process::meeting_time: {
      if (rows.empty()) return "meetings.polls.error.answer_missing";
      std::set<long long> options;
      for (const auto& [option, value] : rows) {
        if (std::find(ids.begin(), ids.end(), option) == ids.end() || !options.insert(option).second ||
            !answer_of_value(value)) {
          return "decisions.times.unknown_answer";
        }
      }
      return {};
    }
    case Process::simple_poll:
    case Process::consent: break;
  }
  return "decisions.ranked.unknown_option";
}

PollResult leaders_only(std::vector<long long> leaders) {
  PollResult r;
  r.leaders = std::move(leaders);
  return r;
}

ConsentResult count_consent(const std::vector<Response>& responses, const std::vector<Objection>& objections) {
  ConsentResult r;
  for (const auto& x : responses) {
    switch (x.answer) {
      case ConsentAnswer::agree: ++r.agree; break;
      case ConsentAnswer::stand_aside: ++r.stand_aside; break;
      case ConsentAnswer::object: ++r.object; break;
    }
  }
  for (const auto& o : objections) {
    if (o.state == ObjectionState::open) ++r.open_objections;
  }
  r.passes = r.open_objections == 0;
  return r;
}

Outcome outcome_of(const PollResult& r) {
  if (r.leaders.empty()) return Outcome::no_votes;
  return r.leaders.size() == 1 ? Outcome::chosen : Outcome::tie;
}

Outcome outcome_of(const ConsentResult& r) { return r.passes ? Outcome::passed : Outcome::not_passed; }

TypeCounts count_types(const std::vector<std::vector<MemberType>>& people) {
  TypeCounts c;
  for (const auto& types : people) {
    ++c.people;
    if (types.empty()) ++c.no_type;
    std::set<MemberType> seen(types.begin(), types.end());
    for (MemberType t : seen) ++c.by_type[static_cast<std::size_t>(t)];
  }
  return c;
}

TypeCounts count_types(const std::vector<std::pair<std::vector<MemberType>, long long>>& groups) {
  TypeCounts c;
  for (const auto& [types, people] : groups) {
    c.people += people;
    if (types.empty()) c.no_type += people;
    std::set<MemberType> seen(types.begin(), types.end());
    for (MemberType t : seen) c.by_type[static_cast<std::size_t>(t)] += people;
  }
  return c;
}

}  // namespace roundtable::decisions
