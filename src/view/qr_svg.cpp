#include "view/qr_svg.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "view/html.hpp"

namespace roundtable::view {

namespace {

constexpr int kQuietZone = 4;

struct QrFree {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

}  // namespace

Html qr_svg(std::string_view text, std::string_view title) {
  errno = 0;
  std::unique_ptr<QRcode, QrFree> code(QRcode_encodeData(
      static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
  if (!code || code->width <= 0) {
    const int err = errno;
    throw std::runtime_error(std::string("QR code: could not encode ") + std::to_string(text.size()) + " bytes" +
                             (err ? std::string(": ") + std::strerror(err) : std::string()));
  }
  const int width = code->width;
  const std::string size = std::to_string(width + 2 * kQuietZone);

  std::string out;
  out.reserve(static_cast<size_t>(width) * static_cast<size_t>(width) * 4 + 512);
  out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"rt-qr\" viewBox=\"0 0 ")
      .append(size)
      .append(" ")
      .append(size)
      .append("\" width=\"200\" height=\"200\" role=\"img\" aria-labelledby=\"")
      .append(kQrTitleId)
      .append("\" shape-rendering=\"crispEdges\"><title id=\"")
      .append(kQrTitleId)
      .append("\">");
  escape_into(out, title);
  out.append("</title><rect width=\"")
      .append(size)
      .append("\" height=\"")
      .append(size)
      .append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
  // One rectangle per horizontal run of dark modules; bit 0 of each byte is the module's colour.
  const unsigned char* data = code->data;
  for (int y = 0; y < width; ++y) {
    int x = 0;
    while (x < width) {
      if (!(data[y * width + x] & 1)) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < width && (data[y * width + x] & 1)) ++x;
      const std::string run = std::to_string(x - start);
      out.append("M")
          .append(std::to_string(start + kQuietZone))
          .append(" ")
          .append(std::to_string(y + kQuietZone))
          .append("h")
          .append(run)
          .append("v1h-")
          .append(run)
          .append("z");
    }
  }
  out.append("\"/></svg>");
  // Every byte above is our own markup, numbers, or the escaped title (qr_svg_test checks the document).
  return Html::trusted(std::move(out));
}

}  // namespace roundtable::view
