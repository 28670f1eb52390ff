/// What time it is, as something a service is given rather than asks the system for, so that tests can move time
/// (an invitation fifteen days old, a lock-out that has ended) without waiting or editing rows.
#pragma once

#include <atomic>
#include <chrono>

namespace roundtable::core {

/// Lengths of time in seconds (how the database stores times).
inline constexpr long long kMinute = 60, kHour = 60 * kMinute, kDay = 24 * kHour;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
  /// Seconds since 1970 (how the database stores times).
  long long now_seconds() const {
    return std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
  }
};

/// The computer's clock.
const Clock& system_clock();

/// A clock that stands still until a test sets or moves it (safe to move from another thread).
class ManualClock final : public Clock {
 public:
  explicit ManualClock(long long seconds = 1'767'225'600) : seconds_(seconds) {}  // 2026-01-01 00:00 UTC
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::time_point(std::chrono::seconds(seconds_.load()));
  }
  void set(long long seconds) { seconds_.store(seconds); }
  void advance(std::chrono::seconds by) { seconds_.fetch_add(by.count()); }

 private:
  std::atomic<long long> seconds_;
};

}  // namespace roundtable::core
