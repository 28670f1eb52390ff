#include "view/html.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace roundtable::view {
namespace {

TEST(Html, EscapesTextButNotTrustedMarkup) {
  Html h;
  h.raw("<p>").text("<script>alert('x')</script> & \"q\"").raw("</p>");
  EXPECT_EQ(h.str(), "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>");
}

TEST(Html, UrlEncode) { EXPECT_EQ(url_encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9"); }

}  // namespace
}  // namespace roundtable::view

namespace roundtable::view {
namespace {

TEST(Escape, EveryCharacterThatMattersAndNothingElse) {
  EXPECT_EQ(escape(""), "");
  EXPECT_EQ(escape("plain words, Cymraeg: â ŵ ŷ"), "plain words, Cymraeg: â ŵ ŷ");
  EXPECT_EQ(escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  EXPECT_EQ(escape("&"), "&amp;");
  EXPECT_EQ(escape("a<"), "a&lt;");
  EXPECT_EQ(escape(">b"), "&gt;b");
  EXPECT_EQ(escape("<<>>"), "&lt;&lt;&gt;&gt;");
  std::string out = "kept ";
  escape_into(out, "x&y");
  EXPECT_EQ(out, "kept x&amp;y");
}

}  // namespace
}  // namespace roundtable::view

namespace roundtable::view {
namespace {

/// The escaping done one character at a time, the plain way: what escape_into must match.
std::string escaped_slowly(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

TEST(Escape, RunsOfAnyLengthWithASpecialCharacterAtAnyPlace) {
  // Text is scanned in blocks of 16 bytes and then byte by byte: a special character before, on and after each
  // block's edges, in text of every length up to three blocks, must come out escaped and nothing else changed.
  for (char special : {'&', '<', '>', '"', '\''}) {
    for (std::size_t length = 0; length <= 48; ++length) {
      const std::string plain(length, 'a');
      ASSERT_EQ(escape(plain), plain);
      for (std::size_t at = 0; at < length; ++at) {
        std::string s = plain;
        s[at] = special;
        ASSERT_EQ(escape(s), escaped_slowly(s)) << "length " << length << ", '" << special << "' at " << at;
        Html h;
        h.text(s);
        ASSERT_EQ(h.str(), escaped_slowly(s)) << "length " << length << ", '" << special << "' at " << at;
      }
    }
  }
}

TEST(Escape, Table) {
  const struct {
    std::string_view in;
    std::string_view out;
  } cases[] = {
      {"", ""},
      {"no special characters at all, longer than one block of sixteen",
       "no special characters at all, longer than one block of sixteen"},
      {"Cymraeg â ŵ ŷ – “quotes” £5 (UTF-8 bytes are above 127)",
       "Cymraeg â ŵ ŷ – “quotes” £5 (UTF-8 bytes are above 127)"},
      {"0123456789abcde&", "0123456789abcde&amp;"},
      {"0123456789abcdef&", "0123456789abcdef&amp;"},
      {"&0123456789abcdef", "&amp;0123456789abcdef"},
      {"<<<<<<<<<<<<<<<<<", "&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;"},
      {"a'b\"c<d>e&f 0123456789abcdef 'g'", "a&#39;b&quot;c&lt;d&gt;e&amp;f 0123456789abcdef &#39;g&#39;"},
      {std::string_view("nul\0byte <", 10), std::string_view("nul\0byte &lt;", 13)},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(escape(c.in), c.out) << c.in;
    std::string kept = "kept ";
    escape_into(kept, c.in);
    EXPECT_EQ(kept, "kept " + std::string(c.out)) << c.in;
    Html h;
    h.raw("x").text(c.in).raw("y");
    EXPECT_EQ(h.str(), "x" + std::string(c.out) + "y") << c.in;
  }
}

TEST(Html, GrowsPastItsBufferWithoutLosingOrAddingAByte) {
  // Pieces of every size written across many growths of the buffer come out exactly as written.
  Html h;
  std::string expected;
  for (int i = 0; i < 2000; ++i) {
    switch (i % 4) {
      case 0: h.raw("<p class=\"govuk-body\">"), expected += "<p class=\"govuk-body\">"; break;
      case 1: {
        const std::string words(static_cast<std::size_t>(i % 37), static_cast<char>('a' + i % 26));
        h.text(words + "&");
        expected += words + "&amp;";
        break;
      }
      case 2: h.number(i - 1000), expected += std::to_string(i - 1000); break;
      default: h.raw_if(i % 8 == 3, "</p>\n", ""), expected += i % 8 == 3 ? "</p>\n" : ""; break;
    }
    ASSERT_EQ(h.size(), expected.size()) << i;
  }
  EXPECT_EQ(h.str(), expected);
  EXPECT_EQ(h.str().size(), expected.size());
}

TEST(Html, NumbersFromTheSmallestToTheLargest) {
  const struct {
    long long n;
    std::string_view text;
  } cases[] = {{0, "0"},
               {7, "7"},
               {-42, "-42"},
               {1234567890123LL, "1234567890123"},
               {std::numeric_limits<long long>::max(), "9223372036854775807"},
               {std::numeric_limits<long long>::min(), "-9223372036854775808"}};
  for (const auto& c : cases) {
    Html h;
    h.number(c.n);
    EXPECT_EQ(h.str(), c.text);
  }
}

TEST(Html, CopiesMovesAndTakesOnlyTheFragment) {
  Html a;
  a.raw("<b>").text("x & y").raw("</b>");
  a.reserve(1000);  // spare room after the fragment is not part of it
  Html copy = a;
  EXPECT_EQ(copy.str(), "<b>x &amp; y</b>");
  copy.raw("!");
  EXPECT_EQ(a.str(), "<b>x &amp; y</b>");
  EXPECT_EQ(copy.str(), "<b>x &amp; y</b>!");

  Html assigned;
  assigned.raw("old");
  assigned = a;
  EXPECT_EQ(assigned.str(), a.str());

  Html moved = std::move(copy);
  EXPECT_EQ(moved.str(), "<b>x &amp; y</b>!");
  EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): a moved-from fragment is empty and usable
  copy.raw("again");
  EXPECT_EQ(copy.str(), "again");

  Html outer;
  outer.raw("<div>").append(a).append(Html()).raw("</div>");
  EXPECT_EQ(outer.str(), "<div><b>x &amp; y</b></div>");

  // str() in the middle of writing, then more writing.
  Html h;
  h.raw("one");
  EXPECT_EQ(h.str(), "one");
  h.raw(" two");
  EXPECT_EQ(h.str(), "one two");
  std::string taken = h.take();
  EXPECT_EQ(taken, "one two");
  EXPECT_TRUE(h.empty());
  h.raw("three");
  EXPECT_EQ(h.str(), "three");

  EXPECT_TRUE(Html().empty());
  EXPECT_EQ(Html().str(), "");
}

}  // namespace
}  // namespace roundtable::view
