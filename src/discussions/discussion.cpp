#include "discussions/discussion.hpp"

#include <algorithm>
#include <cctype>

namespace roundtable::discussions {

std::string_view reaction_code(Reaction r) {
  switch (r) {
    case Reaction::agree: return "agree";
    case Reaction::thanks: return "thanks";
    case Reaction::me_too: return "me_too";
  }
  return "agree";
}

std::optional<Reaction> parse_reaction(std::string_view code) {
  for (Reaction r : kAllReactions) {
    if (reaction_code(r) == code) return r;
  }
  return std::nullopt;
}

std::string_view filter_code(Filter f) {
  switch (f) {
    case Filter::all: return "all";
    case Filter::following: return "following";
    case Filter::raised: return "raised";
  }
  return "all";
}

std::optional<Filter> parse_filter(std::string_view code) {
  for (Filter f : {Filter::all, Filter::following, Filter::raised}) {
    if (filter_code(f) == code) return f;
  }
  return std::nullopt;
}

namespace {

bool same_folded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (x != y && (x >= 0x80 || y >= 0x80 || std::tolower(x) != std::tolower(y))) return false;
  }
  return true;
}

bool word_char(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '-' || c == '\''; }

}  // namespace

std::vector<std::string> mentioned(std::string_view text, const std::vector<std::string>& member_names) {
  std::vector<std::string> names;
  for (const auto& n : member_names) {
    if (!n.empty()) names.push_back(n);
  }
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::vector<std::string> out;
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    // "sian@example.org" is an address, not a mention.
    if (at > 0 && word_char(static_cast<unsigned char>(text[at - 1]))) continue;
    const auto rest = text.substr(at + 1);
    for (const auto& n : names) {
      if (rest.size() < n.size() || !same_folded(rest.substr(0, n.size()), n)) continue;
      if (rest.size() > n.size() && word_char(static_cast<unsigned char>(rest[n.size()]))) continue;
      if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
      break;
    }
  }
  return out;
}

}  // namespace roundtable::discussions
