#include "view/page_builder.hpp"

#include <gtest/gtest.h>

namespace roundtable::view {
namespace {

struct Fixture {
  http::Request request{http::Verb::get, "/x", 11};
  http::RequestContext ctx{request};
  Assets assets;
  Fixture() {
    ctx.path = "/x";
    ctx.lang = core::Lang::cy;
  }
};

TEST(PageBuilder, APlainPageIsA200WithItsTitleAsHeading) {
  Fixture f;
  PageBuilder page(f.ctx, f.assets, "Eich cyfrif <1>");
  page.body().raw("<p class=\"govuk-body\">hi</p>");
  auto res = page.respond();
  EXPECT_EQ(res.result(), http::Status::ok);
  EXPECT_NE(res.body().find("<h1 class=\"govuk-heading-l\">Eich cyfrif &lt;1&gt;</h1>\n<p class=\"govuk-body\">hi</p>"),
            std::string::npos);
  EXPECT_NE(res.body().find("govuk-grid-column-two-thirds"), std::string::npos);
  EXPECT_EQ(res.body().find("govuk-error-summary"), std::string::npos);
}

TEST(PageBuilder, ErrorsMakeA400WithASummaryLinkingEachField) {
  Fixture f;
  auto t = f.ctx.t();
  PageBuilder page(f.ctx, f.assets, "Form");
  page.errors(t, {{"email", "Rhowch eich cyfeiriad e-bost"}, {"", "Whole form"}});
  auto res = page.respond();
  EXPECT_EQ(res.result(), http::Status::bad_request);
  const auto& body = res.body();
  EXPECT_NE(body.find("<title>" + std::string(t("layout.error_prefix"))), std::string::npos) << body.substr(0, 400);
  EXPECT_NE(body.find(std::string(t("form.error_summary_title"))), std::string::npos);
  EXPECT_NE(body.find("<a href=\"#email\">Rhowch eich cyfeiriad e-bost</a>"), std::string::npos);
  EXPECT_NE(body.find("Whole form"), std::string::npos);
}

TEST(PageBuilder, BackLinkBannerCaptionAndWidth) {
  Fixture f;
  PageBuilder page(f.ctx, f.assets, "Title");
  page.back_link("/o/demo", "Yn ôl").success("Wedi'i gadw").heading("Heading", "Caption").full_width();
  auto res = page.respond(http::Status::conflict);
  const auto& body = res.body();
  EXPECT_EQ(res.result(), http::Status::conflict);
  EXPECT_NE(body.find("<a href=\"/o/demo\" class=\"govuk-back-link\">Yn ôl</a>"), std::string::npos);
  EXPECT_NE(body.find("govuk-notification-banner--success"), std::string::npos);
  EXPECT_NE(body.find("Wedi&#39;i gadw"), std::string::npos);
  EXPECT_NE(body.find("<span class=\"govuk-caption-l\">Caption</span>\n<h1 class=\"govuk-heading-l\">Heading</h1>"),
            std::string::npos);
  EXPECT_NE(body.find("govuk-grid-column-full"), std::string::npos);
  EXPECT_LT(body.find("govuk-back-link"), body.find("govuk-notification-banner"));
}

TEST(PageBuilder, ShowsTheMessageThePreviousRequestLeft) {
  Fixture f;
  f.ctx.flash = http::Flash{"organisations.invite.sent", {{"email", "<ceri@example.org>"}}};
  PageBuilder page(f.ctx, f.assets, "Invitations");
  page.back_link("/o/demo", "Yn ôl");
  const auto body = page.respond().body();
  const auto t = f.ctx.t();
  const std::string expected =
      view::escape(core::format(t("organisations.invite.sent"), {{"email", "<ceri@example.org>"}}));
  EXPECT_NE(body.find(expected), std::string::npos) << expected;
  EXPECT_NE(body.find("govuk-notification-banner--success"), std::string::npos);
  EXPECT_LT(body.find("govuk-back-link"), body.find("govuk-notification-banner"));
}

TEST(PageBuilder, AnImportantMessageIsNotASuccess) {
  Fixture f;
  f.ctx.flash = http::Flash{"invite.sent", {{"email", "x@example.org"}}, true};
  const auto body = PageBuilder(f.ctx, f.assets, "Sign in").respond().body();
  EXPECT_EQ(body.find("govuk-notification-banner--success"), std::string::npos);
  EXPECT_NE(body.find("govuk-notification-banner"), std::string::npos);
  EXPECT_NE(body.find(std::string(f.ctx.t()("banner.important"))), std::string::npos);
}

}  // namespace
}  // namespace roundtable::view
