#include "view/bar_chart.hpp"

#include <algorithm>

namespace roundtable::view {

namespace {

constexpr long long kChartWidth = 600;
constexpr long long kBarWidth = 560;
constexpr long long kRowHeight = 56;

}  // namespace

void bar_chart(Html& h, const std::string& id, const std::string& title, const std::vector<Bar>& bars) {
  std::string desc;
  for (const auto& b : bars) {
    if (!desc.empty()) desc += "; ";
    desc += b.label;
  }
  const long long height = kRowHeight * static_cast<long long>(bars.size()) + 8;
  h.raw("<svg class=\"rt-chart\" role=\"img\" width=\"100%\" viewBox=\"0 0 ")
      .number(kChartWidth)
      .raw(" ")
      .number(height)
      .raw("\" aria-labelledby=\"")
      .text(id)
      .raw("-title ")
      .text(id)
      .raw("-desc\"><title id=\"")
      .text(id)
      .raw("-title\">")
      .text(title)
      .raw("</title><desc id=\"")
      .text(id)
      .raw("-desc\">")
      .text(desc)
      .raw("</desc>\n");
  long long y = 0;
  for (const auto& b : bars) {
    const long long width = b.max > 0 ? std::min(b.value, b.max) * kBarWidth / b.max : 0;
    h.raw("<text x=\"0\" y=\"")
        .number(y + 18)
        .raw("\" font-size=\"16\" fill=\"#0b0c0c\">")
        .text(b.label)
        .raw("</text>");
    h.raw("<rect x=\"0\" y=\"")
        .number(y + 26)
        .raw("\" height=\"20\" width=\"")
        .number(std::max(width, 2LL))
        .raw("\" fill=\"#1d70b8\" stroke=\"#0b0c0c\"/>\n");
    y += kRowHeight;
  }
  h.raw("</svg>\n");
}

}  // namespace roundtable::view
