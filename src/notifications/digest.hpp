/// Digests: the daily and weekly emails that gather the notices a person chose to hear about once a day or once a
/// week. Pure functions (no SOCI): when a digest is due, and what one says.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "mail/message.hpp"
#include "notifications/notification.hpp"

namespace roundtable::notifications {

enum class DigestKind { daily, weekly };
/// "daily" or "weekly", as notices.digest and the runs table store it.
std::string_view digest_code(DigestKind kind);

/// The latest time the digest was due at or before `now` (unix seconds): 07:00 London time today or yesterday for
/// the daily one, 07:00 London time on the latest Monday for the weekly one (British Summer Time by the UK rule).
long long latest_due(DigestKind kind, long long now);

/// One waiting notice as the digest lists it.
struct DigestItem {
  long long notice_id = 0;
  long long group_id = 0;
  std::string group_name;
  std::string title;
  /// A local address ("/o/demo/topics/4").
  std::string url;
};

/// The notices of one group, oldest first.
struct DigestGroup {
  long long group_id = 0;
  std::string group_name;
  std::vector<DigestItem> items;
};

/// The notices grouped by group: groups by name (then id), each group's notices in notice order.
std::vector<DigestGroup> group_digest(std::vector<DigestItem> items);

/// Everything one digest email needs.
struct DigestEmail {
  DigestKind kind = DigestKind::daily;
  std::string to_address;
  std::string to_name;
  core::Lang lang = core::Lang::en;
  std::string org_name;
  /// Where links point ("https://roundtable.example"), without a trailing slash.
  std::string base_url;
  /// The organisation's notification settings page, absolute.
  std::string settings_url;
  std::vector<DigestGroup> groups;
  /// Each group's one-click stop address, in the order of groups.
  std::vector<std::string> stop_urls;
};

/// The email: each group's notices as links, each group with its own "Stop emails from <group>" link, and the link
/// to the settings. The one-click headers (List-Unsubscribe) are set only when the digest is about one group: a
/// mail program's one button must stop exactly what the email is about (ADR 0028).
mail::Message digest_message(const DigestEmail& d);

}  // namespace roundtable::notifications
