#include "mail/mime.hpp"

#include <algorithm>
#include <array>

#include "mail/reply_text.hpp"

namespace roundtable::mail::mime {

namespace {

constexpr int kMaxDepth = 8;
constexpr std::size_t kMaxParts = 200;
constexpr std::size_t kMaxHeaders = 1000;

char lower_char(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower_char(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower_char(a[i]) != lower_char(b[i])) return false;
  }
  return true;
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Windows-1252's characters at 0x80-0x9F (0: undefined there, kept as the Latin-1 control character).
constexpr std::array<char16_t, 32> kCp1252 = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                              0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                              0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                              0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/// Valid UTF-8 kept, every invalid byte replaced with U+FFFD.
std::string clean_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (ok) {
      // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
      if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
          (cp >= 0xD800 && cp <= 0xDFFF)) {
        ok = false;
      }
    }
    if (ok) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::string normalise_lines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// RFC 3676 format=flowed: a line ending in a space goes on with the next one; space-stuffing undone.
std::string unflow(std::string_view text, bool delsp) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    const bool soft = !line.empty() && line.back() == ' ' && line != "-- ";
    if (soft && delsp) line.remove_suffix(1);
    out.append(line);
    if (!soft && end < text.size()) out += '\n';
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

struct Found {
  std::optional<std::string> plain;
  std::optional<std::string> html;
  std::string refused_charset;
  bool malformed = false;
  std::size_t parts = 0;
};

std::string decode_body(const std::vector<Header>& headers, std::string_view body) {
  const std::string cte = lower(trim(find_header(headers, "Content-Transfer-Encoding").value_or("")));
  if (cte == "quoted-printable") return decode_quoted_printable(body);
  if (cte == "base64") return decode_base64(body);
  return std::string(body);
}

void walk(std::string_view raw, int depth, Found& found) {
  if (++found.parts > kMaxParts) return;
  auto [head, body] = split_head_body(raw);
  const auto headers = parse_headers(head);
  const auto ct = parse_content_type(find_header(headers, "Content-Type").value_or(""));
  if (ct.type.starts_with("multipart/")) {
    if (depth >= kMaxDepth) return;
    auto b = ct.params.find("boundary");
    if (b == ct.params.end() || b->second.empty()) {
      found.malformed = true;
      return;
    }
    const std::string delimiter = "--" + b->second;
    // The parts lie between lines that are the delimiter (the closing one ends with "--").
    std::vector<std::string_view> parts;
    std::size_t pos = 0;
    std::optional<std::size_t> part_start;
    while (pos <= body.size()) {
      auto end = body.find('\n', pos);
      if (end == std::string_view::npos) end = body.size();
      std::string_view line = body.substr(pos, end - pos);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
      if (line.starts_with(delimiter)) {
        const auto rest = line.substr(delimiter.size());
        if (rest.empty() || rest == "--") {
          if (part_start) {
            // The line break before the delimiter belongs to it.
            std::size_t stop = pos;
            if (stop > *part_start && body[stop - 1] == '\n') --stop;
            if (stop > *part_start && body[stop - 1] == '\r') --stop;
            parts.push_back(body.substr(*part_start, stop - *part_start));
          }
          if (rest == "--") break;
          part_start = std::min(end + 1, body.size());
        }
      }
      if (end == body.size()) break;
      pos = end + 1;
    }
    for (auto part : parts) walk(part, depth + 1, found);
    return;
  }
  const std::string disposition = lower(find_header(headers, "Content-Disposition").value_or(""));
  const bool attachment = disposition.starts_with("attachment") || ct.params.count("name") > 0 ||
                          disposition.find("filename") != std::string::npos;
  if (attachment) return;
  const bool plain = ct.type == "text/plain";
  const bool html = ct.type == "text/html";
  if ((!plain || found.plain) && (!html || found.html)) return;
  auto cs = ct.params.find("charset");
  auto text = to_utf8(decode_body(headers, body), cs == ct.params.end() ? "us-ascii" : cs->second);
  if (!text) {
    if (found.refused_charset.empty()) found.refused_charset = cs->second;
    return;
  }
  std::string lines = normalise_lines(*text);
  if (plain) {
    auto format = ct.params.find("format");
    if (format != ct.params.end() && lower(format->second) == "flowed") {
      auto delsp = ct.params.find("delsp");
      lines = unflow(lines, delsp != ct.params.end() && lower(delsp->second) == "yes");
    }
    found.plain = std::move(lines);
  } else {
    found.html = std::move(lines);
  }
}

}  // namespace

std::pair<std::string_view, std::string_view> split_head_body(std::string_view raw) {
  // An empty line first: no headers at all.
  if (raw.starts_with("\r\n")) return {{}, raw.substr(2)};
  if (raw.starts_with("\n")) return {{}, raw.substr(1)};
  const auto crlf = raw.find("\r\n\r\n");
  const auto lf = raw.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return {raw, {}};
  if (lf != std::string_view::npos && (crlf == std::string_view::npos || lf < crlf)) {
    return {raw.substr(0, lf + 1), raw.substr(lf + 2)};
  }
  return {raw.substr(0, crlf + 2), raw.substr(crlf + 4)};
}

std::vector<Header> parse_headers(std::string_view block) {
  std::vector<Header> out;
  bool open = false;  // the last line began a header that a folded line may continue
  std::size_t pos = 0;
  while (pos < block.size() && out.size() < kMaxHeaders) {
    auto end = block.find('\n', pos);
    if (end == std::string_view::npos) end = block.size();
    std::string_view line = block.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    if (line.empty()) continue;
    if (line.front() == ' ' || line.front() == '\t') {
      if (open) out.back().value.append(line);
      continue;
    }
    const auto colon = line.find(':');
    const auto name = colon == std::string_view::npos ? std::string_view{} : trim(line.substr(0, colon));
    if (name.empty() || name.find_first_of(" \t") != std::string_view::npos) {
      open = false;
      continue;
    }
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    out.push_back({std::string(name), std::string(value)});
    open = true;
  }
  for (auto& h : out) {
    while (!h.value.empty() && space(h.value.back())) h.value.pop_back();
  }
  return out;
}

std::optional<std::string> find_header(const std::vector<Header>& headers, std::string_view name) {
  for (const auto& h : headers) {
    if (iequals(h.name, name)) return h.value;
  }
  return std::nullopt;
}

std::string decode_words(std::string_view value) {
  std::string out;
  std::size_t pos = 0;
  bool last_was_word = false;
  while (pos < value.size()) {
    const auto start = value.find("=?", pos);
    if (start == std::string_view::npos) {
      out.append(value.substr(pos));
      break;
    }
    // =?charset?B|Q?text?=
    const auto q1 = value.find('?', start + 2);
    const auto q2 = q1 == std::string_view::npos ? q1 : value.find('?', q1 + 1);
    const auto stop = q2 == std::string_view::npos ? q2 : value.find("?=", q2 + 1);
    std::optional<std::string> decoded;
    if (stop != std::string_view::npos && q2 == q1 + 2) {
      std::string charset = lower(value.substr(start + 2, q1 - start - 2));
      if (auto star = charset.find('*'); star != std::string::npos) charset.resize(star);
      const char enc = lower_char(value[q1 + 1]);
      const auto text = value.substr(q2 + 1, stop - q2 - 1);
      std::string bytes;
      if (enc == 'b') {
        bytes = decode_base64(text);
      } else if (enc == 'q') {
        for (std::size_t i = 0; i < text.size(); ++i) {
          if (text[i] == '_') {
            bytes += ' ';
          } else if (text[i] == '=' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                     hex_value(text[i + 2]) >= 0) {
            bytes += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
          } else {
            bytes += text[i];
          }
        }
      }
      if (enc == 'b' || enc == 'q') decoded = to_utf8(bytes, charset);
    }
    const std::string_view between = value.substr(pos, start - pos);
    if (decoded) {
      // Only whitespace between two encoded words is dropped (RFC 2047 section 6.2).
      if (!(last_was_word && trim(between).empty())) out.append(between);
      out.append(*decoded);
      pos = stop + 2;
      last_was_word = true;
    } else {
      out.append(value.substr(pos, start + 2 - pos));
      pos = start + 2;
      last_was_word = false;
    }
  }
  return clean_utf8(out);
}

ContentType parse_content_type(std::string_view value) {
  ContentType ct;
  std::vector<std::string> pieces;
  std::string current;
  bool quoted = false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (quoted && c == '\\' && i + 1 < value.size()) {
      current += value[++i];
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ';' && !quoted) {
      pieces.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  pieces.push_back(current);
  const std::string type = lower(trim(pieces.front()));
  const auto slash = type.find('/');
  if (slash != std::string::npos && slash > 0 && slash + 1 < type.size()) ct.type = type;
  for (std::size_t i = 1; i < pieces.size(); ++i) {
    const auto eq = pieces[i].find('=');
    if (eq == std::string::npos) continue;
    ct.params[lower(trim(std::string_view(pieces[i]).substr(0, eq)))] =
        std::string(trim(std::string_view(pieces[i]).substr(eq + 1)));
  }
  return ct;
}

std::string decode_quoted_printable(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c != '=') {
      out += c;
      continue;
    }
    // A soft line break: "=" then (optional spaces and) the line end.
    std::size_t j = i + 1;
    while (j < body.size() && (body[j] == ' ' || body[j] == '\t')) ++j;
    if (j < body.size() && (body[j] == '\r' || body[j] == '\n')) {
      if (body[j] == '\r' && j + 1 < body.size() && body[j + 1] == '\n') ++j;
      i = j;
      continue;
    }
    if (j == body.size()) break;
    if (i + 2 < body.size() && hex_value(body[i + 1]) >= 0 && hex_value(body[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(body[i + 1]) * 16 + hex_value(body[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string decode_base64(std::string_view body) {
  std::string out;
  out.reserve(body.size() * 3 / 4);
  unsigned int buffer = 0;
  int bits = 0;
  for (char c : body) {
    int v = -1;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    if (c >= '0' && c <= '9') v = c - '0' + 52;
    if (c == '+' || c == '-') v = 62;
    if (c == '/' || c == '_') v = 63;
    if (c == '=') break;
    if (v < 0) continue;
    buffer = (buffer << 6) | static_cast<unsigned int>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

std::optional<std::string> to_utf8(std::string_view bytes, std::string_view charset) {
  std::string cs = lower(trim(charset));
  if (cs.size() >= 2 && cs.front() == '"' && cs.back() == '"') cs = cs.substr(1, cs.size() - 2);
  if (cs.empty() || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii") return clean_utf8(bytes);
  const bool latin1 = cs == "iso-8859-1" || cs == "latin1" || cs == "iso_8859-1" || cs == "l1";
  const bool cp1252 = cs == "windows-1252" || cs == "cp1252";
  if (!latin1 && !cp1252) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    char32_t cp = c;
    if (cp1252 && c >= 0x80 && c < 0xA0 && kCp1252[c - 0x80] != 0) cp = kCp1252[c - 0x80];
    append_utf8(out, cp);
  }
  return out;
}

std::string first_address(std::string_view value) {
  // "Name <a@b>": the address is in the angle brackets (a quoted name may hold '<' too: skip quoted parts).
  bool quoted = false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && quoted) {
      ++i;
    } else if (value[i] == '"') {
      quoted = !quoted;
    } else if (value[i] == '<' && !quoted) {
      const auto close = value.find('>', i);
      if (close == std::string_view::npos) return "";
      const auto address = trim(value.substr(i + 1, close - i - 1));
      if (address.find('@') == std::string_view::npos) return "";
      return lower(address);
    } else if (value[i] == ',' && !quoted) {
      value = value.substr(0, i);
      break;
    }
  }
  // A bare address, perhaps with a comment after it: "a@b (Name)".
  auto v = trim(value);
  if (auto paren = v.find('('); paren != std::string_view::npos) v = trim(v.substr(0, paren));
  if (v.find('@') == std::string_view::npos || v.find_first_of(" \t\"") != std::string_view::npos) return "";
  return lower(v);
}

Message parse(std::string_view raw) {
  Message m;
  auto [head, body] = split_head_body(raw);
  (void)body;
  m.headers = parse_headers(head);
  m.from = first_address(find_header(m.headers, "From").value_or(""));
  m.subject = decode_words(find_header(m.headers, "Subject").value_or(""));
  auto id = std::string(trim(find_header(m.headers, "Message-ID").value_or("")));
  if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
  m.message_id = std::move(id);
  Found found;
  walk(raw, 0, found);
  if (found.plain) {
    m.text = std::move(*found.plain);
  } else if (found.html) {
    m.text = html_to_text(*found.html);
    m.from_html = true;
  } else if (!found.refused_charset.empty()) {
    m.problem = Problem::charset;
    m.detail = found.refused_charset;
  } else {
    m.problem = found.malformed ? Problem::malformed : Problem::no_text;
  }
  return m;
}

}  // namespace roundtable::mail::mime
