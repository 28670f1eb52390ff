// Fuzzes the pure media parsers (no libgd): sniff, image_size, exif_orientation and strip_metadata. Properties:
//  - sniff gives a known MIME type whose top-level type matches its Kind, and a non-empty extension;
//  - image_size only answers for inputs sniffed as images, with positive sides;
//  - exif_orientation is always 1..8, and 1 for anything that is not a JPEG;
//  - strip_metadata, under every type it has a parser for: on false the bytes are untouched; for MP4/MOV/M4A the
//    length is kept and every changed byte lies in a 4-byte box type that now reads "free" (and a second pass
//    changes nothing); for MP3 the result is the input without a leading part starting "ID3" and/or a trailing
//    128-byte "TAG" block; other types are left as they are.
#include <cstdint>
#include <string>
#include <string_view>

#include "media/media.hpp"

namespace {

using roundtable::media::Kind;
using roundtable::media::Sniffed;

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
  };
  for (const auto& type : types) {
    std::string bytes(input);
    const bool ok = roundtable::media::strip_metadata(type, bytes);
    if (!ok) {
      check(bytes == input);
    } else if (iso(type.mime)) {
      check_iso_strip(input, type, bytes);
    } else if (type.mime == "audio/mpeg") {
      check_mp3_strip(input, bytes);
    } else {
      check(bytes == input);
    }
  }
  return 0;
}
