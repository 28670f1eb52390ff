/// Pure parts of the live channel: server-sent event text, who may open a stream (Origin and Sec-Fetch-Site), and
/// the payload that carries an event between servers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace roundtable::live {

/// One server-sent event: "id: <id>\nevent: <name>\ndata: <data>\n\n". Newlines in name or data would end the field,
/// so each line of data becomes a data: line of its own and a name is cut at its first newline.
std::string format_event(unsigned long long id, std::string_view name, std::string_view data);
/// A comment line, which keeps an idle connection known to be open: ": <text>\n\n".
std::string format_comment(std::string_view text);

/// "scheme://host[:port]" of an address such as a --base-url ("https://example.org/x" -> "https://example.org"), in
/// lower case; "" when it is not an http(s) address.
std::string origin_of(std::string_view url);

/// Whether a browser request may open a stream: an Origin header, when sent, must be own_origin; a Sec-Fetch-Site
/// header, when sent, must be "same-origin". Absent headers (a non-browser client, an old browser) pass: the
/// session cookie is SameSite=Lax, so another site's page cannot send it with a script's request anyway.
bool origin_allowed(std::optional<std::string_view> origin, std::optional<std::string_view> sec_fetch_site,
                    std::string_view own_origin);

/// An event as it travels between servers (PostgreSQL NOTIFY payload): "channel\nevent\ndata".
struct Message {
  std::string channel;
  std::string event;
  std::string data;
};
std::string encode_message(const Message& m);
std::optional<Message> decode_message(std::string_view payload);

}  // namespace roundtable::live
