// Fuzzes the Cookie header parser: never crashes, every name and value is a piece of the header, and find_cookie
// agrees with the parsed list.
#include <cstdint>
#include <string_view>

#include "http/form.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool inside(std::string_view part, std::string_view whole) {
  return part.empty() || (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view header(reinterpret_cast<const char*>(data), size);
  auto cookies = roundtable::http::parse_cookie_header(header);
  for (const auto& [name, value] : cookies) {
    check(!name.empty());
    check(inside(name, header) && inside(value, header));
    check(name.find(';') == std::string_view::npos && value.find(';') == std::string_view::npos);
    // The first cookie with this name is what find_cookie returns.
    auto found = roundtable::http::find_cookie(header, name);
    check(found.has_value());
    for (const auto& [n, v] : cookies) {
      if (n == name) {
        check(*found == v);
        break;
      }
    }
  }
  return 0;
}
