#include "markdown/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "http/form.hpp"

namespace roundtable::markdown {

namespace {

// cmark-gfm's extensions live in a process-wide registry that is not safe to fill from two threads at once: it is
// filled once, under the guard of a function-local static, and only read afterwards.
struct Extensions {
  cmark_syntax_extension* autolink = nullptr;
  cmark_syntax_extension* strikethrough = nullptr;
};

const Extensions& extensions() {
  static const Extensions e = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return Extensions{cmark_find_syntax_extension("autolink"), cmark_find_syntax_extension("strikethrough")};
  }();
  return e;
}

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using Document = std::unique_ptr<cmark_node, NodeFree>;

struct IterFree {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
using Iter = std::unique_ptr<cmark_iter, IterFree>;

/// The first kMaxSourceBytes of s, not cutting a UTF-8 character in two.
std::string_view bounded(std::string_view s) {
  if (s.size() <= kMaxSourceBytes) return s;
  size_t n = kMaxSourceBytes;
  for (int back = 0; back < 3 && n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80; ++back) --n;
  return s.substr(0, n);
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

/// source with a backslash before the container marker ('>', a bullet "- ", "+ ", "* ", or the '.' or ')' of "12. ")
/// that would open the (kMaxBlockDepth + 1)th block quote or list on a line, so it is text instead. cmark-gfm checks,
/// for every node it adds, that the node is not one of its new parent's ancestors, walking up to the root: in a
/// tree 50,000 block quotes deep ('>' repeated), a paragraph of 16,000 emphases took 11 seconds. Nesting deeper
/// through indentation alone ("- a", "  - b", "    - c"…) costs ever longer lines, so a source of kMaxSourceBytes
/// cannot nest more than a few hundred deep that way.
std::string limit_nesting(std::string_view source) {
  std::string out;
  out.reserve(source.size() + 64);
  size_t i = 0;
  const size_t n = source.size();
  while (i < n) {
    int markers = 0;
    // The line's prefix of container markers.
    while (i < n) {
      char c = source[i];
      size_t marker_end = i;  // where the marker's last character is, when it is one
      bool marker = false;
      if (is_blank(c)) {
        out.push_back(c);
        ++i;
        continue;
      }
      if (c == '>') {
        marker = true;
      } else if ((c == '-' || c == '+' || c == '*') && i + 1 < n && is_blank(source[i + 1])) {
        marker = true;
      } else if (c >= '0' && c <= '9') {
        size_t j = i;
        while (j < n && j - i < 9 && source[j] >= '0' && source[j] <= '9') ++j;
        if (j < n && (source[j] == '.' || source[j] == ')') && j + 1 < n && is_blank(source[j + 1])) {
          marker = true;
          marker_end = j;
        }
      }
      if (!marker) break;
      if (++markers > kMaxBlockDepth) {
        out.append(source.substr(i, marker_end - i));
        out.push_back('\\');
        i = marker_end;
        break;
      }
      out.append(source.substr(i, marker_end + 1 - i));
      i = marker_end + 1;
    }
    // The rest of the line.
    size_t eol = source.find('\n', i);
    eol = eol == std::string_view::npos ? n : eol + 1;
    out.append(source.substr(i, eol - i));
    i = eol;
  }
  return out;
}

Document parse(std::string_view source) {
  std::string limited = limit_nesting(bounded(source));
  const Extensions& ext = extensions();
  // CMARK_OPT_VALIDATE_UTF8: invalid UTF-8 becomes U+FFFD (NUL always does).
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8);
  if (ext.autolink) cmark_parser_attach_syntax_extension(parser, ext.autolink);
  if (ext.strikethrough) cmark_parser_attach_syntax_extension(parser, ext.strikethrough);
  cmark_parser_feed(parser, limited.data(), limited.size());
  Document doc;
  {
    // cmark-gfm 0.29.0.gfm.6 adds the extensions' special characters ('~', ':', 'w') to a process-wide table before
    // it parses inlines, in cmark_parser_finish, and takes them out after (blocks.c, process_inlines), so two at
    // once race on it: one at a time. The longest source takes milliseconds; the slowest we know (ADR 0021) under a
    // second.
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    doc.reset(cmark_parser_finish(parser));
  }
  cmark_parser_free(parser);
  return doc;
}

std::string_view str(const char* s) { return s ? std::string_view(s) : std::string_view(); }

bool is_strikethrough(cmark_node* node) {
  const Extensions& ext = extensions();
  return ext.strikethrough && cmark_node_get_syntax_extension(node) == ext.strikethrough &&
         cmark_node_get_type(node) != CMARK_NODE_TEXT;
}

enum class Target { refused, local, external };

bool equals_lower(std::string_view s, std::string_view lower) {
  return s.size() == lower.size() && std::equal(s.begin(), s.end(), lower.begin(), [](char a, char b) {
           return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
         });
}

/// What a link may point to. cmark has already decoded entities and backslash escapes in the address, so
/// "&#x6A;avascript:" arrives here as "javascript:".
Target classify(std::string_view url) {
  if (url.empty() || url.size() > 2048) return Target::refused;
  // Browsers drop tabs and line breaks inside an address and spaces around it ("java\tscript:"); we allow none.
  for (unsigned char c : url)
    if (c <= 0x20 || c == 0x7f) return Target::refused;
  if (url.front() == '/') return http::is_local_path(url) ? Target::local : Target::refused;
  size_t colon = url.find(':');
  if (colon == std::string_view::npos) return Target::refused;
  std::string_view scheme = url.substr(0, colon), rest = url.substr(colon + 1);
  if ((equals_lower(scheme, "http") || equals_lower(scheme, "https")) && rest.starts_with("//") && rest.size() > 2)
    return Target::external;
  if (equals_lower(scheme, "mailto") && !rest.empty()) return Target::external;
  return Target::refused;
}

/// The element a container opened, closed when the walk leaves it.
enum class Close : unsigned char { none, p, h, ul, ol, li, blockquote, em, strong, del, a };

class HtmlWalker {
 public:
  HtmlWalker(view::Html& out, const Options& options) : out_(out), top_(std::clamp(options.top_heading_level, 1, 6)) {}

  void walk(cmark_node* root) {
    Iter iter(cmark_iter_new(root));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      if (ev == CMARK_EVENT_ENTER)
        enter(node);
      else
        exit(node);
    }
  }

 private:
  // Leaf nodes (no children) have an enter event only; every other node an enter and an exit.
  static bool is_leaf(cmark_node_type t) {
    switch (t) {
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_THEMATIC_BREAK:
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_TEXT:
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE: return true;
      default: return false;
    }
  }

  void enter(cmark_node* node) {
    cmark_node_type type = cmark_node_get_type(node);
    if (is_leaf(type)) return leaf(node, type);
    if (type == CMARK_NODE_DOCUMENT) return;
    Close close = Close::none;
    if (type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST) {
      ++block_depth_;
      if (block_depth_ <= kMaxBlockDepth) close = open_block(node, type);
    } else if (type == CMARK_NODE_ITEM) {
      // An item belongs to its list: it has its element when its list has.
      if (block_depth_ <= kMaxBlockDepth) {
        out_.raw("<li>");
        close = Close::li;
      }
    } else if (type == CMARK_NODE_PARAGRAPH) {
      if (!in_tight_list(node)) {
        out_.raw("<p class=\"govuk-body\">");
        close = Close::p;
      }
    } else if (type == CMARK_NODE_HEADING) {
      out_.raw("<h").number(heading_for(node));
      out_.raw_if(cmark_node_get_heading_level(node) <= 1, " class=\"govuk-heading-m\">",
                  " class=\"govuk-heading-s\">");
      close = Close::h;
    } else if (type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK ||
               is_strikethrough(node)) {
      ++inline_depth_;
      if (inline_depth_ <= kMaxInlineDepth && image_depth_ == 0) close = open_inline(node, type);
    } else if (type == CMARK_NODE_IMAGE) {
      ++image_depth_;
    }
    // Anything else (an extension's node we did not ask for) shows its content only.
    closes_.push_back(close);
  }

  void exit(cmark_node* node) {
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_DOCUMENT) return;
    if (type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST) --block_depth_;
    if (type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK || is_strikethrough(node))
      --inline_depth_;
    if (type == CMARK_NODE_IMAGE) --image_depth_;
    Close close = closes_.back();
    closes_.pop_back();
    switch (close) {
      case Close::none: break;
      case Close::p: out_.raw("</p>\n"); break;
      case Close::h: out_.raw("</h").number(heading_for(node)).raw(">\n"); break;
      case Close::ul: out_.raw("</ul>\n"); break;
      case Close::ol: out_.raw("</ol>\n"); break;
      case Close::li: out_.raw("</li>\n"); break;
      case Close::blockquote: out_.raw("</blockquote>\n"); break;
      case Close::em: out_.raw("</em>"); break;
      case Close::strong: out_.raw("</strong>"); break;
      case Close::del: out_.raw("</del>"); break;
      case Close::a:
        out_.raw("</a>");
        --open_links_;
        break;
    }
  }

  int heading_for(cmark_node* node) const {
    return std::min(6, top_ + std::max(cmark_node_get_heading_level(node), 1) - 1);
  }

  Close open_block(cmark_node* node, cmark_node_type type) {
    if (type == CMARK_NODE_BLOCK_QUOTE) {
      out_.raw("<blockquote class=\"govuk-inset-text\">\n");
      return Close::blockquote;
    }
    if (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST) {
      out_.raw("<ol class=\"govuk-list govuk-list--number\"");
      if (int start = cmark_node_get_list_start(node); start != 1) out_.raw(" start=\"").number(start).raw("\"");
      out_.raw(">\n");
      return Close::ol;
    }
    out_.raw("<ul class=\"govuk-list govuk-list--bullet\">\n");
    return Close::ul;
  }

  Close open_inline(cmark_node* node, cmark_node_type type) {
    if (type == CMARK_NODE_EMPH) {
      out_.raw("<em>");
      return Close::em;
    }
    if (type == CMARK_NODE_STRONG) {
      out_.raw("<strong>");
      return Close::strong;
    }
    if (type != CMARK_NODE_LINK) {
      out_.raw("<del>");
      return Close::del;
    }
    std::string_view url = str(cmark_node_get_url(node));
    Target target = classify(url);
    // A link inside a link is not valid HTML: the inner one shows its text.
    if (target == Target::refused || open_links_ > 0) return Close::none;
    out_.raw("<a class=\"govuk-link\" href=\"").text(url).raw("\"");
    out_.raw_if(target == Target::external, " rel=\"nofollow ugc noopener\"");
    if (std::string_view title = str(cmark_node_get_title(node)); !title.empty())
      out_.raw(" title=\"").text(title).raw("\"");
    out_.raw(">");
    // A link needs words: "[](https://x)" shows its address.
    if (!cmark_node_first_child(node)) out_.text(url);
    ++open_links_;
    return Close::a;
  }

  void leaf(cmark_node* node, cmark_node_type type) {
    std::string_view literal = str(cmark_node_get_literal(node));
    switch (type) {
      case CMARK_NODE_TEXT: out_.text(literal); break;
      case CMARK_NODE_SOFTBREAK: out_.raw("\n"); break;
      case CMARK_NODE_LINEBREAK:
        if (image_depth_ > 0)
          out_.raw("\n");
        else
          out_.raw("<br>\n");
        break;
      case CMARK_NODE_CODE:
        if (image_depth_ > 0)
          out_.text(literal);
        else
          out_.raw("<code>").text(literal).raw("</code>");
        break;
      case CMARK_NODE_HTML_INLINE: out_.text(literal); break;
      case CMARK_NODE_CODE_BLOCK:
        out_.raw("<pre class=\"rt-code-block\"><code>").text(literal).raw("</code></pre>\n");
        break;
      case CMARK_NODE_HTML_BLOCK:
        // What the person typed, as text; the block's last line break is not part of it.
        if (literal.ends_with('\n')) literal.remove_suffix(1);
        out_.raw("<p class=\"govuk-body rt-pre-line\">").text(literal).raw("</p>\n");
        break;
      case CMARK_NODE_THEMATIC_BREAK:
        out_.raw("<hr class=\"govuk-section-break govuk-section-break--m govuk-section-break--visible\">\n");
        break;
      default: break;
    }
  }

  /// A tight list's items hold their paragraphs' text directly (as long as the list has its elements).
  bool in_tight_list(cmark_node* paragraph) const {
    cmark_node* item = cmark_node_parent(paragraph);
    if (!item || cmark_node_get_type(item) != CMARK_NODE_ITEM) return false;
    cmark_node* list = cmark_node_parent(item);
    return list && block_depth_ <= kMaxBlockDepth && cmark_node_get_list_tight(list);
  }

  view::Html& out_;
  int top_;
  int block_depth_ = 0;
  int inline_depth_ = 0;
  int image_depth_ = 0;
  int open_links_ = 0;
  std::vector<Close> closes_;
};

class TextWalker {
 public:
  explicit TextWalker(std::string& out) : out_(out) {}

  void walk(cmark_node* root) {
    Iter iter(cmark_iter_new(root));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      cmark_node_type type = cmark_node_get_type(node);
      if (ev == CMARK_EVENT_ENTER)
        enter(node, type);
      else
        exit(node, type);
    }
    while (!out_.empty() && (out_.back() == '\n' || out_.back() == ' ')) out_.pop_back();
  }

 private:
  void enter(cmark_node* node, cmark_node_type type) {
    switch (type) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE: out_.append(str(cmark_node_get_literal(node))); break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out_.push_back('\n'); break;
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK:
        out_.append(str(cmark_node_get_literal(node)));
        end_block(false);
        break;
      case CMARK_NODE_THEMATIC_BREAK: end_block(false); break;
      case CMARK_NODE_LIST:
        numbers_.push_back(cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? cmark_node_get_list_start(node) : -1);
        break;
      case CMARK_NODE_ITEM:
        if (!out_.empty() && out_.back() != '\n') out_.push_back('\n');
        // Two spaces for each list it is in, as deep as an HTML list would be.
        if (!numbers_.empty()) out_.append(2 * (std::min<size_t>(numbers_.size(), kMaxBlockDepth) - 1), ' ');
        if (numbers_.empty() || numbers_.back() < 0) {
          out_.append("- ");
        } else {
          out_.append(std::to_string(numbers_.back()++)).append(". ");
        }
        break;
      case CMARK_NODE_LINK: link_starts_.push_back(out_.size()); break;
      default: break;
    }
  }

  void exit(cmark_node* node, cmark_node_type type) {
    switch (type) {
      case CMARK_NODE_PARAGRAPH: end_block(tight(node)); break;
      case CMARK_NODE_HEADING:
      case CMARK_NODE_BLOCK_QUOTE: end_block(false); break;
      case CMARK_NODE_LIST:
        numbers_.pop_back();
        end_block(false);
        break;
      case CMARK_NODE_LINK: {
        size_t start = link_starts_.back();
        link_starts_.pop_back();
        std::string_view url = str(cmark_node_get_url(node));
        if (classify(url) != Target::external) break;
        std::string_view text = std::string_view(out_).substr(start);
        bool same = text == url || (url.starts_with("mailto:") && url.substr(7) == text) ||
                    (url.starts_with("http://") && url.substr(7) == text);
        if (!same) out_.append(" (").append(url.starts_with("mailto:") ? url.substr(7) : url).append(")");
        break;
      }
      default: break;
    }
  }

  static bool tight(cmark_node* paragraph) {
    cmark_node* item = cmark_node_parent(paragraph);
    if (!item || cmark_node_get_type(item) != CMARK_NODE_ITEM) return false;
    cmark_node* list = cmark_node_parent(item);
    return list && cmark_node_get_list_tight(list);
  }

  /// Ends a block: one line break after it (in a tight list) or a blank line.
  void end_block(bool tight) {
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    if (out_.empty()) return;
    out_.append(tight ? "\n" : "\n\n");
  }

  std::string& out_;
  std::vector<long long> numbers_;
  std::vector<size_t> link_starts_;
};

}  // namespace

namespace {

void render_now(view::Html& out, std::string_view source, const Options& options) {
  Document doc = parse(source);
  if (!doc) return;
  HtmlWalker(out, options).walk(doc.get());
}

/// Rendered documents kept by their source and options: a group's page shows the same few documents on every
/// request, and parsing them was most of its cost (docs/PERFORMANCE.md); short ones too (cmark-gfm's parser costs
/// ~14,000 instructions to set up, more than a page's look-up). The output depends on nothing else, so a
/// kept copy is always right. Bounded by kCacheBytes (emptied when full: simple, and the next requests refill it).
struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
constexpr std::size_t kCacheBytes = 8u << 20;
std::mutex cache_mutex;
std::unordered_map<std::string, std::shared_ptr<const view::Html>, TransparentHash, std::equal_to<>> cache;
std::size_t cache_bytes = 0;

}  // namespace

void render(view::Html& out, std::string_view source, const Options& options) {
  std::string key;
  key.reserve(source.size() + 2);
  key.push_back(static_cast<char>('0' + std::clamp(options.top_heading_level, 1, 6)));
  key.push_back('\n');
  key.append(source);
  {
    std::lock_guard lock(cache_mutex);
    if (auto it = cache.find(std::string_view(key)); it != cache.end()) {
      out.append(*it->second);
      return;
    }
  }
  auto rendered = std::make_shared<view::Html>();
  render_now(*rendered, source, options);
  out.append(*rendered);
  const std::size_t size = key.size() + rendered->str().size();
  std::lock_guard lock(cache_mutex);
  if (cache_bytes + size > kCacheBytes) {
    cache.clear();
    cache_bytes = 0;
  }
  if (size <= kCacheBytes && cache.emplace(std::move(key), std::move(rendered)).second) cache_bytes += size;
}

std::string to_plain_text(std::string_view source) {
  std::string out;
  Document doc = parse(source);
  if (!doc) return out;
  TextWalker(out).walk(doc.get());
  return out;
}

}  // namespace roundtable::markdown
