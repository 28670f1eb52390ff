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
  Services services;
  for (const auto& r : build_routes(services)) {
    if (r.name == "language") {
      EXPECT_EQ(r.method, "POST");
    }
  }
}

}  // namespace
}  // namespace roundtable::app
