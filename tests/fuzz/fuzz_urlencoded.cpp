// Fuzzes the urlencoded body / query-string parser: it must never crash, and what it accepts must keep its promises
// (valid UTF-8, no NUL, within the limits, and stable when encoded and parsed again).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/form.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

std::string encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  roundtable::http::FormLimits limits{.max_fields = 16, .max_name = 32};
  auto form = roundtable::http::parse_urlencoded(input, limits);
  if (!form) return 0;
  check(form->size() <= limits.max_fields);
  std::string again;
  for (const auto& [name, value] : form->fields()) {
    check(name.size() <= limits.max_name);
    check(roundtable::http::is_valid_utf8(name) && roundtable::http::is_valid_utf8(value));
    check(name.find('\0') == std::string::npos && value.find('\0') == std::string::npos);
    if (!again.empty()) again += '&';
    again += encode(name) + "=" + encode(value);
  }
  // Encoding what was parsed and parsing it again gives the same fields.
  auto round = roundtable::http::parse_urlencoded(again, limits);
  check(round.has_value());
  check(round->fields() == form->fields());
  return 0;
}
