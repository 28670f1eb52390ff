#include <gd.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "media/media.hpp"

namespace roundtable::media {
namespace {

struct ImageDeleter {
  void operator()(gdImage* im) const { gdImageDestroy(im); }
};
using GdImage = std::unique_ptr<gdImage, ImageDeleter>;

struct BufferDeleter {
  void operator()(void* p) const { gdFree(p); }
};

GdImage new_truecolor(int width, int height) {
  GdImage im(gdImageCreateTrueColor(width, height));
  if (im) {
    // Pixels are written as they are (alpha included), never blended with what is there.
    gdImageAlphaBlending(im.get(), 0);
    gdImageSaveAlpha(im.get(), 1);
  }
  return im;
}

GdImage decode(std::string_view mime, std::string_view bytes) {
  // libgd takes a non-const pointer but only reads from it.
  void* data = const_cast<char*>(bytes.data());
  const int size = static_cast<int>(bytes.size());
  if (mime == "image/jpeg") return GdImage(gdImageCreateFromJpegPtrEx(size, data, 1));
  if (mime == "image/png") return GdImage(gdImageCreateFromPngPtr(size, data));
  if (mime == "image/gif") return GdImage(gdImageCreateFromGifPtr(size, data));
  if (mime == "image/webp") return GdImage(gdImageCreateFromWebpPtr(size, data));
  return nullptr;
}

// A truecolor copy of a palette image (GIF, palette PNG); the transparent index becomes fully transparent pixels.
GdImage to_truecolor(GdImage im) {
  if (gdImageTrueColor(im.get())) return im;
  const int width = gdImageSX(im.get()), height = gdImageSY(im.get());
  GdImage out = new_truecolor(width, height);
  if (!out) return nullptr;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) out->tpixels[y][x] = gdImageGetTrueColorPixel(im.get(), x, y);
  }
  return out;
}

GdImage scale_down(GdImage im, int max_side) {
  const int width = gdImageSX(im.get()), height = gdImageSY(im.get());
  const int longer = std::max(width, height);
  if (longer <= max_side) return im;
  const double factor = static_cast<double>(max_side) / longer;
  const int new_width = std::clamp(static_cast<int>(std::lround(width * factor)), 1, max_side);
  const int new_height = std::clamp(static_cast<int>(std::lround(height * factor)), 1, max_side);
  GdImage out = new_truecolor(new_width, new_height);
  if (!out) return nullptr;
  // Area-averaging resampling (alpha-weighted), which suits reduction.
  gdImageCopyResampled(out.get(), im.get(), 0, 0, 0, 0, new_width, new_height, width, height);
  return out;
}

// Applies an EXIF orientation (1..8) so that the pixels are stored the way they are meant to be seen.
GdImage orient(GdImage im, int orientation) {
  if (orientation < 2 || orientation > 8) return im;
  const int w = gdImageSX(im.get()), h = gdImageSY(im.get());
  const bool swap = orientation >= 5;
  const int out_w = swap ? h : w, out_h = swap ? w : h;
  GdImage out = new_truecolor(out_w, out_h);
  if (!out) return nullptr;
  for (int oy = 0; oy < out_h; ++oy) {
    for (int ox = 0; ox < out_w; ++ox) {
      int ix = ox, iy = oy;
      switch (orientation) {
        case 2: ix = w - 1 - ox; break;                   // mirrored left to right
        case 3: ix = w - 1 - ox, iy = h - 1 - oy; break;  // turned 180°
        case 4: iy = h - 1 - oy; break;                   // mirrored top to bottom
        case 5: ix = oy, iy = ox; break;                  // transposed
        case 6: ix = oy, iy = h - 1 - ox; break;          // needs turning 90° clockwise
        case 7: ix = w - 1 - oy, iy = h - 1 - ox; break;  // transversed
        case 8: ix = w - 1 - oy, iy = ox; break;          // needs turning 90° anticlockwise
      }
      out->tpixels[oy][ox] = im->tpixels[iy][ix];
    }
  }
  return out;
}

// JPEG has no alpha: composite (partly) transparent pixels onto white rather than letting them turn black.
void flatten_onto_white(gdImage* im) {
  for (int y = 0; y < gdImageSY(im); ++y) {
    for (int x = 0; x < gdImageSX(im); ++x) {
      const int c = im->tpixels[y][x];
      const int alpha = gdTrueColorGetAlpha(c);  // 0 opaque .. 127 transparent
      if (alpha == 0) continue;
      auto mix = [&](int v) { return (v * (gdAlphaMax - alpha) + 255 * alpha + gdAlphaMax / 2) / gdAlphaMax; };
      im->tpixels[y][x] =
          gdTrueColor(mix(gdTrueColorGetRed(c)), mix(gdTrueColorGetGreen(c)), mix(gdTrueColorGetBlue(c)));
    }
  }
}

}  // namespace

std::variant<Image, ImageError> reencode_image(std::string_view bytes, const ImageLimits& limits) {
  const auto type = sniff(bytes);
  if (!type || type->kind != Kind::image) return ImageError::not_an_image;
  const auto size = image_size(bytes);
  if (!size) return ImageError::broken;
  const auto [width, height] = *size;
  if (width > limits.max_side_in || height > limits.max_side_in ||
      static_cast<long long>(width) * height > limits.max_pixels_in || bytes.size() > INT_MAX) {
    return ImageError::too_large;
  }

  GdImage im = decode(type->mime, bytes);
  if (!im) return ImageError::broken;
  // The decoder must not have found a bigger picture than the header promised.
  if (gdImageSX(im.get()) > width || gdImageSY(im.get()) > height) return ImageError::broken;
  const int orientation = type->mime == "image/jpeg" ? exif_orientation(bytes) : 1;
  im = to_truecolor(std::move(im));
  if (im) im = scale_down(std::move(im), std::max(1, limits.max_side_out));
  if (im) im = orient(std::move(im), orientation);
  if (!im) return ImageError::broken;

  const bool jpeg_out = type->mime == "image/jpeg" || type->mime == "image/webp";
  Image out;
  out.width = gdImageSX(im.get());
  out.height = gdImageSY(im.get());
  int encoded_size = 0;
  std::unique_ptr<void, BufferDeleter> encoded;
  if (jpeg_out) {
    flatten_onto_white(im.get());
    gdImageSaveAlpha(im.get(), 0);
    encoded.reset(gdImageJpegPtr(im.get(), &encoded_size, 85));
    out.mime = "image/jpeg";
  } else {
    encoded.reset(gdImagePngPtr(im.get(), &encoded_size));
    out.mime = "image/png";
  }
  if (!encoded || encoded_size <= 0) return ImageError::broken;
  out.bytes.assign(static_cast<const char*>(encoded.get()), static_cast<size_t>(encoded_size));
  return out;
}

}  // namespace roundtable::media
