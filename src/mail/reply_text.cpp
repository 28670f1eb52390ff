#include "mail/reply_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace roundtable::mail {

namespace {

char lower_char(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower_char(c);
  return out;
}

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
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

struct Entity {
  std::string_view name;
  unsigned long cp;
};
constexpr std::array<Entity, 24> kEntities = {
    {{"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},    {"nbsp", ' '},
     {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
     {"rdquo", 0x201D}, {"pound", 0xA3},   {"euro", 0x20AC},   {"copy", 0xA9},    {"reg", 0xAE},     {"bull", 0x2022},
     {"middot", 0xB7},  {"shy", 0xAD},     {"trade", 0x2122},  {"zwnj", 0x200C},  {"zwj", 0x200D},   {"deg", 0xB0}}};

/// Builds the text line by line, so a blockquote's lines can start with "> ".
class TextOut {
 public:
  void text(std::string_view s, bool pre) {
    for (char c : s) {
      if (pre) {
        if (c == '\n') {
          newline();
        } else {
          put(c);
        }
        continue;
      }
      if (blank(c)) {
        space_ = true;
        continue;
      }
      if (space_ && !line_.empty() && !line_start_) put(' ');
      space_ = false;
      put(c);
    }
  }
  /// Text already decoded (an entity): never markup.
  void decoded(std::string_view s) {
    if (s == " ") {
      space_ = true;
      return;
    }
    text(s, false);
  }
  void newline() {
    out_ += line_;
    out_ += '\n';
    line_.clear();
    line_start_ = true;
    space_ = false;
  }
  /// Ends the line unless it is empty already.
  void line_break() {
    if (!line_.empty()) newline();
  }
  void paragraph() {
    if (!line_.empty()) newline();
    if (!out_.ends_with("\n\n") && !out_.empty()) out_ += '\n';
  }
  int quote_depth = 0;

  std::string finish() {
    if (!line_.empty()) newline();
    // Trailing spaces off every line, at most one empty line in a row, none at the ends.
    std::string result;
    std::size_t pos = 0;
    int empties = 0;
    while (pos < out_.size()) {
      auto end = out_.find('\n', pos);
      if (end == std::string::npos) end = out_.size();
      std::string_view line(out_.data() + pos, end - pos);
      while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
      const bool empty = line.empty() || line == ">";
      if (empty) {
        ++empties;
      } else {
        if (!result.empty()) result += empties > 0 ? "\n\n" : "\n";
        empties = 0;
        result.append(line);
      }
      pos = end + 1;
    }
    return result;
  }

 private:
  void put(char c) {
    if (line_start_) {
      for (int i = 0; i < quote_depth; ++i) line_ += "> ";
      line_start_ = false;
    }
    line_ += c;
  }
  std::string out_;
  std::string line_;
  bool line_start_ = true;
  bool space_ = false;
};

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (auto n : names) {
    if (n == name) return true;
  }
  return false;
}

/// The position just after the closing tag `</name ...>` from `from`, or the end.
std::size_t skip_element(std::string_view html, std::size_t from, std::string_view name) {
  const std::string lowered = lower(html.substr(from));
  const std::string closing = "</" + std::string(name);
  auto at = lowered.find(closing);
  if (at == std::string::npos) return html.size();
  auto end = lowered.find('>', at);
  return end == std::string::npos ? html.size() : from + end + 1;
}

}  // namespace

std::string html_to_text(std::string_view html) {
  TextOut out;
  int pre = 0;
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      if (html.substr(i, 4) == "<!--") {
        auto end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      // The tag's name, then to its '>' (a quoted attribute may hold one).
      std::size_t j = i + 1;
      const bool closing = j < html.size() && html[j] == '/';
      if (closing) ++j;
      std::size_t name_start = j;
      while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '!')) ++j;
      const std::string name = lower(html.substr(name_start, j - name_start));
      char quote = 0;
      while (j < html.size() && (quote || html[j] != '>')) {
        if (quote && html[j] == quote) {
          quote = 0;
        } else if (!quote && (html[j] == '"' || html[j] == '\'')) {
          quote = html[j];
        }
        ++j;
      }
      i = j < html.size() ? j + 1 : html.size();
      if (name.empty()) {
        if (!closing && name_start == i - 1) out.text("<", false);
        continue;
      }
      if (!closing && is_one_of(name, {"script", "style", "head", "title", "template"})) {
        i = skip_element(html, i, name);
        continue;
      }
      if (name == "br") {
        out.newline();
      } else if (name == "blockquote") {
        out.paragraph();
        out.quote_depth = std::max(0, out.quote_depth + (closing ? -1 : 1));
      } else if (name == "pre") {
        out.paragraph();
        pre = std::max(0, pre + (closing ? -1 : 1));
      } else if (name == "li") {
        if (!closing) {
          out.line_break();
          out.text("- ", true);
        }
      } else if (is_one_of(name, {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr"})) {
        out.paragraph();
      } else if (is_one_of(name, {"div", "tr", "section", "article", "header", "footer", "dd", "dt"})) {
        out.line_break();
      }
      continue;
    }
    if (c == '&') {
      const auto semi = html.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        const auto ref = html.substr(i + 1, semi - i - 1);
        std::string decoded;
        if (ref.size() > 1 && ref[0] == '#') {
          unsigned long cp = 0;
          bool ok = true;
          const bool hex = ref[1] == 'x' || ref[1] == 'X';
          for (char d : ref.substr(hex ? 2 : 1)) {
            int v = (d >= '0' && d <= '9')          ? d - '0'
                    : hex && (d >= 'a' && d <= 'f') ? d - 'a' + 10
                    : hex && (d >= 'A' && d <= 'F') ? d - 'A' + 10
                                                    : -1;
            if (v < 0 || cp > 0x10FFFF) ok = false;
            if (ok) cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
          }
          if (ok && ref.size() > (hex ? 2u : 1u)) append_utf8(decoded, cp == 0xA0 ? ' ' : cp);
        } else {
          for (const auto& e : kEntities) {
            if (e.name == ref) append_utf8(decoded, e.cp);
          }
        }
        if (!decoded.empty()) {
          if (decoded == "\xC2\xAD") decoded.clear();  // a soft hyphen shows nothing
          out.decoded(decoded);
          i = semi + 1;
          continue;
        }
      }
    }
    auto next = html.find_first_of("<&", i + 1);
    if (next == std::string_view::npos) next = html.size();
    out.text(html.substr(i, next - i), pre > 0);
    i = next;
  }
  return out.finish();
}

namespace {

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  for (auto p : prefixes) {
    if (s.starts_with(p)) return true;
  }
  return false;
}

/// "*From:*" (bold, from HTML turned into text) reads as "From:".
std::string plain_label(std::string_view line) {
  std::string out;
  for (char c : trim(line)) {
    if (c != '*') out += c;
  }
  return lower(out);
}

bool attribution_end(std::string_view joined) {
  const std::string l = lower(trim(joined));
  return l.ends_with("wrote:") || l.ends_with("ysgrifennodd:");
}

}  // namespace

std::string trim_reply(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    pos = end + 1;
  }
  std::vector<std::string_view> kept;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto line = lines[i];
    const auto t = trim(line);
    const std::string label = plain_label(line);
    if (line == "-- " || line == "--") break;
    if (starts_with_any(label, {"-----original message", "----- original message", "-----neges wreiddiol"})) break;
    if (t.starts_with("________________") || label.starts_with("from:") || label.starts_with("oddi wrth:")) {
      // Outlook's block: From: / Sent: / To: / Subject: lines (after a rule, or on their own).
      bool block = false;
      for (std::size_t k = i + 1; k < lines.size() && k <= i + 5; ++k) {
        const auto next = plain_label(lines[k]);
        if (starts_with_any(next, {"sent:", "date:", "to:", "subject:", "anfonwyd:", "at:", "pwnc:"})) block = true;
      }
      if (block) break;
    }
    if (starts_with_any(label, {"on ", "ar "})) {
      // "On <date>, <name> wrote:", which mail programs may wrap over two or three lines.
      std::string joined(t);
      bool attribution = attribution_end(joined);
      for (std::size_t k = i + 1; !attribution && k < lines.size() && k <= i + 2; ++k) {
        joined += " ";
        joined += trim(lines[k]);
        attribution = attribution_end(joined);
      }
      if (attribution) break;
    }
    if (t.starts_with(">")) continue;
    kept.push_back(line);
  }
  // A closing "Sent from my iPhone" is the mail program's, not the person's.
  auto drop_blank_end = [&] {
    while (!kept.empty() && trim(kept.back()).empty()) kept.pop_back();
  };
  drop_blank_end();
  if (!kept.empty() &&
      starts_with_any(plain_label(kept.back()), {"sent from my ", "get outlook for ", "anfonwyd o fy "})) {
    kept.pop_back();
    drop_blank_end();
  }
  std::size_t first = 0;
  while (first < kept.size() && trim(kept[first]).empty()) ++first;
  std::string out;
  int empties = 0;
  for (std::size_t i = first; i < kept.size(); ++i) {
    std::string_view line = kept[i];
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) {
      ++empties;
      continue;
    }
    if (!out.empty()) out += empties > 0 ? "\n\n" : "\n";
    empties = 0;
    out.append(line);
  }
  return out;
}

}  // namespace roundtable::mail
