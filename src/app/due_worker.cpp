#include "app/due_worker.hpp"

#include <ctime>

#include "core/log.hpp"

namespace roundtable::app {

int run_due_jobs(const std::vector<module::DueJob>& jobs, long long now) {
  int emails = 0;
  for (const auto& job : jobs) {
    try {
      const int n = job.run(now);
      emails += n;
      if (n > 0) core::log::info("due_job", {{"job", std::string(job.name)}, {"emails", std::to_string(n)}});
    } catch (const std::exception& e) {
      // The job's transaction rolled back, its claim too: the next tick (on any server) tries again.
      core::log::error("due_job_failed", {{"job", std::string(job.name)}, {"error", e.what()}});
    }
  }
  return emails;
}

void DueWorker::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable() || jobs_.empty()) return;
  stopping_ = false;
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!stopping_) {
      lock.unlock();
      run_due_jobs(jobs_, static_cast<long long>(std::time(nullptr)));
      lock.lock();
      cv_.wait_for(lock, interval_, [this] { return stopping_; });
    }
  });
}

void DueWorker::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace roundtable::app
