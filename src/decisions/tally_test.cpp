#include "decisions/tally.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::decisions::tally {
namespace {

// Options A=1, B=2, C=3, D=4 in that order.
const std::vector<OptionId> kABCD{1, 2, 3, 4};
const std::vector<OptionId> kABC{1, 2, 3};
constexpr OptionId A = 1, B = 2, C = 3, D = 4;

/// `n` copies of one ballot.
std::vector<std::vector<OptionId>> times(int n, const std::vector<OptionId>& ballot) {
  return std::vector<std::vector<OptionId>>(static_cast<std::size_t>(n), ballot);
}

std::vector<std::vector<OptionId>> join(std::initializer_list<std::vector<std::vector<OptionId>>> parts) {
  std::vector<std::vector<OptionId>> out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

struct RankedCase {
  const char* name;
  std::vector<OptionId> options;
  std::vector<std::vector<OptionId>> ballots;
  std::optional<OptionId> winner;
  std::vector<OptionId> tied;
  std::size_t rounds;
  /// What was knocked out in each round but the last, and why.
  std::vector<std::pair<std::vector<OptionId>, Elimination>> knocked;
};

TEST(InstantRunoff, Table) {
  const RankedCase cases[] = {
      {"nobody voted", kABC, {}, std::nullopt, {}, 0, {}},
      {"a majority in the first round", kABC, join({times(4, {A, B}), times(2, {B}), times(1, {C})}), A, {}, 1, {}},
      {"exactly half is not a majority",
       kABC,
       join({times(3, {A}), times(2, {B, A}), times(1, {C, A})}),
       A,
       {},
       2,
       {{{C}, Elimination::fewest}}},
      {"second preferences decide",
       kABC,
       join({times(4, {A}), times(3, {B, C}), times(2, {C, B})}),
       B,
       {},
       2,
       {{{C}, Elimination::fewest}}},
      // B and C tie at the bottom of round 2 (3 each); in round 1 C had fewer, so C goes.
      {"a bottom tie settled by an earlier round",
       kABCD,
       join({times(5, {A}), times(3, {B}), times(2, {C, A}), times(1, {D, C})}),
       A,
       {},
       3,
       {{{D}, Elimination::fewest}, {{C}, Elimination::earlier_round}}},
      {"a bottom tie never settled: both go",
       kABCD,
       join({times(4, {A}), times(2, {B, A}), times(2, {C, A}), times(1, {D})}),
       A,
       {},
       3,
       {{{D}, Elimination::fewest}, {{B, C}, Elimination::all_tied}}},
      {"bottom tie in the first round: both go together",
       kABCD,
       join({times(3, {A}), times(3, {B}), times(1, {C, A}), times(1, {D, A})}),
       A,
       {},
       2,
       {{{C, D}, Elimination::all_tied}}},
      {"every option left is tied",
       kABC,
       join({times(2, {A}), times(2, {B}), times(1, {C})}),
       std::nullopt,
       {A, B},
       2,
       {{{C}, Elimination::fewest}}},
      {"two options, even split", {A, B}, join({times(3, {A}), times(3, {B})}), std::nullopt, {A, B}, 1, {}},
      {"unknown and repeated options are skipped",
       kABC,
       join({times(2, {9, A, A}), times(1, {B, B, C}), times(2, {C, 9, B})}),
       C,
       {},
       2,
       {{{B}, Elimination::fewest}}},
      {"exhausted ballots stop counting",
       kABC,
       join({times(3, {A}), times(2, {B}), times(2, {C})}),
       A,
       {},
       2,
       {{{B, C}, Elimination::all_tied}}},
      {"an option nobody ranked goes first",
       kABCD,
       join({times(2, {A, B}), times(2, {B, A}), times(1, {C, A})}),
       A,
       {},
       3,
       {{{D}, Elimination::fewest}, {{C}, Elimination::fewest}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto r = instant_runoff(c.options, c.ballots);
    EXPECT_EQ(r.winner, c.winner);
    EXPECT_EQ(r.tied, c.tied);
    ASSERT_EQ(r.rounds.size(), c.rounds);
    for (std::size_t i = 0; i < c.knocked.size(); ++i) {
      EXPECT_EQ(r.rounds[i].eliminated, c.knocked[i].first) << "round " << i + 1;
      EXPECT_EQ(r.rounds[i].why, c.knocked[i].second) << "round " << i + 1;
    }
    if (!r.rounds.empty()) {
      EXPECT_TRUE(r.rounds.back().eliminated.empty());
      EXPECT_EQ(r.rounds.back().why, Elimination::none);
    }
  }
}

TEST(InstantRunoff, EveryRoundShowsItsCounts) {
  const auto r = instant_runoff(kABC, join({times(4, {A}), times(3, {B, C}), times(2, {C, B}), times(1, {C})}));
  ASSERT_EQ(r.rounds.size(), 2u);
  EXPECT_EQ(r.rounds[0].counts, (std::vector<Count>{{A, 4}, {B, 3}, {C, 3}}));
  EXPECT_EQ(r.rounds[0].exhausted, 0);
  // B and C tie at the bottom in the first round with no earlier round: both go, and A is the only one left.
  EXPECT_EQ(r.rounds[0].eliminated, (std::vector<OptionId>{B, C}));
  EXPECT_EQ(r.rounds[1].counts, (std::vector<Count>{{A, 4}}));
  EXPECT_EQ(r.rounds[1].exhausted, 6);
  EXPECT_EQ(r.winner, A);
}

TEST(InstantRunoff, SameVotesSameResult) {
  const auto ballots = join({times(5, {A}), times(3, {B}), times(2, {C, A}), times(1, {D, C})});
  auto shuffled = ballots;
  std::reverse(shuffled.begin(), shuffled.end());
  const auto a = instant_runoff(kABCD, ballots);
  const auto b = instant_runoff(kABCD, shuffled);
  EXPECT_EQ(a.winner, b.winner);
  ASSERT_EQ(a.rounds.size(), b.rounds.size());
  for (std::size_t i = 0; i < a.rounds.size(); ++i) {
    EXPECT_EQ(a.rounds[i].counts, b.rounds[i].counts);
    EXPECT_EQ(a.rounds[i].eliminated, b.rounds[i].eliminated);
  }
}

TEST(Dots, CheckTable) {
  struct Case {
    const char* name;
    int budget;
    int most;
    std::vector<Dots> ballot;
    std::string_view key;
  } cases[] = {
      {"no dots at all", 5, 0, {}, ""},
      {"all of the budget", 5, 0, {{A, 3}, {B, 2}}, ""},
      {"fewer than the budget", 5, 0, {{A, 1}}, ""},
      {"over the budget", 5, 0, {{A, 3}, {B, 3}}, "decisions.dots.over_budget"},
      {"a negative number", 5, 0, {{A, -1}, {B, 3}}, "decisions.dots.negative"},
      {"an option not in the poll", 5, 0, {{9, 1}}, "decisions.dots.unknown_option"},
      {"the same option twice", 5, 0, {{A, 1}, {A, 1}}, "decisions.dots.unknown_option"},
      {"within the most per option", 5, 2, {{A, 2}, {B, 2}}, ""},
      {"over the most per option", 5, 2, {{A, 3}}, "decisions.dots.too_many_on_one"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(check_dots(kABC, c.budget, c.most, c.ballot), c.key);
  }
}

TEST(Dots, TotalsMostFirstTiesInOptionOrder) {
  const auto r = dot_totals(kABCD, {{{A, 1}, {C, 3}}, {{B, 2}, {C, 1}, {A, 1}}, {{B, 2}, {D, 0}}});
  EXPECT_EQ(r.totals, (std::vector<Count>{{B, 4}, {C, 4}, {A, 2}, {D, 0}}));
  EXPECT_EQ(r.top, (std::vector<OptionId>{B, C}));
  EXPECT_EQ(r.dots_used, 10);
}

TEST(Dots, NobodyVotedHasNoTop) {
  const auto r = dot_totals(kABC, {});
  EXPECT_EQ(r.totals, (std::vector<Count>{{A, 0}, {B, 0}, {C, 0}}));
  EXPECT_TRUE(r.top.empty());
  EXPECT_EQ(r.dots_used, 0);
}

TEST(Scores, CheckTable) {
  struct Case {
    const char* name;
    std::vector<Score> ballot;
    std::string_view key;
  } cases[] = {
      {"nothing scored", {}, ""},
      {"every option from 0 to the highest", {{A, 0}, {B, 5}, {C, 3}}, ""},
      {"above the highest", {{A, 6}}, "decisions.scores.out_of_range"},
      {"below zero", {{A, -1}}, "decisions.scores.out_of_range"},
      {"an option not in the poll", {{9, 1}}, "decisions.scores.unknown_option"},
      {"the same option twice", {{A, 1}, {A, 2}}, "decisions.scores.unknown_option"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(check_scores(kABC, 5, c.ballot), c.key);
  }
}

TEST(Scores, AveragesAndTheTable) {
  // A: 5, 4, 2 (11/3 = 3.67 -> 3.7); B: 4, 4 (4.0); C: nobody.
  const auto r = score_totals(kABC, 5, {{{A, 5}, {B, 4}}, {{A, 4}, {B, 4}}, {{A, 2}}});
  ASSERT_EQ(r.options.size(), 3u);
  EXPECT_EQ(r.options[0].people, 3);
  EXPECT_EQ(r.options[0].sum, 11);
  EXPECT_EQ(r.options[0].average_tenths(), 37);
  EXPECT_EQ(r.options[0].how_many, (std::vector<long long>{0, 0, 1, 0, 1, 1}));
  EXPECT_EQ(r.options[1].average_tenths(), 40);
  EXPECT_EQ(r.options[2].people, 0);
  EXPECT_EQ(r.options[2].average_tenths(), 0);
  EXPECT_EQ(r.top, (std::vector<OptionId>{B}));
}

TEST(Scores, EqualAveragesComparedExactly) {
  // A: 1, 2 (1.5); B: 3, 0, 0, 3 (1.5); C: 2, 1, 1 (1.33, also shown as 1.3 but not 1.5).
  const auto r =
      score_totals(kABC, 3, {{{A, 1}, {B, 3}, {C, 2}}, {{A, 2}, {B, 0}, {C, 1}}, {{B, 0}, {C, 1}}, {{B, 3}}});
  EXPECT_EQ(r.top, (std::vector<OptionId>{A, B}));
  EXPECT_EQ(r.options[0].average_tenths(), 15);
  EXPECT_EQ(r.options[2].average_tenths(), 13);
}

TEST(Scores, HalfRoundsUp) {
  // A: 1, 2, 2, 2 = 7/4 = 1.75, shown as 1.8; B: 0 and seven 1s = 7/8 = 0.875, shown as 0.9.
  const auto r = score_totals(
      {A, B}, 2,
      {{{A, 1}, {B, 0}}, {{A, 2}, {B, 1}}, {{A, 2}, {B, 1}}, {{A, 2}, {B, 1}}, {{B, 1}}, {{B, 1}}, {{B, 1}}, {{B, 1}}});
  EXPECT_EQ(r.options[0].average_tenths(), 18);
  EXPECT_EQ(r.options[1].average_tenths(), 9);
}

}  // namespace
}  // namespace roundtable::decisions::tally
