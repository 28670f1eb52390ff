#include "notifications/notification.hpp"

#include <charconv>
#include <vector>

#include "security/tokens.hpp"

namespace roundtable::notifications {

std::string_view choice_code(Choice c) {
  switch (c) {
    case Choice::immediate: return "immediate";
    case Choice::daily: return "daily";
    case Choice::weekly: return "weekly";
    case Choice::none: return "none";
  }
  return "immediate";
}

std::optional<Choice> parse_choice(std::string_view code) {
  for (Choice c : kAllChoices) {
    if (choice_code(c) == code) return c;
  }
  return std::nullopt;
}

namespace {

std::string ids_of(const StopTarget& t) {
  return std::to_string(t.user_id) + "." + std::to_string(t.org_id) + "." + std::to_string(t.group_id);
}

std::string mac_of(std::string_view secret, const StopTarget& t) {
  // This use's own context in the data, so no other keyed hash under the same secret can stand in.
  return security::keyed_hash(secret, "roundtable notification stop v1 " + ids_of(t));
}

std::optional<long long> id_of(std::string_view s) {
  if (s.empty() || s.size() > 18 || s.front() == '0') return std::nullopt;
  long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

}  // namespace

std::string stop_token(std::string_view secret, const StopTarget& target) {
  return ids_of(target) + "." + mac_of(secret, target);
}

std::optional<StopTarget> check_stop_token(std::string_view secret, std::string_view token) {
  if (secret.empty() || token.size() > 120) return std::nullopt;
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= token.size(); ++i) {
    if (i == token.size() || token[i] == '.') {
      parts.push_back(token.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() != 4) return std::nullopt;
  const auto user = id_of(parts[0]), org = id_of(parts[1]), group = id_of(parts[2]);
  if (!user || !org || !group) return std::nullopt;
  const StopTarget target{*user, *org, *group};
  if (!security::constant_time_equal(mac_of(secret, target), parts[3])) return std::nullopt;
  return target;
}

}  // namespace roundtable::notifications
