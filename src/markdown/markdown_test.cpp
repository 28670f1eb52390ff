#include "markdown/markdown.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "http/form.hpp"

namespace roundtable::markdown {
namespace {

std::string html(std::string_view source, const Options& options = {}) {
  view::Html h;
  render(h, source, options);
  return h.take();
}

std::string repeat(std::string_view s, size_t times) {
  std::string out;
  out.reserve(s.size() * times);
  for (size_t i = 0; i < times; ++i) out.append(s);
  return out;
}

constexpr std::string_view kRel = R"( rel="nofollow ugc noopener")";
constexpr std::string_view kP = R"(<p class="govuk-body">)";

struct Case {
  std::string_view name;
  std::string_view source;
  std::string expected;
};

std::string p(std::string_view inner) { return std::string(kP) + std::string(inner) + "</p>\n"; }
std::string a(std::string_view href, std::string_view text, bool external = true) {
  return R"(<a class="govuk-link" href=")" + std::string(href) + "\"" + (external ? std::string(kRel) : "") + ">" +
         std::string(text) + "</a>";
}

TEST(MarkdownRender, Table) {
  const Case cases[] = {
      {"empty", "", ""},
      {"paragraphs", "One\ntwo\n\nThree", p("One\ntwo") + p("Three")},
      {"hard break", "one  \ntwo\\\nthree", p("one<br>\ntwo<br>\nthree")},
      {"emphasis", "*a* _b_ **c** __d__ ~~e~~ `f <g>`",
       p("<em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong> <del>e</del> <code>f &lt;g&gt;</code>")},
      {"headings from h3", "# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\nSetext\n===",
       "<h3 class=\"govuk-heading-m\">One</h3>\n<h4 class=\"govuk-heading-s\">Two</h4>\n"
       "<h5 class=\"govuk-heading-s\">Three</h5>\n<h6 class=\"govuk-heading-s\">Four</h6>\n"
       "<h6 class=\"govuk-heading-s\">Five</h6>\n<h6 class=\"govuk-heading-s\">Six</h6>\n"
       "<h3 class=\"govuk-heading-m\">Setext</h3>\n"},
      {"bullets, tight", "- a\n- b\n  - c",
       "<ul class=\"govuk-list govuk-list--bullet\">\n<li>a</li>\n<li>b<ul class=\"govuk-list govuk-list--bullet\">\n"
       "<li>c</li>\n</ul>\n</li>\n</ul>\n"},
      {"numbers, loose, start", "3. x\n\n4. *y*",
       "<ol class=\"govuk-list govuk-list--number\" start=\"3\">\n<li>" + p("x") + "</li>\n<li>" + p("<em>y</em>") +
           "</li>\n</ol>\n"},
      {"block quote", "> quote\n> more\n\nafter",
       "<blockquote class=\"govuk-inset-text\">\n" + p("quote\nmore") + "</blockquote>\n" + p("after")},
      {"thematic break", "a\n\n---\n\nb",
       p("a") + "<hr class=\"govuk-section-break govuk-section-break--m govuk-section-break--visible\">\n" + p("b")},
      {"fenced code", "```html\n<b>&amp;</b>\n```",
       "<pre class=\"rt-code-block\"><code>&lt;b&gt;&amp;amp;&lt;/b&gt;\n</code></pre>\n"},
      {"indented code", "    x < y\n", "<pre class=\"rt-code-block\"><code>x &lt; y\n</code></pre>\n"},
      {"entities and escapes", "&copy; &lt;b&gt; \\*not\\* 5 > 3 & \"q\" 'a'",
       p("© &lt;b&gt; *not* 5 &gt; 3 &amp; &quot;q&quot; &#39;a&#39;")},
      {"Welsh", "Croeso i’r grŵp: *ŵ ŷ â*", p("Croeso i’r grŵp: <em>ŵ ŷ â</em>")},

      // Links: http, https, mailto and local paths only.
      {"https link", "[GOV.UK](https://www.gov.uk/)", p(a("https://www.gov.uk/", "GOV.UK"))},
      {"http link, upper-case scheme", "[x](HTTP://example.org)", p(a("HTTP://example.org", "x"))},
      {"mailto link", "[write](mailto:a@example.org)", p(a("mailto:a@example.org", "write"))},
      {"local link", "[terms](/o/demo/terms?x=1&y=2#top)", p(a("/o/demo/terms?x=1&amp;y=2#top", "terms", false))},
      {"link with formatting", "[**big** `x`](/a)", p(a("/a", "<strong>big</strong> <code>x</code>", false))},
      {"link title escaped", R"md([x](https://e.org "t\"onmouseover=alert(1)"))md",
       p(R"md(<a class="govuk-link" href="https://e.org" rel="nofollow ugc noopener" title="t&quot;onmouseover=alert(1)">x</a>)md")},
      {"empty link text shows the address", "[](https://e.org)", p(a("https://e.org", "https://e.org"))},
      {"reference link", "[x][r]\n\n[r]: https://e.org/r", p(a("https://e.org/r", "x"))},
      {"angle autolink", "<https://e.org/a>", p(a("https://e.org/a", "https://e.org/a"))},
      {"bare URL autolink", "see www.example.org or https://e.org/a?b=1&c=2.",
       p("see " + a("http://www.example.org", "www.example.org") + " or " +
         a("https://e.org/a?b=1&amp;c=2", "https://e.org/a?b=1&amp;c=2") + ".")},
      {"email autolink", "ask a@example.org", p("ask " + a("mailto:a@example.org", "a@example.org"))},
      {"quotes in an address", "[x](https://e.org/\"><script>)", p(a("https://e.org/&quot;&gt;&lt;script&gt;", "x"))},
      {"quotes in an address, angle", "[x](<https://e.org/\"'>)", p(a("https://e.org/&quot;&#39;", "x"))},

      // Hostile links: shown as their text.
      {"javascript", "[x](javascript:alert(1))", p("x")},
      {"JAVASCRIPT", "[x](JAVASCRIPT:alert(1))", p("x")},
      {"space before javascript", "[x]( javascript:alert(1))", p("x")},
      {"entity javascript", "[x](&#x6A;avascript:alert(1))", p("x")},
      {"entity colon", "[x](javascript&#58;alert(1))", p("x")},
      {"backslash escape", "[x](java\\script:alert(1))", p("x")},
      {"tab inside", "[x](<java\tscript:alert(1)>)", p("x")},
      {"data", "[x](data:text/html;base64,PHNjcmlwdD4=)", p("x")},
      {"vbscript", "[x](vbscript:msgbox(1))", p("x")},
      {"protocol-relative", "[x](//evil.example)", p("x")},
      {"backslash host", "[x](/\\evil.example)", p("x")},
      {"relative", "[x](page.html) [y](#top) [z](?q=1)", p("x y z")},
      {"http without host", "[x](http:evil.example) [y](https://)", p("x y")},
      {"angle autolink javascript", "<javascript:alert(1)>", p("javascript:alert(1)")},
      {"bare javascript", "javascript:alert(1)", p("javascript:alert(1)")},
      {"reference javascript", "[x]\n\n[x]: javascript:alert(1)", p("x")},
      {"link in link", "[a [b](/b)](/a)", p("[a " + a("/b", "b", false) + "](/a)")},

      // Raw HTML is text.
      {"script block", "<script>alert(1)</script>",
       "<p class=\"govuk-body rt-pre-line\">&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
      {"html block", "<div onclick=\"x()\">\n*hi*\n</div>",
       "<p class=\"govuk-body rt-pre-line\">&lt;div onclick=&quot;x()&quot;&gt;\n*hi*\n&lt;/div&gt;</p>\n"},
      {"inline html", "a <img src=x onerror=alert(1)> b <!-- c -->",
       p("a &lt;img src=x onerror=alert(1)&gt; b &lt;!-- c --&gt;")},
      {"html comment block", "<!--\n-->", "<p class=\"govuk-body rt-pre-line\">&lt;!--\n--&gt;</p>\n"},

      // Images are never loaded: their alt text is shown.
      {"image", "![A *map* of `x`](https://e.org/map.png \"t\")", p("A map of x")},
      {"image in link", "[![logo](https://e.org/l.png)](https://e.org)", p(a("https://e.org", "logo"))},
      {"image javascript", "![x](javascript:alert(1))", p("x")},

      // What we do not turn on.
      {"no tables", "| a | b |\n|---|---|\n| c | d |", p("| a | b |\n|---|---|\n| c | d |")},
      {"no task lists", "- [ ] a", "<ul class=\"govuk-list govuk-list--bullet\">\n<li>[ ] a</li>\n</ul>\n"},
      // "[^1]: b" is a link reference definition (to "b", so not a link) and "[^1]" a link to it.
      {"no footnotes", "a[^1]\n\n[^1]: b", p("a^1")},
  };
  for (const Case& c : cases) EXPECT_EQ(html(c.source), c.expected) << c.name;
}

TEST(MarkdownRender, TopHeadingLevel) {
  EXPECT_EQ(html("# a\n## b", {.top_heading_level = 2}),
            "<h2 class=\"govuk-heading-m\">a</h2>\n<h3 class=\"govuk-heading-s\">b</h3>\n");
  EXPECT_EQ(html("# a", {.top_heading_level = 6}), "<h6 class=\"govuk-heading-m\">a</h6>\n");
  // Out of range: clamped to 1..6.
  EXPECT_EQ(html("# a", {.top_heading_level = 0}), "<h1 class=\"govuk-heading-m\">a</h1>\n");
  EXPECT_EQ(html("# a", {.top_heading_level = 99}), "<h6 class=\"govuk-heading-m\">a</h6>\n");
}

TEST(MarkdownRender, AppendsToWhatIsThere) {
  view::Html h;
  h.raw("<div>");
  render(h, "*x*");
  h.raw("</div>");
  EXPECT_EQ(h.str(), "<div>" + p("<em>x</em>") + "</div>");
}

/// Counts occurrences of needle in s.
size_t count(std::string_view s, std::string_view needle) {
  size_t n = 0;
  for (size_t i = s.find(needle); i != std::string_view::npos; i = s.find(needle, i + needle.size())) ++n;
  return n;
}

/// How deep the elements named nest in s.
size_t max_depth(std::string_view s, std::initializer_list<std::string_view> tags) {
  size_t depth = 0, deepest = 0;
  for (size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    for (std::string_view tag : tags) {
      std::string_view rest = s.substr(i + 1);
      if (rest.starts_with(tag) &&
          (rest.substr(tag.size()).starts_with(">") || rest.substr(tag.size()).starts_with(" ")))
        deepest = std::max(deepest, ++depth);
      else if (rest.starts_with("/") && rest.substr(1).starts_with(tag) && rest.substr(1 + tag.size()).starts_with(">"))
        --depth;
    }
  }
  return deepest;
}

/// Every element opened is closed, in order (our output only ever has the elements below).
bool balanced(std::string_view s) {
  for (std::string_view tag : {"p", "blockquote", "ul", "ol", "li", "em", "strong", "del", "a", "pre", "code"}) {
    std::string open = "<" + std::string(tag), close = "</" + std::string(tag) + ">";
    size_t opens = count(s, open + ">") + count(s, open + " ");
    if (opens != count(s, close)) return false;
  }
  return true;
}

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

TEST(MarkdownRender, DeepBlockQuotesKeepTheirTextAndAreCut) {
  auto start = Clock::now();
  std::string out = html(repeat(">", 10'000) + " deep *text* " + repeat("*a* ", 5'000));
  EXPECT_LT(seconds_since(start), 2.0);
  EXPECT_EQ(count(out, "<blockquote"), static_cast<size_t>(kMaxBlockDepth));
  EXPECT_EQ(max_depth(out, {"blockquote"}), static_cast<size_t>(kMaxBlockDepth));
  EXPECT_NE(out.find("deep <em>text</em>"), std::string::npos);
  EXPECT_TRUE(balanced(out));
}

TEST(MarkdownRender, DeepListsAreCut) {
  std::string out = html(repeat("- ", 10'000) + "x\n\n" + repeat("1. > ", 5'000) + "y");
  EXPECT_EQ(max_depth(out, {"ul"}), static_cast<size_t>(kMaxBlockDepth));
  EXPECT_EQ(max_depth(out, {"ol", "blockquote"}), static_cast<size_t>(kMaxBlockDepth));
  EXPECT_TRUE(balanced(out));
  // Nesting by indentation alone is cut in the output too.
  std::string indented;
  for (int i = 0; i < 100; ++i) indented += std::string(2 * i, ' ') + "- a\n";
  out = html(indented);
  EXPECT_EQ(count(out, "<ul"), static_cast<size_t>(kMaxBlockDepth));
  EXPECT_EQ(count(out, "<li>"), static_cast<size_t>(kMaxBlockDepth));
  EXPECT_EQ(count(out, ">a<"), 100u);  // every item's text is there
  EXPECT_TRUE(balanced(out));
}

TEST(MarkdownRender, DeepBracketsAndEmphasis) {
  auto start = Clock::now();
  std::string out = html(repeat("[", 10'000) + "x" + repeat("](/a)", 10'000));
  EXPECT_TRUE(balanced(out));
  EXPECT_LE(count(out, "<a "), 1u);
  out = html(repeat("*a _a ", 5'000) + "x" + repeat(" a_ a*", 5'000));
  EXPECT_TRUE(balanced(out));
  EXPECT_EQ(max_depth(out, {"em"}), static_cast<size_t>(kMaxInlineDepth));
  out = html(repeat("~~a **a ", 5'000) + "x" + repeat(" a** a~~", 5'000));
  EXPECT_TRUE(balanced(out));
  EXPECT_EQ(max_depth(out, {"del", "strong"}), static_cast<size_t>(kMaxInlineDepth));
  out = html(repeat("![", 10'000) + "x" + repeat("](/a)", 10'000));
  EXPECT_EQ(out.find("<a "), std::string::npos);
  EXPECT_LT(seconds_since(start), 5.0);
}

TEST(MarkdownRender, OnlyTheFirstBytesAreRead) {
  // 1 MB: only kMaxSourceBytes are read.
  std::string source = repeat("word ", 1024 * 1024 / 5) + "END";
  auto start = Clock::now();
  std::string out = html(source);
  EXPECT_LT(seconds_since(start), 2.0);
  EXPECT_EQ(out.find("END"), std::string::npos);
  EXPECT_LE(out.size(), kMaxSourceBytes + 64);
  // A cut never splits a character.
  std::string welsh = std::string(kMaxSourceBytes - 1, 'a') + "ŵŵ";
  out = html(welsh);
  EXPECT_TRUE(http::is_valid_utf8(out));
  EXPECT_EQ(out, p(std::string(kMaxSourceBytes - 1, 'a')));
}

TEST(MarkdownRender, InvalidUtf8BecomesReplacementCharacters) {
  const std::string_view bad[] = {
      "\xff", "a\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", std::string_view("x\0y", 3)};
  for (std::string_view b : bad) {
    std::string source = "*" + std::string(b) + "* [" + std::string(b) + "](/" + std::string(b) + ")";
    std::string out = html(source);
    EXPECT_TRUE(http::is_valid_utf8(out)) << out;
    EXPECT_NE(out.find("\xEF\xBF\xBD"), std::string::npos) << out;
    EXPECT_TRUE(http::is_valid_utf8(to_plain_text(source)));
  }
  EXPECT_EQ(html(std::string_view("a\0b", 3)), p("a\xEF\xBF\xBD"
                                                 "b"));
}

TEST(MarkdownRender, ManyThreadsAtOnce) {
  // The extension registry is filled once; parsers are per call.
  std::vector<std::thread> threads;
  std::vector<std::string> outs(4);
  for (size_t i = 0; i < outs.size(); ++i)
    threads.emplace_back([&outs, i] { outs[i] = html("~~a~~ www.example.org"); });
  for (auto& t : threads) t.join();
  for (const auto& o : outs) EXPECT_EQ(o, p("<del>a</del> " + a("http://www.example.org", "www.example.org")));
}

TEST(MarkdownPlainText, Table) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"", ""},
      {"# Title\n\nHello *world* and **bold** ~~gone~~ `code`.", "Title\n\nHello world and bold gone code."},
      {"one\ntwo  \nthree", "one\ntwo\nthree"},
      {"- a\n- b\n  - c\n\n3. x\n4. y", "- a\n- b\n  - c\n\n3. x\n4. y"},
      {"> quoted\n\n---\n\nafter", "quoted\n\nafter"},
      {"```\ncode <b>\n```\n\nnext", "code <b>\n\nnext"},
      {"<script>x</script>\n\na <b>c</b>", "<script>x</script>\n\na <b>c</b>"},
      {"[site](https://e.org) [same](https://e.org) https://f.org www.g.org a@h.org [mail](mailto:i@j.org)",
       "site (https://e.org) same (https://e.org) https://f.org www.g.org a@h.org mail (i@j.org)"},
      {"[local](/o/x) [bad](javascript:alert(1))", "local bad"},
      {"![alt text](https://e.org/x.png)", "alt text"},
      {"&amp; &lt;", "& <"},
  };
  for (const auto& [source, expected] : cases) EXPECT_EQ(to_plain_text(source), expected) << source;
}

TEST(MarkdownPlainText, BoundedToo) {
  std::string out = to_plain_text(repeat("> - ", 20'000) + "x");
  EXPECT_NE(out.find('x'), std::string::npos);
  EXPECT_LE(to_plain_text(repeat("word ", 1024 * 1024 / 5)).size(), kMaxSourceBytes);
}

}  // namespace
}  // namespace roundtable::markdown

namespace roundtable::markdown {
namespace {

TEST(MarkdownKept, TheSameDocumentRendersTheSameEveryTimeAndOptionsStillCount) {
  std::string doc = "# Ground rules\n\n";
  for (int i = 0; i < 40; ++i) doc += "- Rule " + std::to_string(i) + ": listen, and one voice at a time\n";
  view::Html first, again, deeper;
  render(first, doc);
  render(again, doc);
  render(deeper, doc, {.top_heading_level = 4});
  EXPECT_EQ(first.str(), again.str());
  EXPECT_NE(first.str().find("<h3"), std::string::npos);
  EXPECT_NE(deeper.str().find("<h4"), std::string::npos) << "a kept copy for one heading level is not used for another";
  // A change of one character is another document.
  doc.back() = '!';
  view::Html changed;
  render(changed, doc);
  EXPECT_NE(changed.str(), first.str());
  EXPECT_NE(changed.str().find("time!"), std::string::npos);
}

}  // namespace
}  // namespace roundtable::markdown
