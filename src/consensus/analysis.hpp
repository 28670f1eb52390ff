/// The consensus finder's analysis (issue #15 item 8, ADR 0034): who voted alike, and what every group supports or
/// what divides them. Pure C++ over a vote matrix (no SOCI, no Beast), the same answer for the same votes.
///
/// - The matrix is participants x statements: agree +1, disagree -1, pass or not voted 0. Only participants with at
///   least kMinVotes votes (or every statement, when there are fewer) count.
/// - PCA to two components (Eigen's SelfAdjointEigenSolver on the statements' covariance: 200 x 200 at most, however
///   many people), each component's sign fixed so its largest loading is positive.
/// - k-means on the two components for k = 2..5, seeded by farthest point from the first participant; the k with the
///   best silhouette is taken, or one group when no k separates people clearly (or there are too few of them).
/// - Per statement and group: agree, disagree and pass shares among the group's people who voted on it.
#pragma once

#include <cstddef>
#include <vector>

namespace roundtable::consensus::analysis {

/// Votes a participant needs before they are placed on the map.
inline constexpr int kMinVotes = 3;
/// A statement every group supports: at least this share (percent) agrees in every group.
inline constexpr int kConsensusAgree = 60;
/// A statement that divides: the groups' agree shares (percent) differ by at least this much.
inline constexpr int kDivideGap = 50;
/// A group's distinctive statement: its agree or disagree share differs from everyone else's by at least this.
inline constexpr int kDistinctiveGap = 30;
inline constexpr int kMaxGroups = 5;

struct Vote {
  long long participant = 0;
  long long statement = 0;
  /// +1 agree, -1 disagree, 0 pass.
  int value = 0;
};

struct Input {
  /// The statements in play (hidden ones left out), in the order to show them.
  std::vector<long long> statements;
  /// Any order; votes on statements not listed are ignored.
  std::vector<Vote> votes;
};

/// One participant on the map: no id, no name (ADR 0034).
struct Point {
  double x = 0;
  double y = 0;
  int group = 0;
};

/// How one group (or everyone) answered one statement: counts among the group's people who voted on it.
struct Share {
  int agree = 0;
  int disagree = 0;
  int pass = 0;
  int voted() const { return agree + disagree + pass; }
  /// Rounded percentages of those who voted (0 when nobody did).
  int agree_percent() const;
  int disagree_percent() const;
};

struct StatementResult {
  long long statement = 0;
  Share everyone;
  /// One per group, in group order.
  std::vector<Share> groups;
  /// Largest minus smallest agree share between groups (percent; 0 with one group).
  int gap = 0;
};

struct Result {
  /// Participants placed on the map (with at least kMinVotes votes), and everyone who voted at all.
  int participants = 0;
  int voters = 0;
  /// 0 when nobody is placed; 1 when people did not fall into separate groups.
  int groups = 0;
  /// People in each group, largest group first.
  std::vector<int> group_sizes;
  /// The participants, in the order of their ids (which the result does not keep).
  std::vector<Point> points;
  /// Every statement, in the input's order.
  std::vector<StatementResult> statements;
  /// Indexes into `statements`: what every group supports (best supported first), what divides (widest gap first).
  std::vector<std::size_t> consensus;
  std::vector<std::size_t> dividing;
  /// Per group: indexes into `statements` where the group differs most from the others (at most three each).
  std::vector<std::vector<std::size_t>> distinctive;
  /// The silhouette of the grouping taken (0 with one group).
  double silhouette = 0;
};

Result analyse(const Input& input);

}  // namespace roundtable::consensus::analysis
