#include "live/pg_relay.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <chrono>
#include <vector>

#include "core/log.hpp"

namespace roundtable::live {

namespace {

constexpr int kIdleCheckMs = 30'000;
constexpr int kRetryMs = 1'000;

void ignore_notice(void*, const char*) {}

}  // namespace

PgRelay::PgRelay(std::string conninfo, std::function<void(std::string_view)> deliver)
    : conninfo_(std::move(conninfo)), deliver_(std::move(deliver)) {
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

PgRelay::~PgRelay() {
  stop();
  if (wake_fd_ >= 0) close(wake_fd_);
}

void PgRelay::start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void PgRelay::stop() {
  stopping_ = true;
  wake();
  if (thread_.joinable()) thread_.join();
}

void PgRelay::send(std::string payload) {
  {
    std::lock_guard lock(mu_);
    if (outgoing_.size() >= kMaxWaiting) outgoing_.pop_front();
    outgoing_.push_back(std::move(payload));
  }
  wake();
}

void PgRelay::wake() {
  if (wake_fd_ < 0) return;
  const std::uint64_t one = 1;
  [[maybe_unused]] auto n = ::write(wake_fd_, &one, sizeof one);
}

void PgRelay::run() {
  bool first = true;
  while (!stopping_) {
    PGconn* conn = PQconnectdb(conninfo_.c_str());
    bool ok = PQstatus(conn) == CONNECTION_OK;
    if (ok) {
      PQsetNoticeProcessor(conn, ignore_notice, nullptr);
      PGresult* r = PQexec(conn, "LISTEN roundtable_live");
      ok = PQresultStatus(r) == PGRES_COMMAND_OK;
      PQclear(r);
    }
    if (!ok) {
      core::log::warn("live_relay_unavailable", {{"error", PQerrorMessage(conn)}});
      PQfinish(conn);
      pollfd w{wake_fd_, POLLIN, 0};
      poll(&w, 1, kRetryMs);
      std::uint64_t drained;
      [[maybe_unused]] auto n = ::read(wake_fd_, &drained, sizeof drained);
      continue;
    }
    connected_ = true;
    core::log::info(first ? "live_relay_listening" : "live_relay_reconnected");
    first = false;
    while (!stopping_ && PQstatus(conn) == CONNECTION_OK) {
      std::deque<std::string> batch;
      {
        std::lock_guard lock(mu_);
        batch.swap(outgoing_);
      }
      bool failed = false;
      while (!batch.empty()) {
        const char* params[1] = {batch.front().c_str()};
        PGresult* r =
            PQexecParams(conn, "SELECT pg_notify('roundtable_live', $1)", 1, nullptr, params, nullptr, nullptr, 0);
        const bool sent = PQresultStatus(r) == PGRES_TUPLES_OK;
        PQclear(r);
        if (!sent) {
          failed = true;
          break;
        }
        batch.pop_front();
      }
      if (failed) {
        // Not sent: they go first once the connection is back.
        std::lock_guard lock(mu_);
        while (!batch.empty()) {
          if (outgoing_.size() < kMaxWaiting) outgoing_.push_front(std::move(batch.back()));
          batch.pop_back();
        }
        break;
      }
      PQconsumeInput(conn);
      while (PGnotify* n = PQnotifies(conn)) {
        deliver_(n->extra);
        PQfreemem(n);
      }
      pollfd fds[2] = {{PQsocket(conn), POLLIN, 0}, {wake_fd_, POLLIN, 0}};
      const int ready = poll(fds, 2, kIdleCheckMs);
      if (fds[1].revents & POLLIN) {
        std::uint64_t drained;
        [[maybe_unused]] auto n = ::read(wake_fd_, &drained, sizeof drained);
      }
      if (ready == 0) {
        // Nothing for a while: make sure the connection is still there (a dropped one says nothing by itself).
        PGresult* r = PQexec(conn, "SELECT 1");
        PQclear(r);
      } else if ((fds[0].revents & (POLLIN | POLLERR | POLLHUP)) && !PQconsumeInput(conn)) {
        break;
      }
    }
    connected_ = false;
    if (!stopping_) core::log::warn("live_relay_lost", {{"error", PQerrorMessage(conn)}});
    PQfinish(conn);
  }
}

}  // namespace roundtable::live
