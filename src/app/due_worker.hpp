/// Runs the modules' due jobs (module::DueJob: digests, meeting reminders) without anyone visiting a page: on a thread
/// of its own, at start and then every `interval`. Every server runs one; each job claims what it does in the
/// database, so with several servers on one database it happens once (ADR 0028, part 4).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "module/module.hpp"

namespace roundtable::app {

/// Runs every job once at `now` (unix seconds), in order; a job that throws is logged and the others still run.
/// Returns how many emails they queued.
int run_due_jobs(const std::vector<module::DueJob>& jobs, long long now);

class DueWorker {
 public:
  explicit DueWorker(std::vector<module::DueJob> jobs, std::chrono::seconds interval = std::chrono::seconds(60))
      : jobs_(std::move(jobs)), interval_(interval) {}
  ~DueWorker() { stop(); }
  DueWorker(const DueWorker&) = delete;
  DueWorker& operator=(const DueWorker&) = delete;

  void start();
  /// Stops after the tick in progress; safe to call twice.
  void stop();

 private:
  std::vector<module::DueJob> jobs_;
  std::chrono::seconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace roundtable::app
