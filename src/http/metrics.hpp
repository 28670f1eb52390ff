/// Request counters and a latency histogram, rendered in Prometheus text format.
#pragma once

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace roundtable::http {

class Metrics {
 public:
  /// Counts one finished request.
  void observe(std::string_view route, unsigned status, double seconds);
  void connection_opened() { open_connections_++; }
  void connection_closed() { open_connections_--; }
  /// A large body began or finished arriving (Server limits how many at once).
  void large_read_started() { large_reads_++; }
  void large_read_ended() { large_reads_--; }
  /// Prometheus exposition text for the HTTP metrics.
  std::string render() const;

  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};

 private:
  mutable std::mutex mu_;
  std::map<std::pair<std::string, unsigned>, unsigned long long> requests_;
  std::array<unsigned long long, kBuckets.size()> bucket_counts_{};
  unsigned long long count_ = 0;
  double sum_ = 0;
  std::atomic<long> open_connections_{0};
  std::atomic<long> large_reads_{0};
};

}  // namespace roundtable::http
