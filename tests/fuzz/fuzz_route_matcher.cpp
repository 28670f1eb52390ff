// Fuzzes the route matcher and percent_decode_segment.
//
// Input: byte 0 holds flags (route method, hex case of the encoder, which bytes the encoder escapes); the rest is
// used three ways:
//  1. as a path, matched against a fixed route table like the application's: a match gives back parameters that are
//     non-empty, hold no slash and no control character;
//  2. as a segment: percent_decode_segment(encode(x)) == x unless x holds a slash or a control character, and any
//     successful decode of the raw bytes is free of control characters and re-encodes to itself;
//  3. as a pattern description: split on '/', a piece starting with ':' is a parameter whose value is the rest,
//     any other piece a literal. add() must throw exactly when the pattern is bad, and the path built from the
//     literals and the encoded values must match with exactly those values, HEAD must match GET routes, and another
//     method must give method_not_allowed listing the route's method.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "http/route_matcher.hpp"

namespace {

using roundtable::http::percent_decode_segment;
using roundtable::http::RouteMatcher;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool has_control(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

/// Percent-encodes s; unreserved characters stay as they are unless escape_all is set.
std::string encode(std::string_view s, bool lower_hex, bool escape_all) {
  const char* hex = lower_hex ? "0123456789abcdef" : "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    bool unreserved =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (unreserved && !escape_all) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

const RouteMatcher& fixed_matcher() {
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

void check_fixed_table(std::string_view method, std::string_view path) {
  const RouteMatcher& m = fixed_matcher();
  auto result = m.match(method, path);
  if (path.empty() || path.front() != '/') check(result.outcome == RouteMatcher::Outcome::not_found);
  if (result.outcome == RouteMatcher::Outcome::found) {
    check(result.match.index < m.size());
    for (const auto& [name, value] : result.match.params) {
      check(!name.empty() && !value.empty());
      // A decoded parameter never holds a slash or a control character (it would let a path escape its segment or
      // reach a log line or header).
      check(value.find('/') == std::string::npos);
      check(!has_control(value));
    }
  } else if (result.outcome == RouteMatcher::Outcome::method_not_allowed) {
    check(!result.allowed.empty());
    for (const auto& a : result.allowed) check(a != method && !(method == "HEAD" && a == "GET"));
  } else {
    check(result.allowed.empty());
  }
}

void check_decode(std::string_view raw, bool lower_hex, bool escape_all) {
  bool forbidden = raw.find('/') != std::string_view::npos || has_control(raw);
  auto decoded = percent_decode_segment(encode(raw, lower_hex, escape_all));
  check(decoded.has_value() != forbidden);
  if (decoded) check(*decoded == raw);

  // Decoding the raw bytes themselves: never longer, never a control character, and stable under re-encoding.
  if (auto direct = percent_decode_segment(raw)) {
    check(direct->size() <= raw.size());
    check(!has_control(*direct));
    auto again = percent_decode_segment(encode(*direct, lower_hex, escape_all));
    // A raw '/' passes through percent_decode_segment (the router splits on it first); encoded, it is refused.
    check(again.has_value() == (direct->find('/') == std::string::npos));
    if (again) check(*again == *direct);
  }
}

void check_generated_route(std::string_view method, std::string_view spec, bool lower_hex, bool escape_all) {
  struct Piece {
    bool is_param;
    std::string text;  // literal, or parameter value
  };
  std::vector<Piece> pieces;
  while (true) {
    auto slash = spec.find('/');
    auto piece = spec.substr(0, slash);
    if (!piece.empty() && piece.front() == ':') {
      pieces.push_back({true, std::string(piece.substr(1))});
    } else {
      pieces.push_back({false, std::string(piece)});
    }
    if (slash == std::string_view::npos || pieces.size() >= 16) break;
    spec.remove_prefix(slash + 1);
  }

  std::string pattern;
  std::string path;
  std::vector<std::string> names;
  bool pattern_ok = true;
  bool braced_literal = false;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const Piece& p = pieces[i];
    if (p.is_param) {
      names.push_back("p" + std::to_string(i));
      pattern += "/{" + names.back() + "}";
      path += "/" + encode(p.text, lower_hex, escape_all);
    } else {
      pattern += "/" + p.text;
      path += "/" + p.text;
      // Mirrors RouteMatcher::add's rules for a segment.
      if (p.text.empty()) pattern_ok = false;
      if (!p.text.empty() && p.text.front() == '{') {
        braced_literal = true;
        if (p.text.back() != '}' || p.text.size() < 3) pattern_ok = false;
      }
    }
  }
  // A single empty literal is the root pattern "/".
  bool root = pieces.size() == 1 && !pieces[0].is_param && pieces[0].text.empty();
  if (root) pattern_ok = true;

  RouteMatcher m;
  bool threw = false;
  try {
    check(m.add(method, pattern) == 0);
  } catch (const std::invalid_argument&) {
    threw = true;
  }
  check(threw == !pattern_ok);
  if (threw || braced_literal) return;  // a literal "{x}" is a parameter, not a literal: nothing more to predict

  bool should_match = true;
  for (const Piece& p : pieces) {
    if (p.is_param && (p.text.empty() || has_control(p.text))) should_match = false;
  }
  auto result = m.match(method, path);
  if (!should_match) {
    check(result.outcome == RouteMatcher::Outcome::not_found);
    return;
  }
  check(result.outcome == RouteMatcher::Outcome::found);
  check(result.match.index == 0);
  check(result.match.params.size() == names.size());
  size_t k = 0;
  for (const Piece& p : pieces) {
    if (!p.is_param) continue;
    check(result.match.params[k].first == names[k]);
    check(result.match.params[k].second == p.text);
    ++k;
  }

  auto head = m.match("HEAD", path);
  check((head.outcome == RouteMatcher::Outcome::found) == (method == "GET"));
  auto other = m.match("DELETE", path);
  check(other.outcome == RouteMatcher::Outcome::method_not_allowed);
  check(other.allowed.size() == 1 && other.allowed[0] == method);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  static const char* const kMethods[] = {"GET", "POST", "HEAD", "DELETE"};
  const std::string_view method = kMethods[flags & 3];
  const bool lower_hex = (flags & 4) != 0;
  const bool escape_all = (flags & 8) != 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);

  check_fixed_table(method, rest);
  check_decode(rest, lower_hex, escape_all);
  check_generated_route((flags & 16) ? "POST" : "GET", rest, lower_hex, escape_all);
  return 0;
}
