/// Matches request paths against route patterns such as /o/{org}/p/{project}; pure, no I/O.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace roundtable::http {

/// Captured path parameters, in pattern order, already percent-decoded.
using PathParams = std::vector<std::pair<std::string, std::string>>;

/// Decodes %XX escapes; nullopt on a bad escape, an encoded slash, or a control character (typed or encoded).
std::optional<std::string> percent_decode_segment(std::string_view s);

class RouteMatcher {
 public:
  /// Adds a pattern ("/", "/a/{id}/b"); returns its index. Throws std::invalid_argument on a bad pattern.
  size_t add(std::string_view method, std::string_view pattern);

  struct Match {
    size_t index = 0;
    PathParams params;
  };
  enum class Outcome { found, not_found, method_not_allowed };
  struct Result {
    Outcome outcome = Outcome::not_found;
    Match match;
    /// For method_not_allowed: the methods that the path does accept.
    std::vector<std::string> allowed;
  };

  /// Matches a path (without query string). HEAD matches GET routes.
  Result match(std::string_view method, std::string_view path) const;
  size_t size() const { return routes_.size(); }

 private:
  struct Segment {
    std::string literal;
    bool is_param = false;
  };
  struct Route {
    std::string method;
    std::vector<Segment> segments;
  };
  std::vector<Route> routes_;
  /// The routes of each number of segments, by their last segment: the routes ending in each fixed word, and those
  /// ending in a parameter. A path is tried against only the routes that could match it, still in the order they were
  /// added (trying every route was about 15,000 instructions a request with this service's few hundred).
  struct Bucket {
    std::map<std::string, std::vector<size_t>, std::less<>> by_last;
    std::vector<size_t> param_last;
  };
  std::vector<Bucket> buckets_;
};

}  // namespace roundtable::http
