#include "media/media.hpp"

#include <gd.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace roundtable::media {
namespace {

using namespace std::string_literals;

// ---- helpers: images made with libgd, bytes assembled by hand

struct ImageDeleter {
  void operator()(gdImage* im) const { gdImageDestroy(im); }
};
using GdImage = std::unique_ptr<gdImage, ImageDeleter>;

std::string take(void* data, int size) {
  std::string out(static_cast<const char*>(data), static_cast<size_t>(size));
  gdFree(data);
  return out;
}

// A truecolor picture split into four quadrants: top left red, top right green, bottom left blue, bottom right white.
GdImage quadrants(int width, int height) {
  GdImage im(gdImageCreateTrueColor(width, height));
  const int w2 = width / 2, h2 = height / 2;
  gdImageFilledRectangle(im.get(), 0, 0, w2 - 1, h2 - 1, gdTrueColor(255, 0, 0));
  gdImageFilledRectangle(im.get(), w2, 0, width - 1, h2 - 1, gdTrueColor(0, 255, 0));
  gdImageFilledRectangle(im.get(), 0, h2, w2 - 1, height - 1, gdTrueColor(0, 0, 255));
  gdImageFilledRectangle(im.get(), w2, h2, width - 1, height - 1, gdTrueColor(255, 255, 255));
  return im;
}

std::string jpeg_of(gdImage* im, int quality = 95) {
  int size = 0;
  void* data = gdImageJpegPtr(im, &size, quality);
  return take(data, size);
}

std::string png_of(gdImage* im) {
  int size = 0;
  void* data = gdImagePngPtr(im, &size);
  return take(data, size);
}

std::string gif_of(gdImage* im) {
  int size = 0;
  void* data = gdImageGifPtr(im, &size);
  return take(data, size);
}

std::string webp_of(gdImage* im, int quality) {
  int size = 0;
  void* data = gdImageWebpPtrEx(im, &size, quality);
  return take(data, size);
}

GdImage decode(const std::string& bytes) {
  void* data = const_cast<char*>(bytes.data());
  const int size = static_cast<int>(bytes.size());
  if (bytes.starts_with("\xFF\xD8")) return GdImage(gdImageCreateFromJpegPtr(size, data));
  if (bytes.starts_with("\x89PNG")) return GdImage(gdImageCreateFromPngPtr(size, data));
  return nullptr;
}

struct Rgb {
  int r, g, b;
};

::testing::AssertionResult near(gdImage* im, int x, int y, Rgb want) {
  const int c = gdImageGetTrueColorPixel(im, x, y);
  const int r = gdTrueColorGetRed(c), g = gdTrueColorGetGreen(c), b = gdTrueColorGetBlue(c);
  if (std::abs(r - want.r) <= 48 && std::abs(g - want.g) <= 48 && std::abs(b - want.b) <= 48) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "pixel (" << x << "," << y << ") is " << r << "," << g << "," << b
                                       << ", expected about " << want.r << "," << want.g << "," << want.b;
}

constexpr Rgb kRed{255, 0, 0}, kGreen{0, 255, 0}, kBlue{0, 0, 255}, kWhite{255, 255, 255};

// Bytes in either byte order, for the TIFF structure inside Exif.
struct Writer {
  bool little = false;
  std::string out;
  void u8(unsigned v) { out.push_back(static_cast<char>(v)); }
  void u16(unsigned v) {
    if (little) {
      u8(v & 0xFF), u8(v >> 8);
    } else {
      u8(v >> 8), u8(v & 0xFF);
    }
  }
  void u32(uint32_t v) {
    if (little) {
      u16(v & 0xFFFF), u16(v >> 16);
    } else {
      u16(v >> 16), u16(v & 0xFFFF);
    }
  }
  void entry(unsigned tag, unsigned type, uint32_t count, uint32_t value_or_offset, bool short_value = false) {
    u16(tag), u16(type), u32(count);
    if (short_value) {
      u16(value_or_offset), u16(0);
    } else {
      u32(value_or_offset);
    }
  }
};

constexpr std::string_view kMarker = "SECRET-MARKER-Llanfair-PG";

// An Exif APP1 segment: IFD0 {Orientation, ImageDescription (the marker), GPS IFD pointer}, GPS IFD {latitude ref,
// latitude}, then the marker text and the latitude rationals.
std::string exif_segment(int orientation, bool little) {
  Writer w{little, {}};
  w.out += little ? "II*\0"s : "MM\0*"s;
  w.u32(8);
  // IFD0 at 8: 3 entries -> 2 + 36 + 4 = 42 bytes, ends at 50.
  const uint32_t gps_ifd = 50;    // 2 entries -> 2 + 24 + 4 = 30 bytes, ends at 80
  const uint32_t marker_at = 80;  // kMarker + NUL
  const uint32_t latitude_at = marker_at + static_cast<uint32_t>(kMarker.size()) + 1;
  w.u16(3);
  w.entry(0x010E, 2, static_cast<uint32_t>(kMarker.size()) + 1, marker_at);  // ImageDescription
  w.entry(0x0112, 3, 1, static_cast<uint32_t>(orientation), true);           // Orientation
  w.entry(0x8825, 4, 1, gps_ifd);                                            // GPSInfo
  w.u32(0);
  EXPECT_EQ(w.out.size(), gps_ifd);
  w.u16(2);
  w.u16(0x0001), w.u16(2), w.u32(2), w.out += "N\0\0\0"s;  // GPSLatitudeRef "N"
  w.entry(0x0002, 5, 3, latitude_at);                      // GPSLatitude
  w.u32(0);
  EXPECT_EQ(w.out.size(), marker_at);
  w.out += kMarker;
  w.out.push_back('\0');
  for (uint32_t v : {51u, 1u, 28u, 1u, 3840u, 100u}) w.u32(v);  // 51° 28' 38.40"
  std::string payload = "Exif\0\0"s + w.out;
  const size_t length = payload.size() + 2;
  return "\xFF\xE1"s + static_cast<char>(length >> 8) + static_cast<char>(length & 0xFF) + payload;
}

std::string with_segment_after_soi(const std::string& jpeg, const std::string& segment) {
  return jpeg.substr(0, 2) + segment + jpeg.substr(2);
}

std::string comment_segment(std::string_view text) {
  const size_t length = text.size() + 2;
  return "\xFF\xFE"s + static_cast<char>(length >> 8) + static_cast<char>(length & 0xFF) + std::string(text);
}

std::string be32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string box(std::string_view type, std::string_view payload) {
  return be32(static_cast<uint32_t>(payload.size() + 8)) + std::string(type) + std::string(payload);
}

std::string ftyp(std::string_view brand) { return box("ftyp", std::string(brand) + be32(0) + std::string(brand)); }

// A minimal EBML header with the given DocType.
std::string ebml(std::string_view doctype) {
  std::string body = "\x42\x86\x81\x01"s;  // EBMLVersion 1
  body += "\x42\x82"s + static_cast<char>(0x80 | doctype.size()) + std::string(doctype);
  body += "\x42\x87\x81\x04"s;  // DocTypeVersion 4
  return "\x1A\x45\xDF\xA3"s + static_cast<char>(0x80 | body.size()) + body + "\x18\x53\x80\x67\x01"s;
}

// Two MPEG-1 layer III frames, 128 kbit/s, 44.1 kHz: 417 bytes each.
std::string mpeg_frames() {
  std::string frame = "\xFF\xFB\x90\x00"s + std::string(413, '\x11');
  return frame + frame;
}

std::string id3v2(std::string_view text, unsigned major = 3, unsigned flags = 0) {
  // One text frame (v2.3 layout is enough for the tests: the tag is dropped whole).
  std::string frames = "TIT2" + be32(static_cast<uint32_t>(text.size() + 1)) + "\0\0\0"s + std::string(text);
  const size_t size = frames.size();
  std::string header = "ID3"s + static_cast<char>(major) + '\0' + static_cast<char>(flags);
  for (int shift : {21, 14, 7, 0}) header.push_back(static_cast<char>((size >> shift) & 0x7F));
  std::string footer = (flags & 0x10) ? "3DI"s + header.substr(3) : ""s;
  return header + frames + footer;
}

std::string id3v1(std::string_view title) {
  std::string tag = "TAG" + std::string(title);
  tag.resize(128, '\0');
  return tag;
}

// ---- sniff

void expect_sniffed(const std::string& bytes, std::string_view mime, Kind kind, std::string_view extension) {
  auto s = sniff(bytes);
  ASSERT_TRUE(s.has_value()) << mime;
  EXPECT_EQ(s->mime, mime);
  EXPECT_EQ(s->kind, kind);
  EXPECT_EQ(s->extension, extension);
}

TEST(Sniff, RecognisesEachAllowedImageType) {
  auto im = quadrants(8, 8);
  expect_sniffed(jpeg_of(im.get()), "image/jpeg", Kind::image, "jpg");
  expect_sniffed(png_of(im.get()), "image/png", Kind::image, "png");
  expect_sniffed(gif_of(im.get()), "image/gif", Kind::image, "gif");
  expect_sniffed(webp_of(im.get(), 80), "image/webp", Kind::image, "webp");
  expect_sniffed(webp_of(im.get(), gdWebpLossless), "image/webp", Kind::image, "webp");
}

TEST(Sniff, RecognisesEachAllowedAudioType) {
  expect_sniffed(id3v2("Song") + mpeg_frames(), "audio/mpeg", Kind::audio, "mp3");
  expect_sniffed(mpeg_frames(), "audio/mpeg", Kind::audio, "mp3");
  expect_sniffed(ftyp("M4A ") + box("mdat", ""), "audio/mp4", Kind::audio, "m4a");
  expect_sniffed(ftyp("M4B ") + box("mdat", ""), "audio/mp4", Kind::audio, "m4a");
  expect_sniffed("OggS\0\x02"s + std::string(40, '\0'), "audio/ogg", Kind::audio, "ogg");
  expect_sniffed("RIFF\x24\0\0\0WAVEfmt "s + std::string(24, '\0'), "audio/wav", Kind::audio, "wav");
  expect_sniffed("fLaC\0\0\0\x22"s + std::string(34, '\0'), "audio/flac", Kind::audio, "flac");
}

TEST(Sniff, RecognisesEachAllowedVideoType) {
  for (std::string_view brand : {"isom", "iso2", "mp41", "mp42", "avc1", "M4V "}) {
    expect_sniffed(ftyp(brand) + box("moov", ""), "video/mp4", Kind::video, "mp4");
  }
  expect_sniffed(ftyp("qt  ") + box("moov", ""), "video/quicktime", Kind::video, "mov");
  expect_sniffed(ebml("webm"), "video/webm", Kind::video, "webm");
}

TEST(Sniff, RefusesEverythingElse) {
  EXPECT_FALSE(sniff(""));
  EXPECT_FALSE(sniff("<html><body>hello</body></html>"));
  EXPECT_FALSE(sniff("  <!DOCTYPE html><html>"));
  EXPECT_FALSE(sniff("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"));
  EXPECT_FALSE(sniff("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"));
  EXPECT_FALSE(sniff("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
  EXPECT_FALSE(sniff("MZ\x90\0\x03\0\0\0"s));
  EXPECT_FALSE(
      sniff("\x7F"
            "ELF\x02\x01\x01\0"s));
  EXPECT_FALSE(sniff("PK\x03\x04 a zip"));
  EXPECT_FALSE(sniff("Just some text, nothing more.\n"));
  EXPECT_FALSE(sniff("\x89PNG"));          // truncated signature
  EXPECT_FALSE(sniff("\x89PNG\r\n\x1A"));  // one byte short
  EXPECT_FALSE(sniff("\xFF\xD8"));         // SOI without a marker after it
  EXPECT_FALSE(sniff("GIF90a"));
  EXPECT_FALSE(sniff("RIFF\x24\0\0\0AVI LIST"s));
  EXPECT_FALSE(sniff("ID3"));
  EXPECT_FALSE(sniff(ftyp("heic") + box("meta", "")));  // HEIF images are not on the list
  EXPECT_FALSE(sniff(ftyp("avif")));
  EXPECT_FALSE(sniff(ebml("matroska")));
  EXPECT_FALSE(sniff("\xFF\xFB\x90\x00"s + std::string(413, '\0') + "nope"));  // one frame header, then no frame
}

TEST(Sniff, IgnoresMisleadingContent) {
  // Magic bytes later in the file do not count: only the start does.
  auto jpeg = jpeg_of(quadrants(8, 8).get());
  EXPECT_FALSE(sniff("<html>" + jpeg));
  EXPECT_FALSE(sniff("<html><img src=x onerror=alert(1)>\x89PNG\r\n\x1A\n"));
  // An image that has HTML in a comment is still the image it is.
  expect_sniffed(with_segment_after_soi(jpeg, comment_segment("<script>alert(1)</script>")), "image/jpeg", Kind::image,
                 "jpg");
}

// ---- image_size and exif_orientation

TEST(ImageSize, ReadsEachFormatsHeader) {
  auto im = quadrants(40, 20);
  const std::pair<int, int> want{40, 20};
  EXPECT_EQ(image_size(jpeg_of(im.get())), want);
  EXPECT_EQ(image_size(with_segment_after_soi(jpeg_of(im.get()), exif_segment(6, false))), want);
  EXPECT_EQ(image_size(png_of(im.get())), want);
  EXPECT_EQ(image_size(gif_of(im.get())), want);
  EXPECT_EQ(image_size(webp_of(im.get(), 80)), want);              // VP8
  EXPECT_EQ(image_size(webp_of(im.get(), gdWebpLossless)), want);  // VP8L
  // VP8X: canvas width-1 and height-1 in 24 bits each.
  std::string vp8x = "RIFF\0\0\0\0WEBPVP8X\x0A\0\0\0\x10\0\0\0"s + "\x1F\x4E\x00"s + "\x0F\x27\x00"s;
  EXPECT_EQ(image_size(vp8x), (std::pair{20000, 10000}));
}

TEST(ImageSize, RefusesMissingOrBrokenHeaders) {
  auto png = png_of(quadrants(40, 20).get());
  EXPECT_FALSE(image_size(""));
  EXPECT_FALSE(image_size("hello"));
  EXPECT_FALSE(image_size(png.substr(0, 20)));                // IHDR cut short
  EXPECT_FALSE(image_size("\xFF\xD8\xFF\xD9"));               // JPEG without a frame header
  EXPECT_FALSE(image_size("\xFF\xD8\xFF\xE0\x00\x10JFIF"s));  // segment longer than the file
  EXPECT_FALSE(image_size("GIF89a\0\0\x10\0"s));              // zero width
}

TEST(ExifOrientation, ReadsTheTagInBothByteOrders) {
  auto jpeg = jpeg_of(quadrants(40, 20).get());
  for (int o = 1; o <= 8; ++o) {
    EXPECT_EQ(exif_orientation(with_segment_after_soi(jpeg, exif_segment(o, false))), o);
    EXPECT_EQ(exif_orientation(with_segment_after_soi(jpeg, exif_segment(o, true))), o);
  }
}

TEST(ExifOrientation, IsOneWhenAbsentOrUnreadable) {
  auto jpeg = jpeg_of(quadrants(40, 20).get());
  EXPECT_EQ(exif_orientation(jpeg), 1);
  EXPECT_EQ(exif_orientation(""), 1);
  EXPECT_EQ(exif_orientation("not a jpeg"), 1);
  EXPECT_EQ(exif_orientation(with_segment_after_soi(jpeg, exif_segment(9, false))), 1);
  EXPECT_EQ(exif_orientation(with_segment_after_soi(jpeg, exif_segment(0, true))), 1);
  // Every truncation of a file with a good Exif segment is safe (and never claims more than it read).
  auto with_exif = with_segment_after_soi(jpeg, exif_segment(6, true));
  for (size_t n = 0; n < 200 && n < with_exif.size(); ++n) {
    const int o = exif_orientation(std::string_view(with_exif).substr(0, n));
    EXPECT_TRUE(o == 1 || o == 6) << n;
  }
  // An IFD offset pointing outside the segment.
  auto segment = exif_segment(6, false);
  segment[4 + 6 + 4] = '\x7F';
  EXPECT_EQ(exif_orientation(with_segment_after_soi(jpeg, segment)), 1);
}

// ---- reencode_image

TEST(ReencodeImage, TurnsAJpegUprightAndDropsExifAndGps) {
  auto jpeg = jpeg_of(quadrants(40, 20).get());
  auto original = with_segment_after_soi(jpeg, exif_segment(6, false) + comment_segment(kMarker));
  ASSERT_NE(original.find("Exif"), std::string::npos);
  ASSERT_NE(original.find(kMarker), std::string::npos);

  auto result = reencode_image(original);
  ASSERT_TRUE(std::holds_alternative<Image>(result));
  const auto& out = std::get<Image>(result);
  EXPECT_EQ(out.mime, "image/jpeg");
  auto sniffed = sniff(out.bytes);
  ASSERT_TRUE(sniffed);
  EXPECT_EQ(sniffed->mime, "image/jpeg");
  EXPECT_EQ(out.width, 20);
  EXPECT_EQ(out.height, 40);
  EXPECT_EQ(image_size(out.bytes), (std::pair{20, 40}));
  EXPECT_EQ(out.bytes.find("Exif"), std::string::npos);
  EXPECT_EQ(out.bytes.find(kMarker), std::string::npos);
  EXPECT_EQ(exif_orientation(out.bytes), 1);
}

TEST(ReencodeImage, AppliesAllEightOrientations) {
  // Expected quadrant colours (top left, top right, bottom left, bottom right) after each orientation.
  struct Case {
    int orientation;
    Rgb tl, tr, bl, br;
  };
  const Case cases[] = {
      {1, kRed, kGreen, kBlue, kWhite}, {2, kGreen, kRed, kWhite, kBlue}, {3, kWhite, kBlue, kGreen, kRed},
      {4, kBlue, kWhite, kRed, kGreen}, {5, kRed, kBlue, kGreen, kWhite}, {6, kBlue, kRed, kWhite, kGreen},
      {7, kWhite, kGreen, kBlue, kRed}, {8, kGreen, kWhite, kRed, kBlue},
  };
  auto jpeg = jpeg_of(quadrants(80, 40).get());
  for (const auto& c : cases) {
    SCOPED_TRACE(c.orientation);
    auto result = reencode_image(with_segment_after_soi(jpeg, exif_segment(c.orientation, c.orientation % 2 == 0)));
    ASSERT_TRUE(std::holds_alternative<Image>(result));
    const auto& out = std::get<Image>(result);
    const bool swapped = c.orientation >= 5;
    ASSERT_EQ(out.width, swapped ? 40 : 80);
    ASSERT_EQ(out.height, swapped ? 80 : 40);
    auto im = decode(out.bytes);
    ASSERT_TRUE(im);
    const int qx = out.width / 4, qy = out.height / 4;
    EXPECT_TRUE(near(im.get(), qx, qy, c.tl));
    EXPECT_TRUE(near(im.get(), 3 * qx, qy, c.tr));
    EXPECT_TRUE(near(im.get(), qx, 3 * qy, c.bl));
    EXPECT_TRUE(near(im.get(), 3 * qx, 3 * qy, c.br));
  }
}

TEST(ReencodeImage, RefusesOversizedHeadersBeforeDecoding) {
  // A PNG whose IHDR claims 50000 x 50000 and has no pixel data at all: refused on the header alone.
  std::string png =
      "\x89PNG\r\n\x1A\n"s + be32(13) + "IHDR" + be32(50000) + be32(50000) + "\x08\x06\0\0\0"s + be32(0) + "garbage";
  auto result = reencode_image(png);
  ASSERT_TRUE(std::holds_alternative<ImageError>(result));
  EXPECT_EQ(std::get<ImageError>(result), ImageError::too_large);

  // A real, decodable image over the pixel budget, and over the side limit.
  auto jpeg = jpeg_of(quadrants(200, 100).get());
  ImageLimits few_pixels;
  few_pixels.max_pixels_in = 200 * 100 - 1;
  EXPECT_EQ(std::get<ImageError>(reencode_image(jpeg, few_pixels)), ImageError::too_large);
  ImageLimits short_side;
  short_side.max_side_in = 199;
  EXPECT_EQ(std::get<ImageError>(reencode_image(jpeg, short_side)), ImageError::too_large);
  EXPECT_TRUE(std::holds_alternative<Image>(reencode_image(jpeg)));
}

TEST(ReencodeImage, RefusesGarbage) {
  EXPECT_EQ(std::get<ImageError>(reencode_image("")), ImageError::not_an_image);
  EXPECT_EQ(std::get<ImageError>(reencode_image("<html></html>")), ImageError::not_an_image);
  EXPECT_EQ(std::get<ImageError>(reencode_image(id3v2("x") + mpeg_frames())), ImageError::not_an_image);
  EXPECT_EQ(std::get<ImageError>(reencode_image("\x89PNG\r\n\x1A\n")), ImageError::broken);
  // A good header followed by rubbish instead of pixel data.
  auto png = png_of(quadrants(40, 20).get());
  EXPECT_EQ(std::get<ImageError>(reencode_image(png.substr(0, 33) + std::string(200, 'x'))), ImageError::broken);
  std::string jpeg_header = "\xFF\xD8\xFF\xC0\x00\x11\x08\x00\x14\x00\x28\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"s;
  EXPECT_EQ(std::get<ImageError>(reencode_image(jpeg_header + std::string(100, '\x42'))), ImageError::broken);
}

TEST(ReencodeImage, ScalesALargePngDownKeepingAlpha) {
  GdImage im(gdImageCreateTrueColor(3000, 1000));
  gdImageAlphaBlending(im.get(), 0);
  gdImageSaveAlpha(im.get(), 1);
  gdImageFilledRectangle(im.get(), 0, 0, 2999, 999, gdTrueColorAlpha(0, 128, 255, 0));
  gdImageFilledRectangle(im.get(), 0, 0, 599, 999, gdTrueColorAlpha(0, 0, 0, gdAlphaTransparent));
  auto result = reencode_image(png_of(im.get()));
  ASSERT_TRUE(std::holds_alternative<Image>(result));
  const auto& out = std::get<Image>(result);
  EXPECT_EQ(out.mime, "image/png");
  EXPECT_EQ(sniff(out.bytes)->mime, "image/png");
  EXPECT_EQ(out.width, 2000);
  EXPECT_NEAR(out.height, 667, 1);
  EXPECT_EQ(image_size(out.bytes), (std::pair{out.width, out.height}));
  auto back = decode(out.bytes);
  ASSERT_TRUE(back);
  EXPECT_EQ(gdTrueColorGetAlpha(gdImageGetTrueColorPixel(back.get(), 100, 300)), gdAlphaTransparent);
  const int opaque = gdImageGetTrueColorPixel(back.get(), 1500, 300);
  EXPECT_EQ(gdTrueColorGetAlpha(opaque), gdAlphaOpaque);
  EXPECT_TRUE(near(back.get(), 1500, 300, {0, 128, 255}));
}

TEST(ReencodeImage, KeepsSmallImagesAtTheirSize) {
  auto result = reencode_image(png_of(quadrants(40, 20).get()));
  ASSERT_TRUE(std::holds_alternative<Image>(result));
  EXPECT_EQ(std::get<Image>(result).width, 40);
  EXPECT_EQ(std::get<Image>(result).height, 20);
}

TEST(ReencodeImage, TurnsAGifIntoAPngKeepingTransparency) {
  GdImage im(gdImageCreate(30, 10));
  const int background = gdImageColorAllocate(im.get(), 255, 255, 255);
  const int red = gdImageColorAllocate(im.get(), 255, 0, 0);
  gdImageColorTransparent(im.get(), background);
  gdImageFilledRectangle(im.get(), 15, 0, 29, 9, red);
  auto gif = gif_of(im.get());
  ASSERT_EQ(sniff(gif)->mime, "image/gif");
  auto result = reencode_image(gif);
  ASSERT_TRUE(std::holds_alternative<Image>(result));
  const auto& out = std::get<Image>(result);
  EXPECT_EQ(out.mime, "image/png");
  EXPECT_EQ(sniff(out.bytes)->mime, "image/png");
  EXPECT_EQ(out.width, 30);
  EXPECT_EQ(out.height, 10);
  auto back = decode(out.bytes);
  ASSERT_TRUE(back);
  EXPECT_EQ(gdTrueColorGetAlpha(gdImageGetTrueColorPixel(back.get(), 5, 5)), gdAlphaTransparent);
  EXPECT_TRUE(near(back.get(), 20, 5, kRed));
}

TEST(ReencodeImage, TurnsAWebpIntoAJpeg) {
  GdImage im = quadrants(40, 20);
  auto result = reencode_image(webp_of(im.get(), 90));
  ASSERT_TRUE(std::holds_alternative<Image>(result));
  const auto& out = std::get<Image>(result);
  EXPECT_EQ(out.mime, "image/jpeg");
  EXPECT_EQ(sniff(out.bytes)->mime, "image/jpeg");
  EXPECT_EQ(out.width, 40);
  EXPECT_EQ(out.height, 20);
  auto back = decode(out.bytes);
  ASSERT_TRUE(back);
  EXPECT_TRUE(near(back.get(), 10, 5, kRed));
}

TEST(ReencodeImage, FlattensTransparentWebpOntoWhite) {
  GdImage im(gdImageCreateTrueColor(20, 20));
  gdImageAlphaBlending(im.get(), 0);
  gdImageSaveAlpha(im.get(), 1);
  gdImageFilledRectangle(im.get(), 0, 0, 19, 19, gdTrueColorAlpha(0, 0, 0, gdAlphaTransparent));
  auto result = reencode_image(webp_of(im.get(), gdWebpLossless));
  ASSERT_TRUE(std::holds_alternative<Image>(result));
  auto back = decode(std::get<Image>(result).bytes);
  ASSERT_TRUE(back);
  EXPECT_TRUE(near(back.get(), 10, 10, kWhite));
}

// ---- strip_metadata

struct Box {
  size_t offset;
  std::string type;
  size_t size;
  int depth;
};

// Every box of an ISO file, descending into the usual containers (as a player would).
void list_boxes(std::string_view bytes, size_t begin, size_t end, int depth, std::vector<Box>& out) {
  static const std::vector<std::string> kContainers{"moov", "trak", "mdia", "minf", "stbl", "udta", "meta", "edts"};
  size_t i = begin;
  while (i + 8 <= end) {
    uint64_t size = (uint64_t{static_cast<unsigned char>(bytes[i])} << 24) |
                    (uint64_t{static_cast<unsigned char>(bytes[i + 1])} << 16) |
                    (uint64_t{static_cast<unsigned char>(bytes[i + 2])} << 8) |
                    static_cast<unsigned char>(bytes[i + 3]);
    std::string type(bytes.substr(i + 4, 4));
    size_t header = 8;
    if (size == 1) {
      size = 0;
      for (size_t k = 0; k < 8; ++k) size = (size << 8) | static_cast<unsigned char>(bytes[i + 8 + k]);
      header = 16;
    } else if (size == 0) {
      size = end - i;
    }
    if (size < header || size > end - i) return;  // not a box tree from here on
    out.push_back({i, type, static_cast<size_t>(size), depth});
    size_t content = i + header + (type == "meta" ? 4 : 0);  // 'meta' is a full box
    if (std::find(kContainers.begin(), kContainers.end(), type) != kContainers.end()) {
      list_boxes(bytes, content, i + size, depth + 1, out);
    }
    i += size;
  }
}

// The types of the boxes a player reads (it skips 'free' and everything inside it) that contain `offset`.
std::vector<std::string> read_boxes_around(std::string_view bytes, size_t offset) {
  std::vector<Box> boxes;
  list_boxes(bytes, 0, bytes.size(), 0, boxes);
  std::vector<std::string> types;
  for (const auto& b : boxes) {
    if (offset >= b.offset && offset < b.offset + b.size) types.push_back(b.type);
  }
  // Stop at the first 'free': nothing inside it is read.
  auto free = std::find(types.begin(), types.end(), "free");
  if (free != types.end()) types.erase(free + 1, types.end());
  return types;
}

std::string type_at(std::string_view bytes, size_t offset) { return std::string(bytes.substr(offset + 4, 4)); }

constexpr std::string_view kLocation = "+51.4816-003.1791+010.000/";

TEST(StripMetadata, RenamesUdtaAndMetaBoxesInMp4) {
  const std::string file_ftyp = ftyp("isom");
  const std::string mvhd = box("mvhd", std::string(100, '\0'));
  const std::string moov_udta = box("udta", box("\xA9xyz", "\0\x1A\x15\xC7"s + std::string(kLocation)));
  const std::string trak_udta = box("udta", box("\xA9nam", "Secret title"));
  const std::string trak =
      box("trak", box("tkhd", std::string(84, '\0')) + trak_udta + box("mdia", box("mdhd", std::string(24, '\0'))));
  const std::string moov_meta = box("meta", std::string(4, '\0') + box("hdlr", std::string(25, '\0')));
  const std::string moov = box("moov", mvhd + moov_udta + trak + moov_meta);
  const std::string top_meta = box("meta", std::string(4, '\0') + box("xml ", "<x:xmpmeta>GPS</x:xmpmeta>"));
  const std::string mdat = box("mdat", std::string(64, '\x55'));
  const std::string original = file_ftyp + moov + top_meta + mdat;

  const auto type = sniff(original);
  ASSERT_TRUE(type);
  EXPECT_EQ(type->mime, "video/mp4");
  const size_t location_at = original.find(kLocation);
  ASSERT_NE(location_at, std::string::npos);
  EXPECT_EQ(read_boxes_around(original, location_at), (std::vector<std::string>{"moov", "udta", "\xA9xyz"}));

  std::string bytes = original;
  ASSERT_TRUE(strip_metadata(*type, bytes));
  ASSERT_EQ(bytes.size(), original.size());

  const size_t moov_at = file_ftyp.size();
  const size_t moov_udta_at = moov_at + 8 + mvhd.size();
  const size_t trak_at = moov_udta_at + moov_udta.size();
  const size_t trak_udta_at = trak_at + 8 + 92;
  const size_t moov_meta_at = trak_at + trak.size();
  const size_t top_meta_at = moov_at + moov.size();
  const size_t mdat_at = top_meta_at + top_meta.size();
  EXPECT_EQ(type_at(bytes, 0), "ftyp");
  EXPECT_EQ(type_at(bytes, moov_at), "moov");
  EXPECT_EQ(type_at(bytes, moov_at + 8), "mvhd");
  EXPECT_EQ(type_at(bytes, moov_udta_at), "free");
  EXPECT_EQ(type_at(bytes, trak_at), "trak");
  EXPECT_EQ(type_at(bytes, trak_at + 8), "tkhd");
  EXPECT_EQ(type_at(bytes, trak_udta_at), "free");
  EXPECT_EQ(type_at(bytes, trak_udta_at + trak_udta.size()), "mdia");
  EXPECT_EQ(type_at(bytes, moov_meta_at), "free");
  EXPECT_EQ(type_at(bytes, top_meta_at), "free");
  EXPECT_EQ(type_at(bytes, mdat_at), "mdat");

  // The location, the title and the XMP packet are gone, not just hidden; the boxes players read are untouched.
  EXPECT_EQ(bytes.find(kLocation), std::string::npos);
  EXPECT_EQ(bytes.find("Secret title"), std::string::npos);
  EXPECT_EQ(bytes.find("xmpmeta"), std::string::npos);
  EXPECT_EQ(bytes.substr(mdat_at), original.substr(mdat_at));
  EXPECT_EQ(bytes.substr(0, moov_udta_at), original.substr(0, moov_udta_at));

  // Stripping again changes nothing.
  std::string again = bytes;
  EXPECT_TRUE(strip_metadata(*type, again));
  EXPECT_EQ(again, bytes);
}

TEST(StripMetadata, HandlesLargeAndToEndSizesInMovAndM4a) {
  // A 'udta' with a 64-bit size, then an 'mdat' that runs to the end of the file (size 0).
  const std::string payload = box("\xA9xyz", std::string(kLocation));
  const std::string large_udta = be32(1) + "udta" + std::string(4, '\0') + be32(16 + payload.size()) + payload;
  const std::string moov = box("moov", large_udta);
  for (std::string_view brand : {"qt  ", "M4A "}) {
    const std::string original = ftyp(brand) + moov + be32(0) + "mdat" + std::string(50, '\x33');
    const auto type = sniff(original);
    ASSERT_TRUE(type);
    std::string bytes = original;
    ASSERT_TRUE(strip_metadata(*type, bytes)) << type->mime;
    ASSERT_EQ(bytes.size(), original.size());
    const size_t udta_at = ftyp(brand).size() + 8;
    EXPECT_EQ(type_at(bytes, udta_at), "free");
    EXPECT_EQ(bytes.substr(0, udta_at + 4), original.substr(0, udta_at + 4));
    EXPECT_EQ(bytes.substr(udta_at + 8, 8), original.substr(udta_at + 8, 8)) << "the 64-bit size is kept";
    EXPECT_EQ(bytes.substr(udta_at + 16, payload.size()), std::string(payload.size(), '\0'));
    EXPECT_EQ(bytes.substr(udta_at + 16 + payload.size()), original.substr(udta_at + 16 + payload.size()));
  }
}

TEST(StripMetadata, RenamesXmpUuidBoxes) {
  const std::string xmp_uuid = "\xBE\x7A\xCF\xCB\x97\xA9\x42\xE8\x9C\x71\x99\x94\x91\xE3\xAF\xAC"s;
  const std::string other_uuid(16, '\x01');
  const std::string original = ftyp("mp42") + box("uuid", xmp_uuid + "<x:xmpmeta/>") + box("uuid", other_uuid);
  std::string bytes = original;
  ASSERT_TRUE(strip_metadata(*sniff(original), bytes));
  EXPECT_EQ(type_at(bytes, ftyp("mp42").size()), "free");
  EXPECT_EQ(type_at(bytes, ftyp("mp42").size() + 8 + 28), "uuid");
  EXPECT_EQ(bytes.find("xmpmeta"), std::string::npos);
}

TEST(StripMetadata, LeavesMalformedBoxTreesUnchanged) {
  const Sniffed mp4{"video/mp4", Kind::video, "mp4"};
  const std::string head = ftyp("isom") + box("meta", std::string(8, '\0'));
  const std::vector<std::string> broken{
      head + be32(100) + "mdat" + "short",                            // box longer than the file
      head + be32(4) + "mdat",                                        // size smaller than its header
      head + "\0\0\0"s,                                               // trailing bytes too few for a header
      head + box("moov", be32(50) + "udta" + "xx"),                   // child longer than its parent
      head + be32(1) + "mdat" + be32(0) + be32(8),                    // 64-bit size smaller than its header
      head + be32(1) + "mdat" + "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF"s,  // 64-bit size beyond the file
  };
  for (const auto& original : broken) {
    std::string bytes = original;
    EXPECT_FALSE(strip_metadata(mp4, bytes));
    EXPECT_EQ(bytes, original);
  }
}

TEST(StripMetadata, RemovesId3TagsFromMp3) {
  const std::string audio = mpeg_frames();
  for (const auto& original :
       {id3v2("Recorded at 10 Downing St") + audio + id3v1("Title"),
        id3v2("v2.4 with footer", 4, 0x10) + audio + id3v1("Title"), id3v2("first") + id3v2("second") + audio}) {
    const auto type = sniff(original);
    ASSERT_TRUE(type);
    EXPECT_EQ(type->mime, "audio/mpeg");
    std::string bytes = original;
    ASSERT_TRUE(strip_metadata(*type, bytes));
    EXPECT_EQ(bytes, audio);
  }
  // Nothing to remove.
  std::string bytes = audio;
  EXPECT_TRUE(strip_metadata(*sniff(audio), bytes));
  EXPECT_EQ(bytes, audio);
}

TEST(StripMetadata, LeavesBrokenId3TagsUnchanged) {
  const Sniffed mp3{"audio/mpeg", Kind::audio, "mp3"};
  std::string tag = id3v2("title") + mpeg_frames();
  tag[6] = '\x7F';  // size far beyond the file
  std::string bytes = tag;
  EXPECT_FALSE(strip_metadata(mp3, bytes));
  EXPECT_EQ(bytes, tag);
  std::string not_syncsafe = id3v2("title") + mpeg_frames();
  not_syncsafe[9] = '\x80';
  bytes = not_syncsafe;
  EXPECT_FALSE(strip_metadata(mp3, bytes));
  EXPECT_EQ(bytes, not_syncsafe);
}

}  // namespace
}  // namespace roundtable::media
