// Image header parsing without decoding (no libgd here: the fuzz targets compile this file on its own).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "media/bytes.hpp"
#include "media/media.hpp"

namespace roundtable::media {
namespace {

using namespace bytes;

std::optional<std::pair<int, int>> positive(uint32_t width, uint32_t height) {
  if (width == 0 || height == 0 || width > INT32_MAX || height > INT32_MAX) return std::nullopt;
  return std::pair{static_cast<int>(width), static_cast<int>(height)};
}

// Calls visit(marker, payload) for each JPEG marker segment before the image data (SOS), in file order, until visit
// returns true. Returns false when the segment structure is broken before that.
template <typename Visit>
bool jpeg_segments(std::string_view bytes, Visit visit) {
  if (!at(bytes, 0, "\xFF\xD8")) return false;
  size_t i = 2;
  while (true) {
    if (i >= bytes.size() || byte(bytes, i) != 0xFF) return false;
    while (i < bytes.size() && byte(bytes, i) == 0xFF) ++i;  // fill bytes
    if (i >= bytes.size()) return false;
    const unsigned marker = byte(bytes, i++);
    // Markers without a length: TEM and RSTn. SOI again or EOI before any frame header means a broken file.
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
    if (marker == 0xD8 || marker == 0xD9 || marker == 0x00) return false;
    if (i + 2 > bytes.size()) return false;
    const size_t length = be16(bytes, i);
    if (length < 2 || i + length > bytes.size()) return false;
    if (visit(marker, bytes.substr(i + 2, length - 2))) return true;
    if (marker == 0xDA) return false;  // start of scan: no more headers
    i += length;
  }
}

std::optional<std::pair<int, int>> jpeg_size(std::string_view bytes) {
  std::optional<std::pair<int, int>> size;
  jpeg_segments(bytes, [&](unsigned marker, std::string_view payload) {
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (!sof) return false;
    // precision(1) height(2) width(2) components(1)
    if (payload.size() >= 6) size = positive(be16(payload, 3), be16(payload, 1));
    return true;
  });
  return size;
}

std::optional<std::pair<int, int>> png_size(std::string_view bytes) {
  // signature(8), then the IHDR chunk: length(4) = 13, "IHDR", width(4), height(4) ...
  if (bytes.size() < 8 + 8 + 13 || be32(bytes, 8) != 13 || !at(bytes, 12, "IHDR")) return std::nullopt;
  return positive(be32(bytes, 16), be32(bytes, 20));
}

std::optional<std::pair<int, int>> gif_size(std::string_view bytes) {
  if (bytes.size() < 10) return std::nullopt;
  return positive(le16(bytes, 6), le16(bytes, 8));
}

std::optional<std::pair<int, int>> webp_size(std::string_view bytes) {
  // "RIFF" size "WEBP", then the first chunk: fourcc(4) size(4) payload
  if (bytes.size() < 20 || !at(bytes, 0, "RIFF") || !at(bytes, 8, "WEBP")) return std::nullopt;
  const std::string_view fourcc = bytes.substr(12, 4);
  const uint32_t chunk_size = le32(bytes, 16);
  const std::string_view payload = bytes.substr(20, std::min<size_t>(chunk_size, bytes.size() - 20));
  if (fourcc == "VP8 ") {
    // frame tag(3), start code 9d 01 2a, 14-bit width and height (top 2 bits: scale)
    if (payload.size() < 10 || !at(payload, 3, "\x9D\x01\x2A")) return std::nullopt;
    return positive(le16(payload, 6) & 0x3FFF, le16(payload, 8) & 0x3FFF);
  }
  if (fourcc == "VP8L") {
    // signature 0x2f, then 14 bits width-1, 14 bits height-1 (little-endian bit order)
    if (payload.size() < 5 || byte(payload, 0) != 0x2F) return std::nullopt;
    const uint32_t bits = le32(payload, 1);
    return positive((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
  }
  if (fourcc == "VP8X") {
    // flags(1) reserved(3) canvas width-1 (24 bits) canvas height-1 (24 bits)
    if (payload.size() < 10) return std::nullopt;
    return positive(le24(payload, 4) + 1, le24(payload, 7) + 1);
  }
  return std::nullopt;
}

// The Orientation tag of a TIFF structure (the body of an Exif segment after "Exif\0\0"), or 0 if unreadable.
int tiff_orientation(std::string_view tiff) {
  if (tiff.size() < 8) return 0;
  bool little;
  if (at(tiff, 0, std::string_view("II*\0", 4))) {
    little = true;
  } else if (at(tiff, 0, std::string_view("MM\0*", 4))) {
    little = false;
  } else {
    return 0;
  }
  auto u16 = [&](size_t i) { return little ? le16(tiff, i) : be16(tiff, i); };
  auto u32 = [&](size_t i) { return little ? le32(tiff, i) : be32(tiff, i); };
  const size_t ifd = u32(4);
  if (ifd < 8 || ifd > tiff.size() || tiff.size() - ifd < 2) return 0;
  const size_t count = u16(ifd);
  for (size_t k = 0; k < count; ++k) {
    const size_t entry = ifd + 2 + k * 12;
    if (entry + 12 > tiff.size()) return 0;
    if (u16(entry) != 0x0112) continue;
    // type SHORT (3), count 1, value in the first two bytes of the value field
    if (u16(entry + 2) != 3 || u32(entry + 4) != 1) return 0;
    return static_cast<int>(u16(entry + 8));
  }
  return 0;
}

}  // namespace

std::optional<std::pair<int, int>> image_size(std::string_view bytes) {
  if (at(bytes, 0, "\xFF\xD8\xFF")) return jpeg_size(bytes);
  if (at(bytes, 0, "\x89PNG\r\n\x1A\n")) return png_size(bytes);
  if (at(bytes, 0, "GIF87a") || at(bytes, 0, "GIF89a")) return gif_size(bytes);
  if (at(bytes, 0, "RIFF")) return webp_size(bytes);
  return std::nullopt;
}

int exif_orientation(std::string_view bytes) {
  if (!at(bytes, 0, "\xFF\xD8\xFF")) return 1;
  int orientation = 0;
  jpeg_segments(bytes, [&](unsigned marker, std::string_view payload) {
    if (marker != 0xE1 || !at(payload, 0, std::string_view("Exif\0\0", 6))) return false;
    orientation = tiff_orientation(payload.substr(6));
    return true;  // the first Exif segment is the one that counts
  });
  return orientation >= 1 && orientation <= 8 ? orientation : 1;
}

}  // namespace roundtable::media
