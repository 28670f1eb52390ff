#include "view/bar_chart.hpp"

#include <gtest/gtest.h>

namespace roundtable::view {
namespace {

TEST(BarChart, SaysWhatItShowsInWordsAndScalesBarsToTheLargest) {
  Html h;
  bar_chart(h, "dots", "Dots <given>",
            {{"Phone line: 4 dots", 4, 4}, {"Easy read & guide: 1 dot", 1, 4}, {"None", 0, 4}});
  const std::string svg = h.str();
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"dots-title dots-desc\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"dots-title\">Dots &lt;given&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"dots-desc\">Phone line: 4 dots; Easy read &amp; guide: 1 dot; None</desc>"),
            std::string::npos);
  EXPECT_NE(svg.find("width=\"560\""), std::string::npos) << "the largest bar is full width";
  EXPECT_NE(svg.find("width=\"140\""), std::string::npos) << "a quarter of it";
  EXPECT_NE(svg.find("width=\"2\""), std::string::npos) << "an empty bar still shows";
  EXPECT_NE(svg.find("viewBox=\"0 0 600 176\""), std::string::npos);
}

}  // namespace
}  // namespace roundtable::view
