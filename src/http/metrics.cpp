#include "http/metrics.hpp"

#include <cstdio>

namespace roundtable::http {

void Metrics::observe(std::string_view route, unsigned status, double seconds) {
  std::lock_guard lock(mu_);
  requests_[{std::string(route), status}]++;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) bucket_counts_[i]++;
  }
  count_++;
  sum_ += seconds;
}

std::string Metrics::render() const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP roundtable_http_requests_total HTTP requests answered, by route and status.\n";
  out += "# TYPE roundtable_http_requests_total counter\n";
  for (auto& [key, n] : requests_) {
    out += "roundtable_http_requests_total{route=\"" + key.first + "\",status=\"" + std::to_string(key.second) +
           "\"} " + std::to_string(n) + "\n";
  }
  out += "# HELP roundtable_http_request_duration_seconds Time from request parsed to response ready.\n";
  out += "# TYPE roundtable_http_request_duration_seconds histogram\n";
  char buf[64];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%g", kBuckets[i]);
    out += "roundtable_http_request_duration_seconds_bucket{le=\"" + std::string(buf) + "\"} " +
           std::to_string(bucket_counts_[i]) + "\n";
  }
  out += "roundtable_http_request_duration_seconds_bucket{le=\"+Inf\"} " + std::to_string(count_) + "\n";
  std::snprintf(buf, sizeof buf, "%.6f", sum_);
  out += "roundtable_http_request_duration_seconds_sum " + std::string(buf) + "\n";
  out += "roundtable_http_request_duration_seconds_count " + std::to_string(count_) + "\n";
  out += "# HELP roundtable_http_open_connections Connections open now.\n";
  out += "# TYPE roundtable_http_open_connections gauge\n";
  out += "roundtable_http_open_connections " + std::to_string(open_connections_.load()) + "\n";
  out += "# HELP roundtable_http_large_bodies_reading Large request bodies (uploads) being received now.\n";
  out += "# TYPE roundtable_http_large_bodies_reading gauge\n";
  out += "roundtable_http_large_bodies_reading " + std::to_string(large_reads_.load()) + "\n";
  return out;
}

}  // namespace roundtable::http
