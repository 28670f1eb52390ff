// The consensus finder's analysis at scale (issue #15 item 8): 5,000 participants x 200 statements must recompute in
// under a second. Measured, not a timed test:
//
//   BUILD_TYPE=release scripts/build   (or: cmake --build build-release --target consensus_bench)
//   build-release/src/consensus/consensus_bench [participants] [statements] [runs]
//
// The votes are made up from a fixed seed: four camps with their own leanings, each person answering about three in
// four statements, with some noise. Prints each run's time and the median, and what was found (groups and sizes).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "consensus/analysis.hpp"

namespace analysis = roundtable::consensus::analysis;

int main(int argc, char** argv) {
  const int people = argc > 1 ? std::atoi(argv[1]) : 5000;
  const int statements = argc > 2 ? std::atoi(argv[2]) : 200;
  const int runs = argc > 3 ? std::atoi(argv[3]) : 5;
  std::mt19937 rng(20261206);
  std::uniform_real_distribution<double> unit(0, 1);
  constexpr int kCamps = 4;
  std::vector<std::vector<double>> leaning(kCamps, std::vector<double>(static_cast<std::size_t>(statements)));
  for (auto& camp : leaning) {
    for (auto& l : camp) l = unit(rng) * 2 - 1;  // -1 always disagree .. +1 always agree
  }
  analysis::Input in;
  for (int j = 0; j < statements; ++j) in.statements.push_back(1000 + j);
  for (int p = 0; p < people; ++p) {
    const auto& camp = leaning[static_cast<std::size_t>(p % kCamps)];
    for (int j = 0; j < statements; ++j) {
      if (unit(rng) > 0.75) continue;  // not seen
      const double l = camp[static_cast<std::size_t>(j)];
      const double r = unit(rng) * 2 - 1;
      const int vote = r < l - 0.2 ? 1 : r > l + 0.2 ? -1 : 0;
      in.votes.push_back({p + 1, 1000 + j, vote});
    }
  }
  std::printf("%d participants x %d statements, %zu votes\n", people, statements, in.votes.size());
  std::vector<double> ms;
  analysis::Result r;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    r = analysis::analyse(in);
    const auto end = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    std::printf("run %d: %.1f ms\n", i + 1, ms.back());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("median: %.1f ms (%s a second)\n", ms[ms.size() / 2], ms[ms.size() / 2] < 1000 ? "under" : "OVER");
  std::printf("found %d groups:", r.groups);
  for (int s : r.group_sizes) std::printf(" %d", s);
  std::printf("; %zu every group supports, %zu divide\n", r.consensus.size(), r.dividing.size());
  return 0;
}
