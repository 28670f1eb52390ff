#include "core/text.hpp"

#include <algorithm>
#include <charconv>

namespace roundtable::core {

namespace {

unsigned char fold(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 'A' && u <= 'Z' ? static_cast<unsigned char>(u + ('a' - 'A')) : u;
}

}  // namespace

int compare_folded(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = fold(a[i]);
    const unsigned char y = fold(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (const unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::optional<int> small_number(std::string_view typed) {
  if (typed.empty() || typed.size() > 4) return std::nullopt;
  int n = 0;
  const auto [end, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), n);
  if (ec != std::errc() || end != typed.data() + typed.size()) return std::nullopt;
  return n;
}

std::vector<std::string_view> comma_separated(std::string_view list) {
  std::vector<std::string_view> parts;
  while (!list.empty()) {
    const auto comma = list.find(',');
    parts.push_back(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return parts;
}

}  // namespace roundtable::core
