// Fuzzes the pure media parsers (no libgd): sniff, image_size, exif_orientation and strip. Properties:
//  - sniff gives a known MIME type whose top-level type matches its Kind, and a non-empty extension;
//  - image_size only answers for inputs sniffed as images, with positive sides;
//  - exif_orientation is always 1..8, and 1 for anything that is not a JPEG;
//  - strip, under every type it has a parser for: unless done, the bytes are untouched; for MP4/MOV/M4A the
//    length is kept and every changed byte lies in a 4-byte box type that now reads "free" (and a second pass
//    changes nothing); for MP3 the result is the input without a leading part starting "ID3" and/or a trailing
//    128-byte "TAG" block; for WAV the result is a RIFF/WAVE file of 'fmt ', 'fact' and 'data' chunks whose sizes
//    add up; for FLAC it is STREAMINFO and SEEKTABLE blocks, the last one marked, then the input's frames unchanged;
//    for WebM the length is kept; for WAV, FLAC, OGG and WebM a second pass is done and changes nothing (for OGG
//    that also checks every page's CRC); other types are left as they are.
#include <cstdint>
#include <string>
#include <string_view>

#include "media/media.hpp"

namespace {

using roundtable::media::Kind;
using roundtable::media::Sniffed;
using roundtable::media::Strip;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool iso(std::string_view mime) { return mime == "video/mp4" || mime == "video/quicktime" || mime == "audio/mp4"; }

void check_iso_strip(std::string_view input, const Sniffed& type, const std::string& bytes) {
  check(bytes.size() == input.size());
  // Every byte that changed is either part of a box type now reading "free" or a blanked (zero) content byte.
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == input[i] || bytes[i] == '\0') continue;
    bool in_free = false;
    for (size_t k = i >= 3 ? i - 3 : 0; k <= i && !in_free; ++k)
      in_free = std::string_view(bytes).substr(k, 4) == "free";
    check(in_free);
  }
  std::string again = bytes;
  check(roundtable::media::strip_metadata(type, again));
  check(again == bytes);
}

void check_mp3_strip(std::string_view input, const std::string& bytes) {
  check(bytes.size() <= input.size());
  const size_t removed = input.size() - bytes.size();
  bool explained = false;
  for (size_t tail : {size_t{0}, size_t{128}}) {
    if (tail > removed) continue;
    const size_t head = removed - tail;
    if (tail != 0 && input.substr(input.size() - 128, 3) != "TAG") continue;
    if (head != 0 && !input.starts_with("ID3")) continue;
    if (input.substr(head, bytes.size()) == bytes) explained = true;
  }
  check(explained);
}

uint32_t le32(std::string_view s, size_t i) {
  return uint32_t{static_cast<unsigned char>(s[i])} | (uint32_t{static_cast<unsigned char>(s[i + 1])} << 8) |
         (uint32_t{static_cast<unsigned char>(s[i + 2])} << 16) |
         (uint32_t{static_cast<unsigned char>(s[i + 3])} << 24);
}

void check_wav_strip(std::string_view bytes) {
  check(bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WAVE");
  check(le32(bytes, 4) == bytes.size() - 8);
  size_t i = 12;
  while (i < bytes.size()) {
    check(bytes.size() - i >= 8);
    const std::string_view id = bytes.substr(i, 4);
    check(id == "fmt " || id == "fact" || id == "data");
    const size_t size = le32(bytes, i + 4);
    check(bytes.size() - i - 8 >= size + size % 2);
    i += 8 + size + size % 2;
  }
}

void check_flac_strip(std::string_view input, std::string_view bytes) {
  check(bytes.starts_with("fLaC"));
  size_t i = 4;
  bool last = false;
  while (!last) {
    check(bytes.size() - i >= 4);
    last = (static_cast<unsigned char>(bytes[i]) & 0x80) != 0;
    const unsigned type = static_cast<unsigned char>(bytes[i]) & 0x7F;
    check(i == 4 ? type == 0 : type == 3);
    const size_t length = (size_t{static_cast<unsigned char>(bytes[i + 1])} << 16) |
                          (size_t{static_cast<unsigned char>(bytes[i + 2])} << 8) |
                          static_cast<unsigned char>(bytes[i + 3]);
    check(bytes.size() - i - 4 >= length);
    i += 4 + length;
  }
  check(input.ends_with(bytes.substr(i)));
}

void check_again(const Sniffed& type, const std::string& bytes) {
  std::string again = bytes;
  check(roundtable::media::strip(type, again) == Strip::done);
  check(again == bytes);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const auto sniffed = roundtable::media::sniff(input);
  if (sniffed) {
    const std::string_view prefix = sniffed->kind == Kind::image   ? "image/"
                                    : sniffed->kind == Kind::audio ? "audio/"
                                                                   : "video/";
    check(sniffed->mime.starts_with(prefix) && sniffed->mime.size() > prefix.size());
    check(!sniffed->extension.empty() && sniffed->extension.find('.') == std::string_view::npos);
  }

  if (const auto dims = roundtable::media::image_size(input)) {
    check(dims->first > 0 && dims->second > 0);
    check(sniffed && sniffed->kind == Kind::image);
  }

  const int orientation = roundtable::media::exif_orientation(input);
  check(orientation >= 1 && orientation <= 8);
  if (!input.starts_with("\xFF\xD8")) check(orientation == 1);

  // The sniffed type, and every type with a parser whatever the bytes look like.
  const Sniffed types[] = {
      sniffed.value_or(Sniffed{"image/png", Kind::image, "png"}),
      {"video/mp4", Kind::video, "mp4"},
      {"video/quicktime", Kind::video, "mov"},
      {"audio/mp4", Kind::audio, "m4a"},
      {"audio/mpeg", Kind::audio, "mp3"},
      {"audio/ogg", Kind::audio, "ogg"},
      {"audio/wav", Kind::audio, "wav"},
      {"audio/flac", Kind::audio, "flac"},
      {"video/webm", Kind::video, "webm"},
  };
  for (const auto& type : types) {
    std::string bytes(input);
    const Strip result = roundtable::media::strip(type, bytes);
    std::string copy(input);
    check(roundtable::media::strip_metadata(type, copy) == (result == Strip::done));
    if (result != Strip::done) {
      check(bytes == input);
    } else if (iso(type.mime)) {
      check_iso_strip(input, type, bytes);
    } else if (type.mime == "audio/mpeg") {
      check_mp3_strip(input, bytes);
    } else if (type.mime == "audio/wav") {
      check_wav_strip(bytes);
      check_again(type, bytes);
    } else if (type.mime == "audio/flac") {
      check_flac_strip(input, bytes);
      check_again(type, bytes);
    } else if (type.mime == "audio/ogg") {
      check_again(type, bytes);
    } else if (type.mime == "video/webm") {
      check(bytes.size() == input.size());
      check_again(type, bytes);
    } else {
      check(bytes == input);
    }
  }
  return 0;
}
