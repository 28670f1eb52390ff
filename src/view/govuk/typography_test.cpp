#include "view/govuk/typography.hpp"

#include <gtest/gtest.h>

namespace roundtable::view::govuk {
namespace {

TEST(Typography, HeadingsParagraphsLinksAndListsEscapeText) {
  Html h;
  heading(h, 2, "m", "<b>", "x");
  paragraph(h, "a & b");
  link_paragraph(h, "/p?a=1&b=2", "go");
  list(h, {.items = {"one", "<two>"}, .bullet = true});
  EXPECT_EQ(h.str(),
            "<h2 id=\"x\" class=\"govuk-heading-m\">&lt;b&gt;</h2>\n"
            "<p class=\"govuk-body\">a &amp; b</p>\n"
            "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/p?a=1&amp;b=2\">go</a></p>\n"
            "<ul class=\"govuk-list govuk-list--bullet\">\n<li>one</li>\n<li>&lt;two&gt;</li>\n</ul>\n");
}

TEST(Typography, NumberedListsAreOrdered) {
  Html h;
  list(h, {.items = {"first"}, .number = true});
  EXPECT_EQ(h.str(), "<ol class=\"govuk-list govuk-list--number\">\n<li>first</li>\n</ol>\n");
}

TEST(Typography, ListItemsCanHaveIdsAndHiddenWordsAreEscaped) {
  Html h;
  Html second;
  second.text("Mark as arranged");
  visually_hidden(second, " <Siân>'s BSL");
  list(h, {.items = {"first", std::move(second), "third"}, .item_ids = {"need-1-bsl", "need-2\"x"}});
  EXPECT_EQ(h.str(),
            "<ul class=\"govuk-list\">\n<li id=\"need-1-bsl\">first</li>\n<li id=\"need-2&quot;x\">Mark as arranged"
            "<span class=\"govuk-visually-hidden\"> &lt;Siân&gt;&#39;s BSL</span></li>\n<li>third</li>\n</ul>\n");
}

TEST(Typography, PostFormsCarryTheCsrfTokenAndGetFormsDoNot) {
  Html post;
  button_form(post, {.form = {.action = "/items/1/move", .csrf_token = "tok\""},
                     .hidden = {{"direction", "up"}},
                     .button = {.text = "Move up", .classes = "govuk-button--secondary"}});
  EXPECT_NE(post.str().find("<form method=\"post\" action=\"/items/1/move\" novalidate>\n"
                            "<input type=\"hidden\" name=\"csrf_token\" value=\"tok&quot;\">\n"
                            "<input type=\"hidden\" name=\"direction\" value=\"up\">\n"),
            std::string::npos)
      << post.str();
  EXPECT_NE(post.str().find("Move up"), std::string::npos);
  EXPECT_NE(post.str().find("</form>"), std::string::npos);
  Html get;
  form_start(get, {.action = "/search", .get = true, .attributes = {{"role", "search"}}});
  EXPECT_EQ(get.str(), "<form method=\"get\" action=\"/search\" novalidate role=\"search\">\n");
  Html upload;
  form_start(upload, {.action = "/account/photo", .csrf_token = "t", .multipart = true});
  EXPECT_NE(upload.str().find("enctype=\"multipart/form-data\""), std::string::npos);
}

}  // namespace
}  // namespace roundtable::view::govuk
