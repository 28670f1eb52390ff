// Fuzzes the urlencoded body / query-string parser and is_valid_utf8.
//
// Input: byte 0 chooses max_fields (0..32), byte 1 max_name (0..64), byte 2 holds encoder flags; the rest is the
// body. Properties:
//  - is_valid_utf8 agrees with a table-driven reference (RFC 3629 table of well-formed byte sequences);
//  - parse_urlencoded agrees with a reference model of its contract (form.hpp): one field per non-empty '&' piece,
//    nullopt on a malformed escape, invalid UTF-8, NUL or another control character except tab/CR/LF, a name
//    longer than max_name or more than max_fields fields;
//  - what it accepts keeps its promises (valid UTF-8, within the limits) and survives encode + parse unchanged;
//  - FormData::get / all agree with fields().
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/form.hpp"

namespace {

using roundtable::http::FormLimits;
using roundtable::http::is_valid_utf8;
using roundtable::http::parse_urlencoded;
using Fields = std::vector<std::pair<std::string, std::string>>;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

/// Well-formed UTF-8 byte sequences, RFC 3629 section 4.
bool reference_utf8(std::string_view s) {
  auto in = [](unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; };
  size_t i = 0;
  while (i < s.size()) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;  // range of the second byte
    if (c <= 0x7F) {
      ++i;
      continue;
    } else if (in(c, 0xC2, 0xDF)) {
      need = 2;
    } else if (c == 0xE0) {
      need = 3, lo = 0xA0;
    } else if (in(c, 0xE1, 0xEC) || in(c, 0xEE, 0xEF)) {
      need = 3;
    } else if (c == 0xED) {
      need = 3, hi = 0x9F;
    } else if (c == 0xF0) {
      need = 4, lo = 0x90;
    } else if (in(c, 0xF1, 0xF3)) {
      need = 4;
    } else if (c == 0xF4) {
      need = 4, hi = 0x8F;
    } else {
      return false;
    }
    if (s.size() - i < need) return false;
    if (!in(b(1), lo, hi)) return false;
    for (size_t k = 2; k < need; ++k) {
      if (!in(b(k), 0x80, 0xBF)) return false;
    }
    i += need;
  }
  return true;
}

int reference_hex(char c) {
  static constexpr std::string_view kLower = "0123456789abcdef", kUpper = "0123456789ABCDEF";
  if (auto p = kLower.find(c); p != std::string_view::npos) return static_cast<int>(p);
  if (auto p = kUpper.find(c); p != std::string_view::npos) return static_cast<int>(p);
  return -1;
}

std::optional<std::string> reference_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%') {
      if (s.size() - i < 3) return std::nullopt;
      int hi = reference_hex(s[i + 1]), lo = reference_hex(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  if (!reference_utf8(out)) return std::nullopt;
  for (unsigned char c : out) {
    if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f) return std::nullopt;
  }
  return out;
}

std::optional<Fields> reference_parse(std::string_view body, const FormLimits& limits) {
  Fields out;
  size_t start = 0;
  while (start <= body.size()) {
    size_t amp = body.find('&', start);
    if (amp == std::string_view::npos) amp = body.size();
    std::string_view pair = body.substr(start, amp - start);
    start = amp + 1;
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    auto name = reference_decode(pair.substr(0, eq));
    auto value = reference_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
    if (!name || !value || name->size() > limits.max_name || out.size() >= limits.max_fields) return std::nullopt;
    out.emplace_back(std::move(*name), std::move(*value));
  }
  return out;
}

std::string encode(std::string_view s, bool plus_for_space, bool lower_hex) {
  const char* hex = lower_hex ? "0123456789abcdef" : "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ' && plus_for_space) {
      out += '+';
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  const FormLimits limits{.max_fields = data[0] % 33u, .max_name = data[1] % 65u};
  const bool plus_for_space = (data[2] & 1) != 0;
  const bool lower_hex = (data[2] & 2) != 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 3, size - 3);

  check(is_valid_utf8(body) == reference_utf8(body));

  auto form = parse_urlencoded(body, limits);
  auto expected = reference_parse(body, limits);
  check(form.has_value() == expected.has_value());
  if (!form) return 0;
  check(form->fields() == *expected);
  check(form->size() <= limits.max_fields);

  std::string again;
  for (const auto& [name, value] : form->fields()) {
    check(name.size() <= limits.max_name);
    check(is_valid_utf8(name) && is_valid_utf8(value));
    check(name.find('\0') == std::string::npos && value.find('\0') == std::string::npos);
    // get() gives the first value for the name, all() every one of them in order.
    std::vector<std::string_view> values;
    for (const auto& [n, v] : form->fields()) {
      if (n == name) values.emplace_back(v);
    }
    check(!values.empty() && form->get(name) == values.front() && form->all(name) == values);
    if (!again.empty()) again += '&';
    again += encode(name, plus_for_space, lower_hex) + "=" + encode(value, plus_for_space, lower_hex);
  }
  // Encoding what was parsed and parsing it again gives the same fields.
  auto round = parse_urlencoded(again, limits);
  check(round.has_value() && round->fields() == form->fields());
  return 0;
}
