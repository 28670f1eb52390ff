/// Delivers the mail outbox on a thread of its own: due messages are claimed, sent, and retried with backoff.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "db/database.hpp"
#include "mail/smtp_sender.hpp"

namespace roundtable::mail {

struct WorkerOptions {
  /// How often to look for due messages when nobody calls notify().
  std::chrono::milliseconds poll{2000};
  /// The first retry comes after this; each later one after twice the last, up to max_delay.
  std::chrono::seconds first_delay{30};
  std::chrono::seconds max_delay{3600};
  /// Give up (status failed) after this many tries: with the defaults, about three days.
  int max_attempts = 80;
  /// How long a claimed message stays with this worker before another may take it.
  std::chrono::seconds lease{300};
  int batch = 10;
};

/// The delay before try number `attempts + 1`.
std::chrono::seconds retry_delay(const WorkerOptions& o, int attempts);

class OutboxWorker {
 public:
  OutboxWorker(db::Database& db, Sender& sender, WorkerOptions options = {});
  ~OutboxWorker();
  OutboxWorker(const OutboxWorker&) = delete;
  OutboxWorker& operator=(const OutboxWorker&) = delete;

  /// Starts the delivery thread (once; again after stop()).
  void start();
  /// Finishes the message being sent, hands back the rest of the batch, and joins the thread; safe to call twice.
  void stop();
  /// Look now (a message was just queued).
  void notify();
  /// One pass on the calling thread: claims due messages, sends them, and returns how many were sent.
  int run_once();

 private:
  bool stopping();

  db::Database& db_;
  Sender& sender_;
  WorkerOptions options_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  bool woken_ = false;
};

}  // namespace roundtable::mail
