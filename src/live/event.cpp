#include "live/event.hpp"

#include <cctype>

namespace roundtable::live {

std::string format_event(unsigned long long id, std::string_view name, std::string_view data) {
  std::string out = "id: " + std::to_string(id) + "\nevent: ";
  out += name.substr(0, name.find_first_of("\r\n"));
  out += '\n';
  size_t start = 0;
  while (true) {
    const size_t end = data.find_first_of("\r\n", start);
    out += "data: ";
    out += data.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    out += '\n';
    if (end == std::string_view::npos) break;
    start = end + 1;
    if (data[end] == '\r' && start < data.size() && data[start] == '\n') ++start;
  }
  out += '\n';
  return out;
}

std::string format_comment(std::string_view text) {
  std::string out = ": ";
  out += text.substr(0, text.find_first_of("\r\n"));
  out += "\n\n";
  return out;
}

std::string origin_of(std::string_view url) {
  std::string lower;
  for (char c : url) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t scheme_end = 0;
  if (lower.rfind("http://", 0) == 0) {
    scheme_end = 7;
  } else if (lower.rfind("https://", 0) == 0) {
    scheme_end = 8;
  } else {
    return "";
  }
  const size_t host_end = lower.find_first_of("/?#", scheme_end);
  std::string origin = lower.substr(0, host_end);
  if (origin.size() == scheme_end) return "";
  // The default port is not written in an Origin header.
  if (scheme_end == 7 && origin.size() > 3 && origin.ends_with(":80")) origin.resize(origin.size() - 3);
  if (scheme_end == 8 && origin.size() > 4 && origin.ends_with(":443")) origin.resize(origin.size() - 4);
  return origin;
}

bool origin_allowed(std::optional<std::string_view> origin, std::optional<std::string_view> sec_fetch_site,
                    std::string_view own_origin) {
  if (sec_fetch_site && *sec_fetch_site != "same-origin") return false;
  if (origin) {
    if (own_origin.empty()) return false;
    if (origin_of(*origin) != own_origin || origin->size() != own_origin.size()) return false;
  }
  return true;
}

std::string encode_message(const Message& m) { return m.channel + '\n' + m.event + '\n' + m.data; }

std::optional<Message> decode_message(std::string_view payload) {
  const size_t a = payload.find('\n');
  if (a == std::string_view::npos) return std::nullopt;
  const size_t b = payload.find('\n', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  Message m{std::string(payload.substr(0, a)), std::string(payload.substr(a + 1, b - a - 1)),
            std::string(payload.substr(b + 1))};
  if (m.channel.empty() || m.event.empty()) return std::nullopt;
  return m;
}

}  // namespace roundtable::live
