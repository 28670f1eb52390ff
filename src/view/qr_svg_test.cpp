#include "view/qr_svg.hpp"

#include <gtest/gtest.h>
#include <qrencode.h>

#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

namespace roundtable::view {
namespace {

struct QrFree {
  void operator()(QRcode* q) const { QRcode_free(q); }
};
using QrPtr = std::unique_ptr<QRcode, QrFree>;

QrPtr reference(const std::string& text) {
  QrPtr q(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
  if (!q) throw std::runtime_error("libqrencode failed");
  return q;
}

/// The side of the square in the viewBox "0 0 N N", or -1.
int viewbox_size(const std::string& svg) {
  std::smatch m;
  static const std::regex re(R"re(viewBox="0 0 (\d+) (\d+)")re");
  if (!std::regex_search(svg, m, re) || m[1] != m[2]) return -1;
  return std::stoi(m[1]);
}

/// Draws the path's "M{x} {y}h{n}v1h-{n}z" rectangles back onto a grid (true = dark), for comparing with libqrencode.
/// Anything in the path that is not one of those rectangles fails the test.
std::vector<std::vector<bool>> render(const std::string& svg, int size) {
  std::vector<std::vector<bool>> grid(static_cast<size_t>(size), std::vector<bool>(static_cast<size_t>(size)));
  std::smatch pm;
  static const std::regex path_re(R"re(<path fill="#000" d="([^"]*)"/>)re");
  if (!std::regex_search(svg, pm, path_re)) {
    ADD_FAILURE() << "no path";
    return grid;
  }
  const std::string d = pm[1];
  static const std::regex cell_re(R"re(M(\d+) (\d+)h(\d+)v1h-(\d+)z)re");
  size_t covered = 0;
  for (auto it = std::sregex_iterator(d.begin(), d.end(), cell_re); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    EXPECT_EQ(m.position(0), static_cast<long>(covered)) << "unexpected path text at " << covered;
    covered = static_cast<size_t>(m.position(0) + m.length(0));
    const int x = std::stoi(m[1]), y = std::stoi(m[2]), n = std::stoi(m[3]);
    EXPECT_EQ(m[3], m[4]);
    EXPECT_GT(n, 0);
    for (int i = 0; i < n; ++i) {
      if (x + i < size && y < size) {
        EXPECT_FALSE(grid[static_cast<size_t>(y)][static_cast<size_t>(x + i)]) << "cell drawn twice";
        grid[static_cast<size_t>(y)][static_cast<size_t>(x + i)] = true;
      } else {
        ADD_FAILURE() << "cell outside the viewBox";
      }
    }
  }
  EXPECT_EQ(covered, d.size()) << "unexpected path text at the end";
  return grid;
}

TEST(QrSvg, LooksLikeAnAccessibleSvg) {
  const std::string svg = qr_svg("hello", "a<b&c").str();
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_TRUE(svg.ends_with("</svg>"));
  EXPECT_NE(svg.find("viewBox=\"0 0 "), std::string::npos);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"rt-qr-title\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"rt-qr-title\">a&lt;b&amp;c</title>"), std::string::npos);
  EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"rt-qr\""), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#fff\""), std::string::npos);
  EXPECT_EQ(svg.find("style"), std::string::npos);  // the CSP forbids inline styles
  EXPECT_EQ(svg.find("a<b"), std::string::npos);
}

TEST(QrSvg, SameInputSameOutputDifferentInputDifferentOutput) {
  EXPECT_EQ(qr_svg("otpauth://totp/x", "t").str(), qr_svg("otpauth://totp/x", "t").str());
  EXPECT_NE(qr_svg("otpauth://totp/x", "t").str(), qr_svg("otpauth://totp/y", "t").str());
}

TEST(QrSvg, ViewBoxIsTheSymbolPlusAQuietZone) {
  for (const std::string& text : std::vector<std::string>{"A", "hello", std::string(300, 'x')}) {
    const auto ref = reference(text);
    EXPECT_EQ(viewbox_size(qr_svg(text, "t").str()), ref->width + 8) << text.size();
  }
}

TEST(QrSvg, EveryModuleMatchesLibqrencode) {
  for (const std::string& text :
       {std::string("A"), std::string("Roundtable"),
        std::string("otpauth://totp/Roundtable:si%C3%A2n%40example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                    "&issuer=Roundtable&algorithm=SHA1&digits=6&period=30")}) {
    const auto ref = reference(text);
    const std::string svg = qr_svg(text, "t").str();
    const int size = viewbox_size(svg);
    ASSERT_EQ(size, ref->width + 8);
    const auto grid = render(svg, size);
    int dark = 0;
    for (int y = 0; y < size; ++y) {
      for (int x = 0; x < size; ++x) {
        const bool inside = x >= 4 && y >= 4 && x < size - 4 && y < size - 4;
        const bool want = inside && (ref->data[(y - 4) * ref->width + (x - 4)] & 1);
        ASSERT_EQ(grid[static_cast<size_t>(y)][static_cast<size_t>(x)], want) << "module " << x << "," << y;
        dark += want;
      }
    }
    EXPECT_GT(dark, ref->width);  // not blank
  }
}

TEST(QrSvg, RunsAreMergedToKeepItSmall) {
  const std::string svg = qr_svg("A", "t").str();
  // The finder pattern's top edge is 7 dark modules in a row: one rectangle, not seven.
  EXPECT_NE(svg.find("M4 4h7v1h-7z"), std::string::npos);
}

TEST(QrSvg, TooLongToEncodeThrows) { EXPECT_THROW(qr_svg(std::string(5000, 'x'), "t").str(), std::runtime_error); }

}  // namespace
}  // namespace roundtable::view
