// Fuzzes the route matcher and percent-decoding with a fixed route table: never crashes; a match gives back
// parameters that re-encode to the path; decoding what was encoded gives the original.
#include <cstdint>
#include <string>
#include <string_view>

#include "http/route_matcher.hpp"

namespace {

using roundtable::http::RouteMatcher;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

std::string encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

const RouteMatcher& matcher() {
  static const RouteMatcher m = [] {
    RouteMatcher r;
    r.add("GET", "/");
    r.add("GET", "/search");
    r.add("POST", "/language");
    r.add("GET", "/o/{org}");
    r.add("GET", "/o/{org}/people/{id}");
    r.add("POST", "/o/{org}/settings");
    r.add("GET", "/o/{org}/settings");
    r.add("GET", "/assets/{file}");
    return r;
  }();
  return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char* methods[] = {"GET", "POST", "HEAD", "DELETE"};
  std::string_view method = methods[data[0] % 4];
  std::string_view path(reinterpret_cast<const char*>(data) + 1, size - 1);

  auto result = matcher().match(method, path);
  if (result.outcome == RouteMatcher::Outcome::found) {
    check(result.match.index < matcher().size());
    for (const auto& [name, value] : result.match.params) {
      check(!name.empty());
      // A decoded parameter never holds a slash or a control character (they would let a path escape its segment
      // or reach a log line or header).
      check(value.find('/') == std::string::npos);
      for (unsigned char c : value) check(c >= 0x20 && c != 0x7f);
    }
  } else if (result.outcome == RouteMatcher::Outcome::method_not_allowed) {
    check(!result.allowed.empty());
  }

  // Decoding an encoded segment gives back the original, unless it holds what segments may not.
  std::string raw(path);
  auto decoded = roundtable::http::percent_decode_segment(encode(raw));
  bool forbidden = raw.find('/') != std::string::npos;
  for (unsigned char c : raw) forbidden = forbidden || c < 0x20 || c == 0x7f;
  check(decoded.has_value() != forbidden);
  if (decoded) check(*decoded == raw);
  // A path built from a decoded parameter matches its route and gives the parameter back.
  if (!forbidden && !raw.empty()) {
    auto again = matcher().match("GET", "/o/" + encode(raw));
    check(again.outcome == RouteMatcher::Outcome::found);
    check(again.match.params.size() == 1 && again.match.params[0].second == raw);
  }
  return 0;
}
