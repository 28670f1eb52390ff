#include "view/html.hpp"

#include <gtest/gtest.h>

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
