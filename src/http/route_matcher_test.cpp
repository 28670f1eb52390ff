#include "http/route_matcher.hpp"

#include <gtest/gtest.h>

namespace roundtable::http {
namespace {

TEST(RouteMatcher, MatchesLiteralsAndParameters) {
  RouteMatcher m;
  m.add("GET", "/");
  m.add("GET", "/o/{org}/p/{project}");
  m.add("POST", "/o/{org}/p/{project}");
  auto r = m.match("GET", "/o/acme/p/42");
  ASSERT_EQ(r.outcome, RouteMatcher::Outcome::found);
  EXPECT_EQ(r.match.index, 1u);
  ASSERT_EQ(r.match.params.size(), 2u);
  EXPECT_EQ(r.match.params[0], (std::pair<std::string, std::string>{"org", "acme"}));
  EXPECT_EQ(r.match.params[1].second, "42");
  EXPECT_EQ(m.match("POST", "/o/acme/p/42").match.index, 2u);
  EXPECT_EQ(m.match("GET", "/").outcome, RouteMatcher::Outcome::found);
  EXPECT_EQ(m.match("HEAD", "/").outcome, RouteMatcher::Outcome::found);
}

TEST(RouteMatcher, NotFoundAndMethodNotAllowed) {
  RouteMatcher m;
  m.add("GET", "/a/{id}");
  EXPECT_EQ(m.match("GET", "/a").outcome, RouteMatcher::Outcome::not_found);
  EXPECT_EQ(m.match("GET", "/a/").outcome, RouteMatcher::Outcome::not_found);
  EXPECT_EQ(m.match("GET", "/a/1/2").outcome, RouteMatcher::Outcome::not_found);
  EXPECT_EQ(m.match("GET", "").outcome, RouteMatcher::Outcome::not_found);
  auto r = m.match("DELETE", "/a/1");
  EXPECT_EQ(r.outcome, RouteMatcher::Outcome::method_not_allowed);
  EXPECT_EQ(r.allowed, std::vector<std::string>{"GET"});
}

TEST(RouteMatcher, DecodesParametersAndRefusesEncodedSlashes) {
  RouteMatcher m;
  m.add("GET", "/t/{name}");
  EXPECT_EQ(m.match("GET", "/t/caf%C3%A9").match.params[0].second, "café");
  EXPECT_EQ(m.match("GET", "/t/a%2Fb").outcome, RouteMatcher::Outcome::not_found);
  EXPECT_EQ(m.match("GET", "/t/a%00").outcome, RouteMatcher::Outcome::not_found);
  EXPECT_EQ(m.match("GET", "/t/%G1").outcome, RouteMatcher::Outcome::not_found);
  EXPECT_EQ(m.match("GET", "/t/%4").outcome, RouteMatcher::Outcome::not_found);
  // Control characters, typed or encoded (found by fuzz_route_matcher: a raw NUL used to pass).
  EXPECT_EQ(m.match("GET", std::string_view("/t/\0", 4)).outcome, RouteMatcher::Outcome::not_found);
  EXPECT_EQ(m.match("GET", "/t/a%0Ab").outcome, RouteMatcher::Outcome::not_found);
  EXPECT_EQ(m.match("GET", "/t/a\rb").outcome, RouteMatcher::Outcome::not_found);
  EXPECT_EQ(m.match("GET", "/t/a%7F").outcome, RouteMatcher::Outcome::not_found);
}

TEST(RouteMatcher, RejectsBadPatterns) {
  RouteMatcher m;
  EXPECT_THROW(m.add("GET", "no-slash"), std::invalid_argument);
  EXPECT_THROW(m.add("GET", "/a//b"), std::invalid_argument);
  EXPECT_THROW(m.add("GET", "/a/{}"), std::invalid_argument);
}

}  // namespace
}  // namespace roundtable::http
