// The consensus finder's analysis on known vote matrices: clear groups are found, what everyone supports and what
// divides; the same votes (in any order) give the same answer; five people, everyone alike, nobody, one statement.
#include "consensus/analysis.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

namespace roundtable::consensus::analysis {
namespace {

/// One row per participant (ids 1..n), one letter per statement (ids 101..): a agree, d disagree, p pass, . none.
Input matrix(const std::vector<std::string>& rows) {
  Input in;
  for (std::size_t j = 0; j < rows.at(0).size(); ++j) in.statements.push_back(101 + static_cast<long long>(j));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t j = 0; j < rows[i].size(); ++j) {
      const char c = rows[i][j];
      if (c == '.') continue;
      in.votes.push_back({static_cast<long long>(i) + 1, 101 + static_cast<long long>(j),
                          c == 'a'   ? 1
                          : c == 'd' ? -1
                                     : 0});
    }
  }
  return in;
}

std::vector<int> groups_of(const Result& r) {
  std::vector<int> out;
  for (const auto& p : r.points) out.push_back(p.group);
  return out;
}

// Six people for the first three statements and against the next two; four the other way; everyone for the last.
const std::vector<std::string> kTwoCamps = {
    "aaadda", "aaadda", "aaddda", "aaadda", "aapdda", "aaadd.",  // the larger camp
    "dddaaa", "ddaaaa", "dddaaa", "ddda.a",                      // the smaller one
};

TEST(ConsensusAnalysis, FindsTwoCampsAndWhatTheyShare) {
  const auto r = analyse(matrix(kTwoCamps));
  EXPECT_EQ(r.participants, 10);
  EXPECT_EQ(r.voters, 10);
  ASSERT_EQ(r.groups, 2);
  EXPECT_EQ(r.group_sizes, (std::vector<int>{6, 4}));
  EXPECT_EQ(groups_of(r), (std::vector<int>{0, 0, 0, 0, 0, 0, 1, 1, 1, 1}));
  EXPECT_GT(r.silhouette, 0.6);
  // Everyone agrees with the last statement: the one thing every group supports.
  ASSERT_EQ(r.consensus, (std::vector<std::size_t>{5}));
  EXPECT_EQ(r.statements[5].groups[0].agree_percent(), 100);
  EXPECT_EQ(r.statements[5].groups[1].agree_percent(), 100);
  // The first two, fourth and fifth divide them completely; the third mostly.
  for (std::size_t j : {0, 1, 3, 4}) {
    EXPECT_EQ(r.statements[j].gap, 100) << j;
    EXPECT_NE(std::find(r.dividing.begin(), r.dividing.end(), j), r.dividing.end()) << j;
  }
  EXPECT_EQ(r.statements[2].groups[0].agree_percent(), 67);  // 4 of 6: a pass counts among those who voted
  EXPECT_EQ(r.statements[2].groups[1].agree_percent(), 25);  // 1 of 4
  EXPECT_EQ(r.statements[5].groups[0].voted(), 5);           // not voting does not count
  EXPECT_FALSE(r.distinctive[0].empty());
  EXPECT_FALSE(r.distinctive[1].empty());
}

TEST(ConsensusAnalysis, FindsThreeGroups) {
  std::vector<std::string> rows;
  for (int i = 0; i < 8; ++i) rows.push_back("aaddddaa");
  for (int i = 0; i < 6; ++i) rows.push_back("ddaaddaa");
  for (int i = 0; i < 5; ++i) rows.push_back("ddddaaaa");
  const auto r = analyse(matrix(rows));
  ASSERT_EQ(r.groups, 3);
  EXPECT_EQ(r.group_sizes, (std::vector<int>{8, 6, 5}));
  EXPECT_EQ(r.consensus, (std::vector<std::size_t>{6, 7}));
  EXPECT_EQ(r.dividing.size(), 6u);
}

TEST(ConsensusAnalysis, TheSameVotesInAnyOrderGiveTheSameAnswer) {
  const auto in = matrix(kTwoCamps);
  const auto first = analyse(in);
  auto shuffled = in;
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(shuffled.votes.begin(), shuffled.votes.end(), rng);
    const auto again = analyse(shuffled);
    ASSERT_EQ(again.points.size(), first.points.size());
    for (std::size_t i = 0; i < first.points.size(); ++i) {
      EXPECT_EQ(again.points[i].x, first.points[i].x);
      EXPECT_EQ(again.points[i].y, first.points[i].y);
      EXPECT_EQ(again.points[i].group, first.points[i].group);
    }
    EXPECT_EQ(again.consensus, first.consensus);
    EXPECT_EQ(again.dividing, first.dividing);
    EXPECT_EQ(again.distinctive, first.distinctive);
  }
}

TEST(ConsensusAnalysis, FivePeople) {
  const auto r = analyse(matrix({"aada", "aada", "aadp", "ddaa", "ddaa"}));
  EXPECT_EQ(r.participants, 5);
  ASSERT_EQ(r.groups, 2);
  EXPECT_EQ(r.group_sizes, (std::vector<int>{3, 2}));
  EXPECT_EQ(groups_of(r), (std::vector<int>{0, 0, 0, 1, 1}));
}

TEST(ConsensusAnalysis, EveryoneVotingAlikeIsOneGroup) {
  const auto r = analyse(matrix({"aad", "aad", "aad", "aad", "aad", "aad"}));
  EXPECT_EQ(r.participants, 6);
  EXPECT_EQ(r.groups, 1);
  EXPECT_EQ(r.group_sizes, (std::vector<int>{6}));
  EXPECT_EQ(r.consensus, (std::vector<std::size_t>{0, 1}));
  EXPECT_TRUE(r.dividing.empty());
  EXPECT_EQ(r.silhouette, 0);
}

TEST(ConsensusAnalysis, NobodyVoted) {
  Input in;
  in.statements = {1, 2, 3};
  const auto r = analyse(in);
  EXPECT_EQ(r.participants, 0);
  EXPECT_EQ(r.voters, 0);
  EXPECT_EQ(r.groups, 0);
  EXPECT_EQ(r.statements.size(), 3u);
  EXPECT_TRUE(r.consensus.empty());
  EXPECT_TRUE(analyse({}).statements.empty());
}

TEST(ConsensusAnalysis, OneStatement) {
  const auto r = analyse(matrix({"a", "a", "d", "p", "a"}));
  EXPECT_EQ(r.participants, 5);
  EXPECT_GE(r.groups, 1);
  EXPECT_EQ(r.statements[0].everyone.agree, 3);
  EXPECT_EQ(r.statements[0].everyone.agree_percent(), 60);
}

TEST(ConsensusAnalysis, TooFewVotesAreCountedButNotPlaced) {
  const auto r = analyse(matrix({"aaaa", "aaaa", "aaaa", "a...", "d..."}));
  EXPECT_EQ(r.voters, 5);
  EXPECT_EQ(r.participants, 3);
  EXPECT_EQ(r.statements[0].everyone.voted(), 5);
  EXPECT_EQ(r.statements[0].groups[0].voted(), 3);
}

TEST(ConsensusAnalysis, VotesOnUnknownStatementsAreIgnored) {
  auto in = matrix({"aa", "aa"});
  in.votes.push_back({9, 999, 1});
  const auto r = analyse(in);
  EXPECT_EQ(r.voters, 2);
}

}  // namespace
}  // namespace roundtable::consensus::analysis
