/// Notifications: how each person wants to hear about each group they are in (straight away, once a day, once a
/// week, or never), and the notice every feature leaves for them. Plain structs, no SOCI, no Beast.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace roundtable::notifications {

/// A person's choice for one group. No choice recorded means immediate.
enum class Choice { immediate, daily, weekly, none };
inline constexpr std::array kAllChoices{Choice::immediate, Choice::daily, Choice::weekly, Choice::none};

/// "immediate", "daily", "weekly" or "none" (as stored and as sent by forms).
std::string_view choice_code(Choice c);
std::optional<Choice> parse_choice(std::string_view code);

/// What happened, for one person, in one group: the in-app notice a feature leaves (and the email it sends, by the
/// person's choice).
struct Notice {
  long long org_id = 0;
  long long group_id = 0;
  long long user_id = 0;
  /// The feature's own code, such as "discussion_reply" or "meeting_papers".
  std::string kind;
  /// What the list of notices and the digest say (one line, such as the topic's or meeting's title).
  std::string title;
  /// The page it leads to: a local address ("/o/demo/topics/4#post-2").
  std::string url;
  /// The group's name, for the email's "Stop emails from <group>".
  std::string group_name;
  /// Where links in email point ("https://roundtable.example"), without a trailing slash.
  std::string base_url;
};

/// What notify() did with the email.
enum class Routed {
  /// Queued in the outbox now (immediate).
  emailed,
  /// Kept for the person's daily or weekly digest.
  held,
  /// No email (the person chose never); the notice is still listed in the app.
  not_emailed,
};

/// Whom and what a one-click stop token stands for.
struct StopTarget {
  long long user_id = 0;
  long long org_id = 0;
  long long group_id = 0;
  friend bool operator==(const StopTarget&, const StopTarget&) = default;
};

/// "<user>.<org>.<group>.<mac>": the mac is a keyed BLAKE2b (128 bits, hex) of the three ids under the server's own
/// stop secret (the notification_stop_secret setting, never the CSRF, session or reply-address secret).
std::string stop_token(std::string_view secret, const StopTarget& target);
/// The target of a well-formed token whose mac matches (checked in constant time), or nullopt.
std::optional<StopTarget> check_stop_token(std::string_view secret, std::string_view token);

}  // namespace roundtable::notifications
