#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "media/bytes.hpp"
#include "media/media.hpp"
#include "media/strip_parts.hpp"

namespace roundtable::media {
namespace {

using bytes::byte;

// Read as 64 bits: a box's size may be two of them, the high half shifted by 32.
uint64_t wide_be32(std::string_view s, size_t i) { return bytes::be32(s, i); }

// The XMP packet box of ISO base media files: 'uuid' with this extended type (BE7ACFCB-97A9-42E8-9C71-999491E3AFAC).
constexpr std::string_view kXmpUuid("\xBE\x7A\xCF\xCB\x97\xA9\x42\xE8\x9C\x71\x99\x94\x91\xE3\xAF\xAC", 16);

// A box to turn into 'free': where its type is and where its contents are.
struct Blank {
  size_t type_at;
  size_t begin;
  size_t end;
};

// Walks the boxes in bytes[begin, end), adding those to blank out to `renames` and descending into 'moov' (from the
// top level) and 'trak' (inside 'moov'). False when a box does not fit.
bool walk_boxes(std::string_view bytes, size_t begin, size_t end, int depth, std::vector<Blank>& renames) {
  size_t i = begin;
  while (i < end) {
    if (end - i < 8) return false;
    uint64_t size = wide_be32(bytes, i);
    const std::string_view type = bytes.substr(i + 4, 4);
    size_t header = 8;
    if (size == 1) {
      if (end - i < 16) return false;
      size = (wide_be32(bytes, i + 8) << 32) | wide_be32(bytes, i + 12);
      header = 16;
    } else if (size == 0) {
      size = end - i;  // to the end of the enclosing box (or of the file)
    }
    if (size < header || size > end - i) return false;
    const size_t box_end = i + static_cast<size_t>(size);
    if (type == "udta" || type == "meta") {
      renames.push_back({i + 4, i + header, box_end});
    } else if (type == "uuid" && box_end - i >= header + 16 && bytes.substr(i + header, 16) == kXmpUuid) {
      renames.push_back({i + 4, i + header, box_end});
    } else if ((depth == 0 && type == "moov") || (depth == 1 && type == "trak")) {
      if (!walk_boxes(bytes, i + header, box_end, depth + 1, renames)) return false;
    }
    i = box_end;
  }
  return true;
}

bool strip_iso_boxes(std::string& bytes) {
  std::vector<Blank> renames;
  if (!walk_boxes(bytes, 0, bytes.size(), 0, renames)) return false;
  // Renamed, players skip the box; zeroed, the location and names inside are really gone. Sizes stay the same,
  // so every offset elsewhere in the file stays valid.
  for (const auto& b : renames) {
    bytes.replace(b.type_at, 4, "free");
    std::fill(bytes.begin() + static_cast<std::ptrdiff_t>(b.begin), bytes.begin() + static_cast<std::ptrdiff_t>(b.end),
              '\0');
  }
  return true;
}

// The length of the ID3v2 tag at the start of bytes (0 if there is none), or nullopt when its header is broken.
std::optional<size_t> id3v2_length(std::string_view bytes) {
  if (bytes.size() < 3 || bytes.substr(0, 3) != "ID3") return 0;
  if (bytes.size() < 10) return std::nullopt;
  const unsigned major = byte(bytes, 3), flags = byte(bytes, 5);
  if (major < 2 || major > 4 || byte(bytes, 4) == 0xFF) return std::nullopt;
  size_t size = 0;
  for (size_t i = 6; i < 10; ++i) {
    if (byte(bytes, i) & 0x80) return std::nullopt;
    size = (size << 7) | byte(bytes, i);
  }
  size_t total = 10 + size + ((major == 4 && (flags & 0x10)) ? 10 : 0);
  if (total > bytes.size()) return std::nullopt;
  return total;
}

bool strip_id3(std::string& bytes) {
  std::string_view rest(bytes);
  // A file may carry more than one leading tag.
  while (true) {
    const auto length = id3v2_length(rest);
    if (!length) return false;
    if (*length == 0) break;
    rest.remove_prefix(*length);
  }
  if (rest.size() >= 128 && rest.substr(rest.size() - 128, 3) == "TAG") rest.remove_suffix(128);
  if (rest.size() != bytes.size()) bytes = std::string(rest);
  return true;
}

}  // namespace

Strip strip(Sniffed type, std::string& bytes) {
  if (type.mime == "video/mp4" || type.mime == "video/quicktime" || type.mime == "audio/mp4") {
    return strip_iso_boxes(bytes) ? Strip::done : Strip::broken;
  }
  if (type.mime == "audio/mpeg") return strip_id3(bytes) ? Strip::done : Strip::broken;
  if (type.mime == "audio/wav") return detail::strip_wav(bytes);
  if (type.mime == "audio/flac") return detail::strip_flac(bytes);
  if (type.mime == "audio/ogg") return detail::strip_ogg(bytes);
  if (type.mime == "video/webm" || type.mime == "audio/webm") return detail::strip_webm(bytes);
  return Strip::done;
}

bool strip_metadata(Sniffed type, std::string& bytes) { return strip(type, bytes) == Strip::done; }

}  // namespace roundtable::media
