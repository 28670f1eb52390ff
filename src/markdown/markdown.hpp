/// Markdown that people write (a group's terms of reference, ground rules, later discussion posts) turned into safe
/// HTML styled with GOV.UK Frontend classes, or into plain text. See docs/architecture.md ("Markdown") and ADR 0021.
///
/// The source is parsed by cmark-gfm (CommonMark with GFM's autolink and strikethrough extensions; no tables, no
/// footnotes, no task lists) into a tree that our own walker turns into HTML through view::Html, so every piece of
/// text is escaped and every element and attribute is one we wrote:
///  - paragraphs `<p class="govuk-body">`; headings shifted so the document's top level is Options::top_heading_level
///    (`govuk-heading-m` for the top level, `govuk-heading-s` below it), never deeper than h6;
///  - lists `<ul class="govuk-list govuk-list--bullet">` and `<ol class="govuk-list govuk-list--number">` (with
///    `start` when it is not 1); the items of a tight list hold their text without `<p>`;
///  - links `<a class="govuk-link">` only to http:, https: and mailto: addresses (these get
///    `rel="nofollow ugc noopener"`) and to local paths ("/x", as http::is_local_path allows); any other target
///    (javascript:, data:, "//host", a relative "x", an address with spaces or control characters) is shown as the
///    link's text, not a link;
///  - emphasis `<em>`, strong `<strong>`, strikethrough `<del>`, inline code `<code>`, code blocks
///    `<pre class="rt-code-block"><code>`, block quotes `<blockquote class="govuk-inset-text">`, thematic breaks
///    `<hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible">`, hard breaks `<br>`,
///    soft breaks a newline;
///  - raw HTML, in a block or inline, is shown as the text the person typed, never as markup;
///  - images are never loaded (the CSP allows no remote images): an image is shown as its alt text, as plain text.
///
/// Bounds, so hostile input cannot take long or make huge output: only the first kMaxSourceBytes of the source are
/// read (forms should refuse longer text, so nothing is cut silently); block quotes and lists nested deeper than
/// kMaxBlockDepth, and emphasis, strikethrough and links nested deeper than kMaxInlineDepth, keep their text but lose
/// their elements (before parsing, a backslash goes before a line's (kMaxBlockDepth + 1)th '>' or list marker, which
/// shows in the rare code block whose line starts with that many). The walk uses cmark's iterator, so deep trees do not
/// use the stack. Invalid UTF-8 and NUL bytes become U+FFFD, so the output is valid UTF-8 whatever the input.
///
/// Safe to call from any thread; cmark-gfm's parse itself runs one at a time (a process-wide table it changes while
/// it parses), the walk does not.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "view/html.hpp"

namespace roundtable::markdown {

/// Only this many bytes of a source are read (100 KiB); the rest is ignored. Forms should refuse longer text.
inline constexpr std::size_t kMaxSourceBytes = 100 * 1024;
/// Block quotes and lists nested deeper than this show their content without their own elements.
inline constexpr int kMaxBlockDepth = 16;
/// Emphasis, strong, strikethrough and links nested deeper than this show their text without their own elements.
inline constexpr int kMaxInlineDepth = 16;

struct Options {
  /// The element of the document's top-level heading ("# x"): 3 gives h3, and "## x" then gives h4 (1 to 6).
  int top_heading_level = 3;
};

/// Appends source, rendered as described above, to out. Documents of a few hundred bytes or more are kept rendered
/// (by source and options, up to 8 MB in all), so a page that shows the same documents on every request parses
/// them once.
void render(view::Html& out, std::string_view source, const Options& options = {});

/// The text of source without its markup, for search indexes and email bodies: blocks are separated by a blank line,
/// list items are on lines of their own starting "- " or "N. ", line breaks are kept, a link to an http, https or
/// mailto address is followed by the address in brackets when its text is not the address, images give their alt
/// text, raw HTML is kept as typed. Bounded as render() is; valid UTF-8.
std::string to_plain_text(std::string_view source);

}  // namespace roundtable::markdown
