// The results' picture says what it shows (role="img", a title and a description), draws each group in its own
// shape with its name written on it, draws marks that would fall on one place once, and carries no names or ids.
#include "consensus/opinion_map.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::consensus {
namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST(OpinionMap, SaysWhatItShowsWithShapesAndNames) {
  analysis::Result r;
  r.groups = 2;
  r.group_sizes = {3, 2};
  r.points = {{-1, 0, 0}, {-1, 0.1, 0}, {-1, 0, 0}, {1, 0, 1}, {1.2, 0.2, 1}};
  view::Html h;
  opinion_map(h, "map", "People <placed>", "Group A is drawn as circles: 3 people.", r, {"Group A", "Group B"});
  const std::string svg = h.str();
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"map-title map-desc\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"map-title\">People &lt;placed&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"map-desc\">Group A is drawn as circles: 3 people.</desc>"), std::string::npos);
  // Group A's two people in one place are drawn once; group B as squares.
  EXPECT_EQ(count(svg, "<circle"), 2u);
  EXPECT_EQ(count(svg, "<rect x=\"") - 1, 2u);  // less the background
  EXPECT_EQ(count(svg, ">Group A</text>"), 1u);
  EXPECT_EQ(count(svg, ">Group B</text>"), 1u);
}

TEST(OpinionMap, EveryoneInOnePlace) {
  analysis::Result r;
  r.groups = 1;
  r.group_sizes = {3};
  r.points = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
  view::Html h;
  opinion_map(h, "map", "People", "One group.", r, {"Group A"});
  EXPECT_EQ(count(h.str(), "<circle cx=\"300\" cy=\"200\""), 1u);
}

}  // namespace
}  // namespace roundtable::consensus
