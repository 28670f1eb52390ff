// The organisation's navigation: only on its pages, only for its members, with the place the page is in marked,
// settings for its admins only, and nothing on a page that answers "not found".
#include "view/org_navigation.hpp"

#include <gtest/gtest.h>

#include "view/page.hpp"

namespace roundtable::view {
namespace {

struct NavigationFixture {
  http::Request request{http::Verb::get, "/o/demo/groups/3", 11};
  http::RequestContext ctx{request};
  http::Route route;
  std::vector<http::OrgNavItem> items{{"layout.org_nav_home", ""},
                                      {"groups.list.title", "/groups"},
                                      {"layout.org_nav_people", "/people"},
                                      {"layout.org_nav_admin", "/settings", true}};
  NavigationFixture(std::string_view path, core::Role role = core::Role::member) {
    route.pattern = "/o/{org}/groups/{group}";
    ctx.route = &route;
    ctx.path = path;
    ctx.params = {{"org", "demo"}};
    ctx.org_navigation = &items;
    http::Principal p;
    p.user_id = 5;
    p.name = "Gareth";
    p.memberships.push_back({1, "demo", "Demo County <Carers>", role, ""});
    ctx.principal = p;
  }
  std::string html() { return org_navigation(ctx).str(); }
};

TEST(OrgNavigation, MarksThePlaceThePageIsIn) {
  NavigationFixture f("/o/demo/groups/3");
  const auto h = f.html();
  EXPECT_NE(h.find("govuk-service-navigation"), std::string::npos);
  EXPECT_NE(h.find("Demo County &lt;Carers&gt;"), std::string::npos) << "the organisation's name, escaped";
  // Groups is the section (active, not the page itself); Home is not marked.
  const auto groups = h.find("href=\"/o/demo/groups\"");
  ASSERT_NE(groups, std::string::npos);
  EXPECT_NE(h.rfind("aria-current=\"true\"", groups + 60), std::string::npos);
  EXPECT_EQ(h.find("aria-current=\"page\""), std::string::npos);
  EXPECT_EQ(h.find("/o/demo/settings"), std::string::npos) << "settings are for admins";
}

TEST(OrgNavigation, TheExactPageIsCurrentAndAdminsSeeSettings) {
  NavigationFixture f("/o/demo/people", core::Role::org_admin);
  const auto h = f.html();
  const auto people = h.find("href=\"/o/demo/people\"");
  ASSERT_NE(people, std::string::npos);
  EXPECT_NE(h.find("aria-current=\"page\"", people), std::string::npos);
  EXPECT_NE(h.find("/o/demo/settings"), std::string::npos);
  // A page that belongs to no other place is in the organisation's home.
  NavigationFixture g("/o/demo/invitations");
  EXPECT_NE(g.html().find("aria-current=\"true\""), std::string::npos);
}

TEST(OrgNavigation, AKeptNavigationFollowsThePlaceTheCountTheNameTheRoleAndTheLanguage) {
  // Each thread keeps the navigations it wrote; asking again must give what building it again would.
  NavigationFixture f("/o/demo/groups/3");
  f.items[2].shows_unread_notices = true;
  const auto first = f.html();
  EXPECT_EQ(f.html(), first);
  const auto place_of = [](const std::string& h) { return h.substr(h.find("aria-current") - 40, 60); };
  f.ctx.path = "/o/demo/people";
  EXPECT_NE(f.html().find("href=\"/o/demo/people\" aria-current=\"page\""), std::string::npos) << place_of(f.html());
  f.ctx.principal->memberships[0].unread_notices = 3;
  EXPECT_NE(f.html().find("rt-nav-count__number\" aria-hidden=\"true\">3<"), std::string::npos);
  f.ctx.principal->memberships[0].unread_notices = 120;
  EXPECT_NE(f.html().find(">99+<"), std::string::npos);
  f.ctx.principal->memberships[0].org_name = "Demo County Carers";
  EXPECT_NE(f.html().find("Demo County Carers"), std::string::npos);
  EXPECT_EQ(f.html().find("&lt;Carers&gt;"), std::string::npos);
  EXPECT_EQ(f.html().find("/o/demo/settings"), std::string::npos);
  f.ctx.principal->memberships[0].role = core::Role::org_admin;
  EXPECT_NE(f.html().find("/o/demo/settings"), std::string::npos);
  f.ctx.lang = core::Lang::cy;
  EXPECT_EQ(f.html().find("People"), std::string::npos) << "the Welsh words, not the English kept before";
  EXPECT_NE(f.html().find("Pobl"), std::string::npos);
  // Other places registered at the same address are other navigations.
  f.items[1].path = "/gatherings";
  EXPECT_NE(f.html().find("/o/demo/gatherings"), std::string::npos);
}

TEST(OrgNavigation, NothingOutsideTheOrganisationOrForSomeoneNotInIt) {
  NavigationFixture other("/o/north/groups/3");
  other.ctx.params = {{"org", "north"}};
  EXPECT_TRUE(other.html().empty()) << "not a member of north";
  NavigationFixture anonymous("/o/demo/groups/3");
  anonymous.ctx.principal.reset();
  EXPECT_TRUE(anonymous.html().empty());
  NavigationFixture account("/account");
  account.route.pattern = "/account";
  EXPECT_TRUE(account.html().empty());
}

TEST(OrgNavigation, ANotFoundPageHasNone) {
  NavigationFixture f("/o/demo/groups/999");
  Assets assets;
  const auto page = page_for(f.ctx, "Not found");
  EXPECT_EQ(html_page(f.ctx, assets, page, Html{}, http::Status::not_found).body().find("govuk-service-navigation"),
            std::string::npos);
  EXPECT_NE(html_page(f.ctx, assets, page, Html{}, http::Status::ok).body().find("govuk-service-navigation"),
            std::string::npos);
}

}  // namespace
}  // namespace roundtable::view
