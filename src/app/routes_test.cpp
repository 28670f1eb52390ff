#include "app/routes.hpp"

#include <gtest/gtest.h>

#include <set>

#include "http/pipeline.hpp"

namespace roundtable::app {
namespace {

TEST(RouteTable, EveryRouteHasAnAccessPolicyAndAUniqueName) {
  Services services;
  auto routes = build_routes(services);
  ASSERT_FALSE(routes.empty());
  std::set<std::string> names;
  for (const auto& r : routes) {
    EXPECT_FALSE(r.policy.name.empty()) << r.method << " " << r.pattern << " has no access policy";
    EXPECT_TRUE(static_cast<bool>(r.policy.check)) << r.method << " " << r.pattern;
    EXPECT_TRUE(names.insert(r.name).second) << "duplicate route name " << r.name;
  }
}

TEST(RouteTable, PipelineRefusesARouteWithoutAPolicy) {
  Services services;
  auto routes = build_routes(services);
  routes.push_back({"GET", "/no-policy", "no_policy", http::Policy{}, routes.front().handler});
  EXPECT_THROW(http::Pipeline(std::move(routes), nullptr, "secret", nullptr, {}), std::invalid_argument);
}

TEST(RouteTable, StateChangesAreNeverGets) {
  // Every GET is checked for writes by tests/integration/get_routes.test.mjs; here, the names that say they change
  // something belong to POSTs.
  Services services;
  for (const auto& r : build_routes(services)) {
    if (r.name == "language" || r.name.ends_with("_save") || r.name.ends_with("_remove") || r.name.ends_with("_send") ||
        r.name.ends_with("_create") || r.name.ends_with("_delete")) {
      EXPECT_EQ(r.method, "POST") << r.name;
    }
  }
}

TEST(RouteTable, NamesAreSnakeCase) {
  Services services;
  for (const auto& r : build_routes(services)) {
    EXPECT_FALSE(r.name.empty());
    for (char c : r.name) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') << r.name;
  }
}

TEST(RouteTable, PagesOfAnOrganisationAreForItsMembers) {
  // Handlers under /o/{org} take an OrgRequest, which only an org_member policy provides; the public exceptions are
  // the open sign-up pages.
  Services services;
  for (const auto& r : build_routes(services)) {
    if (!r.pattern.starts_with("/o/{org}")) continue;
    if (r.pattern == "/o/{org}/join") {
      EXPECT_EQ(r.policy.name, "public");
      continue;
    }
    EXPECT_TRUE(r.policy.org_scoped) << r.method << " " << r.pattern << " (" << r.policy.name << ")";
  }
}

}  // namespace
}  // namespace roundtable::app
