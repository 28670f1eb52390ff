// The due worker's tick: every module's jobs run at the time given, a job that fails is logged and the others still
// run, and the worker runs them at start and stops when asked.
#include "app/due_worker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

namespace roundtable::app {
namespace {

TEST(DueJobs, EveryJobRunsAtTheTimeGivenAndAFailureStopsNoOther) {
  std::vector<long long> seen;
  std::vector<module::DueJob> jobs{
      {"first",
       [&](long long now) {
         seen.push_back(now);
         return 2;
       }},
      {"broken", [](long long) -> int { throw std::runtime_error("database gone"); }},
      {"last",
       [&](long long now) {
         seen.push_back(now + 1);
         return 1;
       }},
  };
  EXPECT_EQ(run_due_jobs(jobs, 1000), 3);
  EXPECT_EQ(seen, (std::vector<long long>{1000, 1001}));
  EXPECT_EQ(run_due_jobs({}, 1000), 0);
}

TEST(DueJobs, TheWorkerTicksAtStartAndStops) {
  std::atomic<int> ticks = 0;
  DueWorker worker({{"count",
                     [&](long long) {
                       ++ticks;
                       return 0;
                     }}},
                   std::chrono::seconds(3600));
  worker.start();
  for (int i = 0; i < 200 && ticks == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  worker.stop();
  worker.stop();
  EXPECT_EQ(ticks, 1) << "at start, then not again within the hour";
}

}  // namespace
}  // namespace roundtable::app
