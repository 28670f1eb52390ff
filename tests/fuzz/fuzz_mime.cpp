// Fuzzes the MIME reader of email in and the reply trimming. The whole input is a message as a mail server hands it
// over. Properties:
//  - parse never fails and its text, subject and From address are valid UTF-8 (nothing undecoded passes through);
//  - the From address is lowercase and holds an '@' when not empty;
//  - a message with a problem has no text;
//  - html_to_text's output is no more than a few times the input (entities and "> " prefixes only add a little);
//  - trim_reply's output is made of the input's lines, has no line starting with '>' and no blank line at either end.
#include <cstdint>
#include <string>
#include <string_view>

#include "mail/mime.hpp"
#include "mail/reply_text.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  const auto m = roundtable::mail::mime::parse(raw);
  check(valid_utf8(m.text) && valid_utf8(m.subject));
  if (!m.from.empty()) check(m.from.find('@') != std::string::npos);
  for (char c : m.from) check(!(c >= 'A' && c <= 'Z'));
  if (m.problem != roundtable::mail::mime::Problem::none) check(m.text.empty());

  const auto text = roundtable::mail::html_to_text(raw);
  check(text.size() <= raw.size() * 4 + 16);
  const auto trimmed = roundtable::mail::trim_reply(m.text);
  check(trimmed.size() <= m.text.size());
  check(trimmed.empty() || (trimmed.front() != '\n' && trimmed.back() != '\n'));
  std::size_t pos = 0;
  while (pos <= trimmed.size()) {
    auto end = trimmed.find('\n', pos);
    if (end == std::string::npos) end = trimmed.size();
    const std::string_view line(trimmed.data() + pos, end - pos);
    std::size_t k = 0;
    while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
    check(k == line.size() || line[k] != '>');
    if (end == trimmed.size()) break;
    pos = end + 1;
  }
  return 0;
}
