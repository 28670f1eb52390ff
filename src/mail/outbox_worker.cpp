#include "mail/outbox_worker.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "mail/outbox_store.hpp"

namespace roundtable::mail {

namespace {}  // namespace

std::chrono::seconds retry_delay(const WorkerOptions& o, int attempts) {
  auto delay = o.first_delay;
  for (int i = 1; i < attempts && delay < o.max_delay; ++i) delay *= 2;
  return std::min(delay, o.max_delay);
}

OutboxWorker::OutboxWorker(db::Database& db, Sender& sender, WorkerOptions options)
    : db_(db), sender_(sender), options_(options) {}

OutboxWorker::~OutboxWorker() { stop(); }

bool OutboxWorker::stopping() {
  std::lock_guard lock(mu_);
  return stopping_;
}

void OutboxWorker::start() {
  if (thread_.joinable()) return;
  {
    std::lock_guard lock(mu_);
    stopping_ = false;
  }
  thread_ = std::thread([this] {
    while (true) {
      try {
        run_once();
      } catch (const std::exception& e) {
        // The database may be briefly unreachable; the messages wait in the outbox.
        core::log::warn("mail_outbox_failed", {{"error", e.what()}});
      }
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, options_.poll, [this] { return stopping_ || woken_; });
      if (stopping_) return;
      woken_ = false;
    }
  });
}

void OutboxWorker::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void OutboxWorker::notify() {
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

int OutboxWorker::run_once() {
  const long long now = core::system_clock().now_seconds();
  auto due = db_.run_sync(
      [&](soci::session& s) { return store::claim_due(s, now, now + options_.lease.count(), options_.batch); });
  int sent = 0;
  for (size_t i = 0; i < due.size(); ++i) {
    auto& q = due[i];
    if (stopping()) {
      // Hand the rest back so another server (or this one after a restart) sends them without waiting for the lease.
      db_.run_sync([&](soci::session& s) {
        for (size_t j = i; j < due.size(); ++j) store::release(s, due[j].id);
      });
      break;
    }
    auto result = sender_.send(q.message);
    const long long done = core::system_clock().now_seconds();
    if (result.ok) {
      db_.run_sync([&](soci::session& s) { store::mark_sent(s, q.id, done); });
      core::log::info("mail_sent", {{"id", std::to_string(q.id)}});
      ++sent;
      continue;
    }
    const bool give_up = result.permanent || q.attempts >= options_.max_attempts;
    std::optional<long long> next;
    if (!give_up) next = done + retry_delay(options_, q.attempts).count();
    db_.run_sync([&](soci::session& s) { store::mark_failed(s, q.id, result.error, next); });
    core::log::warn(give_up ? "mail_failed" : "mail_retry",
                    {{"id", std::to_string(q.id)}, {"attempts", std::to_string(q.attempts)}, {"error", result.error}});
  }
  return sent;
}

}  // namespace roundtable::mail
