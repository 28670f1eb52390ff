#include "http/route_matcher.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

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

TEST(RouteMatcher, TheFirstRouteAddedThatFitsWinsWhetherItEndsInAWordOrAParameter) {
  RouteMatcher m;
  m.add("GET", "/g/{id}");     // 0: added before the fixed word, so it wins
  m.add("GET", "/g/new");      // 1
  m.add("GET", "/h/new");      // 2: the fixed word first
  m.add("GET", "/h/{id}");     // 3
  m.add("POST", "/h/{id}/x");  // 4
  m.add("GET", "/{a}/{b}/x");  // 5
  EXPECT_EQ(m.match("GET", "/g/new").match.index, 0u);
  EXPECT_EQ(m.match("GET", "/h/new").match.index, 2u);
  EXPECT_EQ(m.match("GET", "/h/7").match.index, 3u);
  EXPECT_EQ(m.match("POST", "/h/7/x").match.index, 4u);
  EXPECT_EQ(m.match("GET", "/h/7/x").match.index, 5u);
  auto r = m.match("PUT", "/h/7/x");
  EXPECT_EQ(r.outcome, RouteMatcher::Outcome::method_not_allowed);
  EXPECT_EQ(r.allowed, (std::vector<std::string>{"POST", "GET"}));
  EXPECT_EQ(m.match("GET", "/h/7/x/y").outcome, RouteMatcher::Outcome::not_found);
}

// The matcher against the rule it keeps, "the first route added whose segments fit", over many random routes and
// paths made of a few words: the same route, the same parameters and the same methods allowed.
TEST(RouteMatcher, AgreesWithTryingEveryRouteInOrder) {
  const std::vector<std::string> words{"a", "b", "new", "{p}", "{q}"};
  const std::vector<std::string> methods{"GET", "POST"};
  std::mt19937 rng(42);
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  struct Added {
    std::string method;
    std::vector<std::string> segments;
  };
  for (int round = 0; round < 50; ++round) {
    RouteMatcher m;
    std::vector<Added> added;
    for (int i = 0; i < 40; ++i) {
      Added a{pick(methods), {}};
      std::string pattern;
      const int n = static_cast<int>(rng() % 4);
      for (int k = 0; k < n; ++k) {
        a.segments.push_back(pick(words));
        pattern += "/" + a.segments.back();
      }
      m.add(a.method, pattern.empty() ? "/" : pattern);
      added.push_back(a);
    }
    for (int i = 0; i < 200; ++i) {
      std::vector<std::string> parts;
      std::string path;
      const int n = static_cast<int>(rng() % 5);
      for (int k = 0; k < n; ++k) {
        parts.push_back(pick({"a", "b", "new", "7", "x"}));
        path += "/" + parts.back();
      }
      if (path.empty()) path = "/";
      const std::string method = pick({"GET", "POST", "HEAD", "PUT"});
      std::optional<size_t> expected;
      std::vector<std::string> allowed;
      for (size_t r = 0; r < added.size() && !expected; ++r) {
        const auto& a = added[r];
        if (a.segments.size() != parts.size()) continue;
        bool fits = true;
        for (size_t k = 0; k < parts.size(); ++k) {
          fits = fits && (a.segments[k].front() == '{' || a.segments[k] == parts[k]);
        }
        if (!fits) continue;
        if (a.method == method || (method == "HEAD" && a.method == "GET")) {
          expected = r;
        } else if (std::find(allowed.begin(), allowed.end(), a.method) == allowed.end()) {
          allowed.push_back(a.method);
        }
      }
      const auto got = m.match(method, path);
      if (expected) {
        ASSERT_EQ(got.outcome, RouteMatcher::Outcome::found) << method << " " << path;
        EXPECT_EQ(got.match.index, *expected) << method << " " << path;
      } else {
        EXPECT_EQ(got.outcome,
                  allowed.empty() ? RouteMatcher::Outcome::not_found : RouteMatcher::Outcome::method_not_allowed)
            << method << " " << path;
        EXPECT_EQ(got.allowed, allowed) << method << " " << path;
      }
    }
  }
}

TEST(RouteMatcher, RejectsBadPatterns) {
  RouteMatcher m;
  EXPECT_THROW(m.add("GET", "no-slash"), std::invalid_argument);
  EXPECT_THROW(m.add("GET", "/a//b"), std::invalid_argument);
  EXPECT_THROW(m.add("GET", "/a/{}"), std::invalid_argument);
}

}  // namespace
}  // namespace roundtable::http
