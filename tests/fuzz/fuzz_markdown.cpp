// Fuzzes markdown::render and markdown::to_plain_text (cmark-gfm's parser and our walker). The whole input is the
// Markdown source. Properties:
//  - both outputs are valid UTF-8, whatever the input;
//  - every '<' in the HTML starts one of the elements the walker writes (no markup from the input), and every one of
//    them is closed in order;
//  - every href is a local path ("/x", not "//x") or an http://, https:// or mailto: address, and holds no quote,
//    '<', '>', space or control character;
//  - no element nests deeper than the walker's limits.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "http/form.hpp"
#include "markdown/markdown.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

constexpr std::string_view kTags[] = {"p",  "h1",         "h2", "h3",     "h4",  "h5", "h6",   "ul", "ol",
                                      "li", "blockquote", "em", "strong", "del", "a",  "code", "pre"};
constexpr std::string_view kVoid[] = {"br>",
                                      "hr class=\"govuk-section-break govuk-section-break--m "
                                      "govuk-section-break--visible\">"};

bool lower_starts_with(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

void check_href(std::string_view rest) {
  // rest starts just after href=", and the value was escaped by view::Html.
  size_t end = rest.find('"');
  check(end != std::string_view::npos);
  std::string_view href = rest.substr(0, end);
  check(!href.empty());
  for (unsigned char c : href) check(c > 0x20 && c != 0x7f && c != '<' && c != '>' && c != '\'');
  bool local = href[0] == '/' && (href.size() == 1 || (href[1] != '/' && href[1] != '\\'));
  check(local || lower_starts_with(href, "http://") || lower_starts_with(href, "https://") ||
        lower_starts_with(href, "mailto:"));
}

void check_html(std::string_view html) {
  std::vector<std::string_view> open;
  int blocks = 0, inlines = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    std::string_view rest = html.substr(i + 1);
    bool closing = rest.starts_with("/");
    if (closing) rest.remove_prefix(1);
    bool is_void = false;
    for (std::string_view v : kVoid) is_void = is_void || (!closing && rest.starts_with(v));
    if (is_void) continue;
    std::string_view tag;
    for (std::string_view t : kTags) {
      if (rest.starts_with(t) && rest.size() > t.size() && (rest[t.size()] == '>' || rest[t.size()] == ' ')) tag = t;
    }
    check(!tag.empty());
    bool block = tag == "ul" || tag == "ol" || tag == "blockquote";
    bool in = tag == "em" || tag == "strong" || tag == "del" || tag == "a";
    if (closing) {
      check(!open.empty() && open.back() == tag);
      open.pop_back();
      blocks -= block;
      inlines -= in;
    } else {
      open.push_back(tag);
      blocks += block;
      inlines += in;
      check(blocks <= roundtable::markdown::kMaxBlockDepth && inlines <= roundtable::markdown::kMaxInlineDepth);
      if (tag == "a") {
        size_t href = rest.find("href=\"");
        check(href != std::string_view::npos && href < rest.find('>'));
        check_href(rest.substr(href + 6));
      }
    }
  }
  check(open.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  roundtable::view::Html h;
  roundtable::markdown::render(h, source);
  check(roundtable::http::is_valid_utf8(h.str()));
  check_html(h.str());
  check(roundtable::http::is_valid_utf8(roundtable::markdown::to_plain_text(source)));
  roundtable::view::Html shifted;
  roundtable::markdown::render(shifted, source, {.top_heading_level = 1});
  check_html(shifted.str());
  return 0;
}
