#include "view/html.hpp"

#include <array>
#include <cctype>

namespace roundtable::view {

namespace {

/// The characters HTML text and attribute values must not hold as they are.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'&', '<', '>', '"', '\''}) t[c] = true;
  return t;
}();

}  // namespace

void escape_into(std::string& out, std::string_view s) {
  // Runs of characters that need no escaping (nearly all of them) are found with a table and copied at once.
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p != end) {
    const char* run = p;
    while (p != end && !kNeedsEscape[static_cast<unsigned char>(*p)]) ++p;
    out.append(run, static_cast<size_t>(p - run));
    if (p == end) break;
    switch (*p) {
      case '&': out.append("&amp;"); break;
      case '<': out.append("&lt;"); break;
      case '>': out.append("&gt;"); break;
      case '"': out.append("&quot;"); break;
      default: out.append("&#39;"); break;
    }
    ++p;
  }
}

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  escape_into(out, s);
  return out;
}

std::string url_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace roundtable::view
