/// A message for the next page a person sees ("Your changes were saved"), carried from a POST to the page it
/// redirects to in a short-lived signed cookie instead of the address (?done=...): it shows once and is gone on
/// reload, and nobody can put words into a green banner with a link, since only the server can sign one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace roundtable::http {

struct Flash {
  /// A message key ("about_me.done.saved"); the page says it in the reader's language.
  std::string key;
  /// Named values for the message ({email}), such as what the person just typed.
  std::vector<std::pair<std::string, std::string>> params;
  /// Something the person should know that is not a success ("You were signed out..."): an "Important" banner, not
  /// a green "Success" one.
  bool important = false;
};

inline constexpr std::string_view kFlashCookie = "rt_flash";
/// How long a flash waits for its page (a redirect is followed at once; this covers a slow connection).
inline constexpr long kFlashMaxAge = 300;

/// The cookie value: the message urlencoded, a dot, and its keyed hash under secret.
std::string encode_flash(const Flash& flash, std::string_view secret);
/// The message, when value is one encode_flash made with this secret; nullopt for anything else.
std::optional<Flash> decode_flash(std::string_view value, std::string_view secret);

}  // namespace roundtable::http
