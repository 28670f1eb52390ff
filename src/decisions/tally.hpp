/// Counting the votes of a ranked-choice, dot or score poll: pure functions over option ids and ballots, with no
/// SOCI and no Beast, so every rule is tested as a table (tally_test.cpp). The same votes always give the same result:
/// ties are never broken at random, they are reported, and the group decides.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace roundtable::decisions::tally {

using OptionId = std::int64_t;

/// An option and a number (votes in a round, dots, the sum of its scores): in the order the options were given.
struct Count {
  OptionId option = 0;
  long long value = 0;
  bool operator==(const Count&) const = default;
};

// ---- Ranked choice (instant run-off) ----

/// Why the options at the bottom of a round were knocked out.
enum class Elimination {
  none,           ///< the last round: somebody won, or the rest were tied
  fewest,         ///< one option had the fewest votes
  earlier_round,  ///< several had the fewest; of them, this one had fewer in an earlier round
  all_tied,       ///< several had the fewest in every round so far: all of them go out together
};

struct RankedRound {
  /// Every option still in, with the ballots that count for it in this round (in the options' order).
  std::vector<Count> counts;
  /// Ballots that rank none of the options still in (they no longer count).
  long long exhausted = 0;
  /// Options knocked out at the end of this round (none in the last round).
  std::vector<OptionId> eliminated;
  Elimination why = Elimination::none;
};

struct RankedResult {
  std::vector<RankedRound> rounds;
  /// The option with more than half of the ballots still counting, or the only one left.
  std::optional<OptionId> winner;
  /// When nobody won: the options tied in the last round (every one left had the same votes).
  std::vector<OptionId> tied;
};

/// Instant run-off. Each ballot lists options from most to least wanted; options not in `options`, and an option
/// listed again, are skipped. Each round counts each ballot for its highest option still in. An option with more than
/// half of the ballots still counting wins; otherwise the option with the fewest votes is knocked out (ties at the
/// bottom: the one with fewer votes in the latest earlier round where they differ; if they never differed, all of them,
/// unless that would knock out every option left, which is a tie). No ballots: no rounds, no winner.
RankedResult instant_runoff(const std::vector<OptionId>& options, const std::vector<std::vector<OptionId>>& ballots);

// ---- Dot vote ----

/// One person's dots: how many they put on each option.
struct Dots {
  OptionId option = 0;
  int dots = 0;
};

/// Why a person's dots cannot be taken: a catalogue key under "decisions.dots." (an empty view when they can).
/// They may use fewer dots than their budget, never more, never a negative number, only on the poll's options, and
/// (when `most_per_option` > 0) never more than that on one option.
std::string_view check_dots(const std::vector<OptionId>& options, int budget, int most_per_option,
                            const std::vector<Dots>& ballot);

struct DotResult {
  /// Every option with its dots, most first; equal totals keep the options' order.
  std::vector<Count> totals;
  /// Options sharing the highest total (one option when it is clear; none when nobody put a dot anywhere).
  std::vector<OptionId> top;
  long long dots_used = 0;
};

/// Adds up ballots already checked with `check_dots` (dots on unknown options are left out).
DotResult dot_totals(const std::vector<OptionId>& options, const std::vector<std::vector<Dots>>& ballots);

// ---- Score ----

/// One person's score for one option, from 0 to the poll's highest score. An option a person left out is not scored.
struct Score {
  OptionId option = 0;
  int score = 0;
};

/// Why a person's scores cannot be taken: a catalogue key under "decisions.scores." (empty when they can).
std::string_view check_scores(const std::vector<OptionId>& options, int highest, const std::vector<Score>& ballot);

struct OptionScores {
  OptionId option = 0;
  long long people = 0;             ///< how many scored it
  long long sum = 0;                ///< the sum of their scores
  std::vector<long long> how_many;  ///< how_many[s]: how many gave it s, for s in 0..highest (the table's columns)
  /// The average in tenths, rounded half up (37 is 3.7); 0 when nobody scored it.
  long long average_tenths() const;
};

struct ScoreResult {
  /// In the options' order.
  std::vector<OptionScores> options;
  /// Options sharing the highest average (compared exactly, not in tenths); none when nobody scored anything.
  std::vector<OptionId> top;
};

ScoreResult score_totals(const std::vector<OptionId>& options, int highest,
                         const std::vector<std::vector<Score>>& ballots);

}  // namespace roundtable::decisions::tally
