#include "consensus/analysis.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace roundtable::consensus::analysis {

namespace {

constexpr signed char kMissing = 2;
/// Below this silhouette no grouping is clear enough to tell people about: everyone is one group.
constexpr double kClearSilhouette = 0.4;
/// The silhouette looks at most this many participants (evenly spread by id), so 5,000 cost what 2,000 do.
constexpr std::size_t kSilhouetteSample = 2000;
constexpr int kMaxIterations = 100;

int percent(int part, int whole) { return whole > 0 ? (200 * part + whole) / (2 * whole) : 0; }

struct Point2 {
  double x = 0, y = 0;
};

double dist2(const Point2& a, const Point2& b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }

/// k-means seeded by farthest point from the first participant; empty when fewer than k distinct places.
std::vector<int> kmeans(const std::vector<Point2>& p, int k) {
  std::vector<Point2> centres{p[0]};
  std::vector<double> nearest(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) nearest[i] = dist2(p[i], centres[0]);
  while (static_cast<int>(centres.size()) < k) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < p.size(); ++i) {
      if (nearest[i] > nearest[best]) best = i;
    }
    if (nearest[best] <= 1e-12) return {};
    centres.push_back(p[best]);
    for (std::size_t i = 0; i < p.size(); ++i) nearest[i] = std::min(nearest[i], dist2(p[i], centres.back()));
  }
  std::vector<int> label(p.size(), -1);
  for (int it = 0; it < kMaxIterations; ++it) {
    bool changed = false;
    for (std::size_t i = 0; i < p.size(); ++i) {
      int best = 0;
      double bd = dist2(p[i], centres[0]);
      for (int c = 1; c < k; ++c) {
        const double d = dist2(p[i], centres[static_cast<std::size_t>(c)]);
        if (d < bd) bd = d, best = c;
      }
      if (label[i] != best) label[i] = best, changed = true;
    }
    if (!changed) break;
    std::vector<Point2> sum(static_cast<std::size_t>(k));
    std::vector<int> n(static_cast<std::size_t>(k), 0);
    for (std::size_t i = 0; i < p.size(); ++i) {
      auto& s = sum[static_cast<std::size_t>(label[i])];
      s.x += p[i].x, s.y += p[i].y;
      ++n[static_cast<std::size_t>(label[i])];
    }
    for (std::size_t c = 0; c < centres.size(); ++c) {
      if (n[c] > 0) centres[c] = {sum[c].x / n[c], sum[c].y / n[c]};  // an emptied group keeps its centre
    }
  }
  return label;
}

double silhouette(const std::vector<Point2>& p, const std::vector<int>& label, int k) {
  const std::size_t stride = (p.size() + kSilhouetteSample - 1) / kSilhouetteSample;
  std::vector<std::size_t> sample;
  for (std::size_t i = 0; i < p.size(); i += stride) sample.push_back(i);
  std::vector<int> size(static_cast<std::size_t>(k), 0);
  for (auto i : sample) ++size[static_cast<std::size_t>(label[i])];
  double total = 0;
  std::vector<double> sum(static_cast<std::size_t>(k));
  for (auto i : sample) {
    std::fill(sum.begin(), sum.end(), 0.0);
    for (auto j : sample) sum[static_cast<std::size_t>(label[j])] += std::sqrt(dist2(p[i], p[j]));
    const auto own = static_cast<std::size_t>(label[i]);
    if (size[own] <= 1) continue;  // a group of one counts as 0
    const double a = sum[own] / (size[own] - 1);
    double b = std::numeric_limits<double>::max();
    for (std::size_t c = 0; c < sum.size(); ++c) {
      if (c != own && size[c] > 0) b = std::min(b, sum[c] / size[c]);
    }
    const double m = std::max(a, b);
    if (m > 0 && b < std::numeric_limits<double>::max()) total += (b - a) / m;
  }
  return sample.empty() ? 0 : total / static_cast<double>(sample.size());
}

/// Fixes an eigenvector's sign: its largest loading (the first, on a tie) is positive.
Eigen::VectorXd signed_component(Eigen::VectorXd v) {
  Eigen::Index at = 0;
  for (Eigen::Index i = 1; i < v.size(); ++i) {
    if (std::abs(v(i)) > std::abs(v(at)) + 1e-12) at = i;
  }
  if (v(at) < 0) v = -v;
  return v;
}

}  // namespace

int Share::agree_percent() const { return percent(agree, voted()); }
int Share::disagree_percent() const { return percent(disagree, voted()); }

Result analyse(const Input& input) {
  Result out;
  const std::size_t m = input.statements.size();
  std::unordered_map<long long, std::size_t> column;
  for (std::size_t j = 0; j < m; ++j) column.emplace(input.statements[j], j);
  out.statements.resize(m);
  for (std::size_t j = 0; j < m; ++j) out.statements[j].statement = input.statements[j];

  // Participants in id order, each with their votes (the last vote counts when one is given twice).
  std::vector<long long> ids;
  for (const auto& v : input.votes) {
    if (column.count(v.statement)) ids.push_back(v.participant);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  out.voters = static_cast<int>(ids.size());
  std::vector<signed char> all(ids.size() * m, kMissing);
  for (const auto& v : input.votes) {
    const auto c = column.find(v.statement);
    if (c == column.end()) continue;
    const auto r = static_cast<std::size_t>(std::lower_bound(ids.begin(), ids.end(), v.participant) - ids.begin());
    all[r * m + c->second] = static_cast<signed char>(std::clamp(v.value, -1, 1));
  }
  auto count = [](Share& s, signed char code) {
    if (code == 1) ++s.agree;
    if (code == -1) ++s.disagree;
    if (code == 0) ++s.pass;
  };
  for (std::size_t r = 0; r < ids.size(); ++r) {
    for (std::size_t j = 0; j < m; ++j) count(out.statements[j].everyone, all[r * m + j]);
  }

  // Who is placed: enough votes.
  const int needed = std::min<int>(kMinVotes, static_cast<int>(m));
  std::vector<std::size_t> placed;
  for (std::size_t r = 0; r < ids.size(); ++r) {
    int n = 0;
    for (std::size_t j = 0; j < m; ++j) n += all[r * m + j] != kMissing;
    if (n >= needed && n > 0) placed.push_back(r);
  }
  const auto n = placed.size();
  out.participants = static_cast<int>(n);
  if (n == 0) return out;

  // PCA: the two directions in which votes differ most.
  Eigen::MatrixXd x(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(m));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < m; ++j) {
      const signed char code = all[placed[i] * m + j];
      x(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = code == kMissing ? 0.0 : code;
    }
  }
  const Eigen::RowVectorXd mean = x.colwise().mean();
  x.rowwise() -= mean;
  const Eigen::MatrixXd cov = (x.transpose() * x) / std::max<double>(1.0, static_cast<double>(n) - 1);
  std::vector<Point2> p(n);
  if (cov.trace() > 1e-9) {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(cov);
    const auto& vectors = solver.eigenvectors();  // eigenvalues ascending: the last columns matter most
    const Eigen::VectorXd first = signed_component(vectors.col(static_cast<Eigen::Index>(m) - 1));
    const Eigen::VectorXd a = x * first;
    Eigen::VectorXd b = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n));
    if (m >= 2) b = x * signed_component(vectors.col(static_cast<Eigen::Index>(m) - 2));
    for (std::size_t i = 0; i < n; ++i) p[i] = {a(static_cast<Eigen::Index>(i)), b(static_cast<Eigen::Index>(i))};
  }

  // k-means for k = 2..5; the clearest grouping, or one group.
  std::vector<int> label(n, 0);
  int k = 1;
  double best = kClearSilhouette;
  for (int tryk = 2; tryk <= kMaxGroups && static_cast<std::size_t>(tryk) < n; ++tryk) {
    auto l = kmeans(p, tryk);
    if (l.empty()) break;
    const double s = silhouette(p, l, tryk);
    if (s > best + 1e-9) best = s, k = tryk, label = std::move(l);
  }
  out.silhouette = k > 1 ? best : 0;

  // Groups numbered by size, largest first (ties: whoever has the lowest id).
  std::vector<int> size(static_cast<std::size_t>(k), 0), first(static_cast<std::size_t>(k), -1);
  for (std::size_t i = 0; i < n; ++i) {
    const auto g = static_cast<std::size_t>(label[i]);
    ++size[g];
    if (first[g] < 0) first[g] = static_cast<int>(i);
  }
  std::vector<int> order(static_cast<std::size_t>(k));
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
    return size[ua] != size[ub] ? size[ua] > size[ub] : first[ua] < first[ub];
  });
  std::vector<int> rank(static_cast<std::size_t>(k));
  for (int r = 0; r < k; ++r) rank[static_cast<std::size_t>(order[static_cast<std::size_t>(r)])] = r;
  out.groups = k;
  for (int g : order) out.group_sizes.push_back(size[static_cast<std::size_t>(g)]);
  out.points.resize(n);
  for (std::size_t i = 0; i < n; ++i) out.points[i] = {p[i].x, p[i].y, rank[static_cast<std::size_t>(label[i])]};

  // Each group's answers.
  for (auto& st : out.statements) st.groups.assign(static_cast<std::size_t>(k), {});
  for (std::size_t i = 0; i < n; ++i) {
    const auto g = static_cast<std::size_t>(out.points[i].group);
    for (std::size_t j = 0; j < m; ++j) count(out.statements[j].groups[g], all[placed[i] * m + j]);
  }
  for (std::size_t j = 0; j < m; ++j) {
    auto& st = out.statements[j];
    int lo = 101, hi = -1;
    bool every = true;
    for (const auto& sh : st.groups) {
      if (sh.voted() == 0) {
        every = false;
        continue;
      }
      lo = std::min(lo, sh.agree_percent());
      hi = std::max(hi, sh.agree_percent());
    }
    st.gap = k > 1 && hi >= lo ? hi - lo : 0;
    if (every && lo >= kConsensusAgree) out.consensus.push_back(j);
    if (k > 1 && st.gap >= kDivideGap) out.dividing.push_back(j);
  }
  auto lowest = [&](std::size_t j) {
    int lo = 100;
    for (const auto& sh : out.statements[j].groups) lo = std::min(lo, sh.agree_percent());
    return lo;
  };
  std::stable_sort(out.consensus.begin(), out.consensus.end(),
                   [&](std::size_t a, std::size_t b) { return lowest(a) > lowest(b); });
  std::stable_sort(out.dividing.begin(), out.dividing.end(),
                   [&](std::size_t a, std::size_t b) { return out.statements[a].gap > out.statements[b].gap; });

  // What sets each group apart: where its answers differ most from everyone else's.
  out.distinctive.assign(static_cast<std::size_t>(k), {});
  if (k > 1) {
    for (std::size_t g = 0; g < static_cast<std::size_t>(k); ++g) {
      std::vector<std::pair<int, std::size_t>> found;
      for (std::size_t j = 0; j < m; ++j) {
        const auto& st = out.statements[j];
        const Share& own = st.groups[g];
        Share rest;
        for (std::size_t h = 0; h < st.groups.size(); ++h) {
          if (h == g) continue;
          rest.agree += st.groups[h].agree, rest.disagree += st.groups[h].disagree, rest.pass += st.groups[h].pass;
        }
        if (own.voted() == 0 || rest.voted() == 0) continue;
        const int diff = std::max(std::abs(own.agree_percent() - rest.agree_percent()),
                                  std::abs(own.disagree_percent() - rest.disagree_percent()));
        if (diff >= kDistinctiveGap) found.push_back({-diff, j});
      }
      std::sort(found.begin(), found.end());
      for (std::size_t i = 0; i < found.size() && i < 3; ++i) out.distinctive[g].push_back(found[i].second);
    }
  }
  return out;
}

}  // namespace roundtable::consensus::analysis
