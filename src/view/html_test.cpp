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
