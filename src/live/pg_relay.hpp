/// Carries live events between the servers that share one PostgreSQL database: one dedicated libpq connection, on a
/// thread of its own, that LISTENs on roundtable_live and sends each event with pg_notify. Every server (this one
/// too) receives each event once, through that connection, and hands it to its hub. The connection is made again
/// when it drops; events sent meanwhile wait (up to a bound) and go when it is back.
#pragma once

#include <atomic>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace roundtable::live {

class PgRelay {
 public:
  /// conninfo: libpq's keyword/value form. deliver: called on the relay's thread with each payload received.
  PgRelay(std::string conninfo, std::function<void(std::string_view)> deliver);
  ~PgRelay();
  PgRelay(const PgRelay&) = delete;
  PgRelay& operator=(const PgRelay&) = delete;

  void start();
  /// Stops and joins the thread (events not yet sent are dropped).
  void stop();
  /// Queues a payload for pg_notify (at most 8000 bytes, PostgreSQL's limit); returns at once.
  void send(std::string payload);
  /// Whether the listening connection is up now (for logs and tests).
  bool connected() const { return connected_; }

  static constexpr std::string_view kChannel = "roundtable_live";
  /// Payloads that may wait while the connection is down; the oldest go first.
  static constexpr size_t kMaxWaiting = 1000;

 private:
  void run();
  void wake();

  std::string conninfo_;
  std::function<void(std::string_view)> deliver_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> connected_{false};
  int wake_fd_ = -1;
  std::mutex mu_;
  std::deque<std::string> outgoing_;
};

}  // namespace roundtable::live
