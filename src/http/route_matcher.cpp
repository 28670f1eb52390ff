#include "http/route_matcher.hpp"

#include <algorithm>
#include <stdexcept>

#include "http/form.hpp"

namespace roundtable::http {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.empty() || path.front() != '/') return out;
  path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

}  // namespace

std::optional<std::string> percent_decode_segment(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int hi = hex_value(s[i + 1]);
      int lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      const auto c = static_cast<unsigned char>(hi * 16 + lo);
      if (c < 0x20 || c == 0x7f || c == '/') return std::nullopt;
      out.push_back(static_cast<char>(c));
      i += 2;
    } else {
      // Control characters (NUL, newlines ...) have no place in a path, typed or encoded.
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 || c == 0x7f) return std::nullopt;
      out.push_back(s[i]);
    }
  }
  return out;
}

size_t RouteMatcher::add(std::string_view method, std::string_view pattern) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route pattern must start with /");
  Route r;
  r.method = std::string(method);
  if (pattern != "/") {
    for (auto seg : split_path(pattern)) {
      if (seg.empty()) throw std::invalid_argument("route pattern has an empty segment: " + std::string(pattern));
      Segment s;
      if (seg.front() == '{') {
        if (seg.back() != '}' || seg.size() < 3)
          throw std::invalid_argument("bad parameter in " + std::string(pattern));
        s.is_param = true;
        s.literal = std::string(seg.substr(1, seg.size() - 2));
      } else {
        s.literal = std::string(seg);
      }
      r.segments.push_back(std::move(s));
    }
  }
  const size_t index = routes_.size();
  if (buckets_.size() <= r.segments.size()) buckets_.resize(r.segments.size() + 1);
  Bucket& b = buckets_[r.segments.size()];
  if (r.segments.empty() || r.segments.back().is_param) {
    b.param_last.push_back(index);
  } else {
    b.by_last[r.segments.back().literal].push_back(index);
  }
  routes_.push_back(std::move(r));
  return index;
}

RouteMatcher::Result RouteMatcher::match(std::string_view method, std::string_view path) const {
  Result result;
  if (path.empty() || path.front() != '/') return result;
  std::vector<std::string_view> parts;
  if (path != "/") parts = split_path(path);
  if (parts.size() >= buckets_.size()) return result;
  const Bucket& bucket = buckets_[parts.size()];
  static const std::vector<size_t> kNone;
  const std::vector<size_t>* by_word = &kNone;
  if (!parts.empty()) {
    if (auto it = bucket.by_last.find(parts.back()); it != bucket.by_last.end()) by_word = &it->second;
  }
  // The two lists are each in the order the routes were added: walk them together in that order.
  size_t w = 0;
  size_t p = 0;
  while (w < by_word->size() || p < bucket.param_last.size()) {
    size_t i = 0;
    if (p == bucket.param_last.size() || (w < by_word->size() && (*by_word)[w] < bucket.param_last[p])) {
      i = (*by_word)[w++];
    } else {
      i = bucket.param_last[p++];
    }
    const Route& r = routes_[i];
    // The fixed words first: most routes of the same length differ in one, and decoding the parameters of each of
    // them (with an allocation per route) was most of the time matching took.
    bool ok = true;
    for (size_t k = 0; k < parts.size() && ok; ++k) {
      const Segment& seg = r.segments[k];
      ok = seg.is_param ? !parts[k].empty() : seg.literal == parts[k];
    }
    if (!ok) continue;
    PathParams params;
    for (size_t k = 0; k < parts.size() && ok; ++k) {
      const Segment& seg = r.segments[k];
      if (!seg.is_param) continue;
      auto decoded = percent_decode_segment(parts[k]);
      if (!decoded) {
        ok = false;
        break;
      }
      params.emplace_back(seg.literal, std::move(*decoded));
    }
    if (!ok) continue;
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      result.outcome = Outcome::found;
      result.match = Match{i, std::move(params)};
      return result;
    }
    if (std::find(result.allowed.begin(), result.allowed.end(), r.method) == result.allowed.end()) {
      result.allowed.push_back(r.method);
    }
  }
  if (!result.allowed.empty()) result.outcome = Outcome::method_not_allowed;
  return result;
}

}  // namespace roundtable::http
