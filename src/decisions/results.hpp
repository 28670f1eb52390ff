/// Counting a simple poll and a consent proposal, and who took part by member type: pure functions over the rows the
/// store reads (ranked choice, dot vote and score are counted in tally.hpp).
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "decisions/decision.hpp"
#include "decisions/tally.hpp"

namespace roundtable::decisions {

struct OptionCount {
  Option option;
  long long votes = 0;
  /// Among the most chosen (none when nobody voted).
  bool leading = false;
};

/// A simple poll's counts in the poll's order (a ballot counts once, for its first option with a value).
struct PollResult {
  std::vector<OptionCount> options;
  long long ballots = 0;
  long long most = 0;
  std::vector<long long> leaders;
};
PollResult count_poll(const std::vector<Option>& options, const std::vector<BallotRow>& rows);
/// How many ballots chose an option, as the store counts them (GROUP BY: a page costs the same for 40,000 voters).
struct OptionTotal {
  long long option_id = 0;
  long long ballots = 0;
};
/// How many ballot rows gave an option a value (a dot vote's dots, a score poll's score), as the store counts them.
struct OptionSum {
  long long option_id = 0;
  long long value = 0;
  long long rows = 0;
};
/// The same result from those totals (a simple poll's ballot is one row).
PollResult count_poll(const std::vector<Option>& options, const std::vector<OptionTotal>& totals);

struct ConsentResult {
  long long agree = 0;
  long long stand_aside = 0;
  long long object = 0;
  long long open_objections = 0;
  /// Passes when no objection is open (at closing; while open: would pass now).
  bool passes = true;
};
ConsentResult count_consent(const std::vector<Response>& responses, const std::vector<Objection>& objections);

/// A dot vote's totals from the store's sums (tally::dot_totals's result, from one GROUP BY).
tally::DotResult dots_of(const std::vector<Option>& options, const std::vector<OptionSum>& sums);
/// A score poll's counts from the store's sums (tally::score_totals's result, from one GROUP BY).
tally::ScoreResult scores_of(const std::vector<Option>& options, int highest, const std::vector<OptionSum>& sums);
/// A meeting-time poll's counts per time (in the options' order, as the "find a time" poll counts them) from the
/// store's sums (a ballot row's value is its answer: answer_value); `people`: how many took part.
std::vector<meetings::OptionTally> time_tallies(const std::vector<Option>& options, const std::vector<OptionSum>& sums,
                                                long long people);
/// The time a meeting-time poll chooses: the most yes, then the most yes and if need be together, then the earliest
/// start (then the first given); none when nobody said yes or if need be to any time. Marks it best in `tallies`.
std::optional<long long> chosen_time(std::vector<meetings::OptionTally>& tallies);
/// Ranked choice from every ballot (options from the 1st choice down).
tally::RankedResult ranked_of(const std::vector<Option>& options, const std::vector<std::vector<long long>>& ballots);
/// A ranked-choice poll's count as its page shows it: the rounds, and how many ballots were counted. Kept when the
/// poll closes (store::keep_ranked, ADR 0037), so its page never counts every ballot again.
struct RankedCount {
  tally::RankedResult result;
  long long ballots = 0;
};
/// The count from every ballot.
RankedCount ranked_count(const std::vector<Option>& options, const std::vector<std::vector<long long>>& ballots);
/// Who came out on top, as a PollResult's leaders (for outcome_of and the outcome's words): the winner or the tied
/// options of ranked choice, the options with the most dots or the highest average score.
PollResult leaders_only(std::vector<long long> leaders);

/// Why a ranked-choice, dot or score ballot (option, rank/dots/score) cannot be taken: a catalogue key under
/// "decisions.ranked.", "decisions.dots." or "decisions.scores." (empty when it can). Ranked: 1st, 2nd, … each given
/// to one option, with no choice missing before a later one, at least a 1st. Dots: tally::check_dots, at least one
/// dot. Scores: tally::check_scores, at least one option scored. Meeting time: each of the poll's times at most
/// once, answered yes, if need be or no (answer_value), at least one answered.
std::string_view check_ballot(const ProposalDetails& d, const std::vector<std::pair<long long, long long>>& rows);

/// The outcome a proposal closes with.
Outcome outcome_of(const PollResult& r);
Outcome outcome_of(const ConsentResult& r);

/// Who took part by member type: lived experience, unpaid carer, staff, partner organisation (a person of several
/// types counts under each), and people of no type.
struct TypeCounts {
  std::array<long long, 4> by_type{};
  long long no_type = 0;
  long long people = 0;
  long long of(MemberType t) const { return by_type[static_cast<std::size_t>(t)]; }
};
TypeCounts count_types(const std::vector<std::vector<MemberType>>& people);
/// The same from the store's totals: each set of member types (as stored) with how many people had it.
TypeCounts count_types(const std::vector<std::pair<std::vector<MemberType>, long long>>& groups);

}  // namespace roundtable::decisions
