#include "decisions/results.hpp"

#include <algorithm>
#include <set>
#include <string>

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
