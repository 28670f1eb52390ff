#include "consensus/opinion_map.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

namespace roundtable::consensus {

namespace {

constexpr long long kWidth = 600;
constexpr long long kHeight = 400;
constexpr long long kMargin = 24;
/// Marks closer than this (in the picture's units) are drawn once: 5,000 people make a picture of a few hundred marks.
constexpr long long kGrid = 4;

void mark(view::Html& h, int shape, long long x, long long y) {
  switch (shape % 5) {
    case 0: h.raw("<circle cx=\"").number(x).raw("\" cy=\"").number(y).raw("\" r=\"7\"/>"); break;
    case 1:
      h.raw("<rect x=\"").number(x - 6).raw("\" y=\"").number(y - 6).raw("\" width=\"13\" height=\"13\"/>");
      break;
    case 2:
      h.raw("<polygon points=\"").number(x).raw(",").number(y - 9).raw(" ").number(x + 9).raw(",").number(y + 7);
      h.raw(" ").number(x - 9).raw(",").number(y + 7).raw("\"/>");
      break;
    case 3:
      h.raw("<polygon points=\"").number(x).raw(",").number(y - 9).raw(" ").number(x + 9).raw(",").number(y);
      h.raw(" ").number(x).raw(",").number(y + 9).raw(" ").number(x - 9).raw(",").number(y).raw("\"/>");
      break;
    default:
      h.raw("<path d=\"M").number(x - 7).raw(" ").number(y - 7).raw("L").number(x + 7).raw(" ").number(y + 7);
      h.raw("M").number(x + 7).raw(" ").number(y - 7).raw("L").number(x - 7).raw(" ").number(y + 7);
      h.raw("\" stroke-width=\"4\"/>");
  }
}

}  // namespace

void opinion_map(view::Html& h, const std::string& id, const std::string& title, const std::string& description,
                 const analysis::Result& result, const std::vector<std::string>& names) {
  double min_x = 0, max_x = 0, min_y = 0, max_y = 0;
  for (const auto& p : result.points) {
    min_x = std::min(min_x, p.x), max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y), max_y = std::max(max_y, p.y);
  }
  // One scale for both directions, so distances on the picture are distances in how people voted; centred.
  const double inner_w = static_cast<double>(kWidth - 2 * kMargin),
               inner_h = static_cast<double>(kHeight - 2 * kMargin);
  const double span_x = max_x - min_x, span_y = max_y - min_y;
  const double scale = std::min(span_x > 1e-9 ? inner_w / span_x : 1e9, span_y > 1e-9 ? inner_h / span_y : 1e9);
  const double unit = scale < 1e9 ? scale : 0;
  const double mid_x = (min_x + max_x) / 2, mid_y = (min_y + max_y) / 2;
  auto px = [&](double x) { return kWidth / 2 + std::llround((x - mid_x) * unit); };
  auto py = [&](double y) { return kHeight / 2 - std::llround((y - mid_y) * unit); };
  h.raw("<svg class=\"rt-chart\" role=\"img\" width=\"100%\" viewBox=\"0 0 ")
      .number(kWidth)
      .raw(" ")
      .number(kHeight)
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
      .text(description)
      .raw("</desc>\n<rect x=\"0\" y=\"0\" width=\"")
      .number(kWidth)
      .raw("\" height=\"")
      .number(kHeight)
      .raw("\" fill=\"#ffffff\" stroke=\"#b1b4b6\"/>\n");
  for (int g = 0; g < result.groups; ++g) {
    const auto colour = kColours[g % 5];
    h.raw("<g fill=\"").text(colour).raw("\" stroke=\"").text(colour).raw("\">");
    std::set<std::pair<long long, long long>> drawn;
    double cx = 0, cy = 0;
    long long n = 0;
    for (const auto& p : result.points) {
      if (p.group != g) continue;
      const long long x = px(p.x), y = py(p.y);
      cx += static_cast<double>(x), cy += static_cast<double>(y), ++n;
      if (!drawn.insert({x / kGrid, y / kGrid}).second) continue;
      mark(h, g, x, y);
    }
    h.raw("</g>\n");
    if (n == 0 || static_cast<std::size_t>(g) >= names.size()) continue;
    // The group's name at its centre, on a white outline so it reads over the marks.
    const long long lx = std::clamp(std::llround(cx / static_cast<double>(n)), 40LL, kWidth - 40);
    const long long ly = std::clamp(std::llround(cy / static_cast<double>(n)) - 12, 20LL, kHeight - 8);
    h.raw("<text x=\"").number(lx).raw("\" y=\"").number(ly);
    h.raw(
         "\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"bold\" fill=\"#0b0c0c\" stroke=\"#ffffff\" "
         "stroke-width=\"4\" paint-order=\"stroke\">")
        .text(names[static_cast<std::size_t>(g)])
        .raw("</text>\n");
  }
  h.raw("</svg>\n");
}

}  // namespace roundtable::consensus
