#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "media/bytes.hpp"
#include "media/strip_parts.hpp"

namespace roundtable::media::detail {
namespace {

using bytes::byte;

// Matroska element ids (marker bits kept), as in the Matroska and EBML specifications.
constexpr uint64_t kEbml = 0x1A45DFA3, kSegment = 0x18538067, kVoid = 0xEC, kCrc32 = 0xBF;
constexpr uint64_t kSeekHead = 0x114D9B74, kInfo = 0x1549A966, kTracks = 0x1654AE6B, kCluster = 0x1F43B675,
                   kCues = 0x1C53BB6B, kChapters = 0x1043A770, kTags = 0x1254C367, kAttachments = 0x1941A469;
constexpr uint64_t kTrackEntry = 0xAE, kName = 0x536E;
constexpr uint64_t kTitle = 0x7BA9, kMuxingApp = 0x4D80, kWritingApp = 0x5741, kDateUtc = 0x4461,
                   kSegmentFilename = 0x7384, kPrevFilename = 0x3C83AB, kNextFilename = 0x3E83BB;
constexpr uint64_t kUnknown = UINT64_MAX;

struct Element {
  uint64_t id = 0;
  size_t start = 0;   // where its id begins
  size_t body = 0;    // where its content begins
  uint64_t size = 0;  // kUnknown when the size field is all ones
};

// An EBML variable-length integer at bytes[i]: its length (1..max_length), or 0 if invalid or cut off.
size_t vint_length(std::string_view bytes, size_t i, size_t max_length) {
  if (i >= bytes.size()) return 0;
  const unsigned first = byte(bytes, i);
  for (size_t len = 1; len <= max_length; ++len) {
    if (first & (0x80u >> (len - 1))) return bytes.size() - i >= len ? len : 0;
  }
  return 0;
}

std::optional<Element> read_element(std::string_view bytes, size_t i) {
  Element e;
  e.start = i;
  const size_t id_length = vint_length(bytes, i, 4);
  if (id_length == 0) return std::nullopt;
  for (size_t k = 0; k < id_length; ++k) e.id = (e.id << 8) | byte(bytes, i + k);
  i += id_length;
  const size_t size_length = vint_length(bytes, i, 8);
  if (size_length == 0) return std::nullopt;
  uint64_t size = byte(bytes, i) & (0xFFu >> size_length);
  bool all_ones = size == (0xFFu >> size_length);
  for (size_t k = 1; k < size_length; ++k) {
    size = (size << 8) | byte(bytes, i + k);
    all_ones = all_ones && byte(bytes, i + k) == 0xFF;
  }
  e.body = i + size_length;
  e.size = all_ones ? kUnknown : size;
  return e;
}

bool top_level(uint64_t id) {
  return id == kSeekHead || id == kInfo || id == kTracks || id == kCluster || id == kCues || id == kChapters ||
         id == kTags || id == kAttachments || id == kEbml || id == kSegment;
}

struct Edits {
  std::vector<std::pair<size_t, size_t>> voids;   // whole elements to turn into Void
  std::vector<std::pair<size_t, size_t>> zeroes;  // string contents to zero
};

class Walker {
 public:
  explicit Walker(std::string_view bytes) : bytes_(bytes) {}

  Strip run(Edits& edits) {
    size_t i = 0;
    while (i < bytes_.size()) {
      auto e = read_element(bytes_, i);
      if (!e) return Strip::broken;
      if (e->id == kSegment) {
        const size_t end = e->size == kUnknown ? bytes_.size() : bounded_end(*e, bytes_.size());
        if (end == 0) return Strip::broken;
        if (auto r = segment(e->body, end, edits); r != Strip::done) return r;
        i = end;
      } else if (e->id == kEbml || e->id == kVoid) {
        const size_t end = e->size == kUnknown ? 0 : bounded_end(*e, bytes_.size());
        if (end == 0) return Strip::broken;
        i = end;
      } else {
        return Strip::broken;
      }
    }
    return Strip::done;
  }

 private:
  // The end of an element of known size, or 0 when it runs past `limit`.
  static size_t bounded_end(const Element& e, size_t limit) {
    if (e.body > limit || e.size > limit - e.body) return 0;
    return e.body + static_cast<size_t>(e.size);
  }

  Strip segment(size_t begin, size_t end, Edits& edits) {
    for (size_t i = begin; i < end;) {
      auto e = read_element(bytes_.substr(0, end), i);
      if (!e) return Strip::broken;
      if (e->size == kUnknown) {
        if (e->id != kCluster) return Strip::cannot_clean;
        // A live recording's cluster: it ends where the next top-level element begins.
        size_t k = e->body;
        while (k < end) {
          auto child = read_element(bytes_.substr(0, end), k);
          if (!child) return Strip::broken;
          if (top_level(child->id)) break;
          if (child->size == kUnknown) return Strip::cannot_clean;
          k = bounded_end(*child, end);
          if (k == 0) return Strip::broken;
        }
        i = k;
        continue;
      }
      const size_t element_end = bounded_end(*e, end);
      if (element_end == 0) return Strip::broken;
      if (e->id == kTags || e->id == kAttachments || e->id == kChapters) {
        edits.voids.emplace_back(e->start, element_end);
      } else if (e->id == kInfo) {
        if (auto r = master(e->body, element_end, false, edits); r != Strip::done) return r;
      } else if (e->id == kTracks) {
        for (size_t k = e->body; k < element_end;) {
          auto entry = read_element(bytes_.substr(0, element_end), k);
          if (!entry || entry->size == kUnknown) return Strip::broken;
          const size_t entry_end = bounded_end(*entry, element_end);
          if (entry_end == 0) return Strip::broken;
          if (entry->id == kTrackEntry) {
            if (auto r = master(entry->body, entry_end, true, edits); r != Strip::done) return r;
          }
          k = entry_end;
        }
      }
      i = element_end;
    }
    return Strip::done;
  }

  // Info (track == false) or a TrackEntry: zero the strings that can name people, places or software, void the
  // date, and void the element's CRC-32 when anything in it changed.
  Strip master(size_t begin, size_t end, bool track, Edits& edits) {
    std::optional<std::pair<size_t, size_t>> crc;
    bool changed = false;
    for (size_t i = begin; i < end;) {
      auto e = read_element(bytes_.substr(0, end), i);
      if (!e || e->size == kUnknown) return Strip::broken;
      const size_t element_end = bounded_end(*e, end);
      if (element_end == 0) return Strip::broken;
      const bool text = track ? e->id == kName
                              : (e->id == kTitle || e->id == kMuxingApp || e->id == kWritingApp ||
                                 e->id == kSegmentFilename || e->id == kPrevFilename || e->id == kNextFilename);
      if (text && element_end > e->body) {
        edits.zeroes.emplace_back(e->body, element_end);
        changed = true;
      } else if (!track && e->id == kDateUtc) {
        edits.voids.emplace_back(e->start, element_end);
        changed = true;
      } else if (e->id == kCrc32) {
        crc.emplace(e->start, element_end);
      }
      i = element_end;
    }
    if (changed && crc) edits.voids.push_back(*crc);
    return Strip::done;
  }

  std::string_view bytes_;
};

// Overwrites bytes[begin, end) with a Void element of exactly that length (at least 2 bytes: id and size).
void write_void(std::string& bytes, size_t begin, size_t end) {
  const size_t total = end - begin;
  const size_t size_length = std::min<size_t>(8, total - 1);
  const uint64_t size = total - 1 - size_length;
  bytes[begin] = static_cast<char>(kVoid);
  for (size_t k = 0; k < size_length; ++k) {
    uint64_t b = (size >> (8 * (size_length - 1 - k))) & 0xFF;
    if (k == 0) b |= 0x80u >> (size_length - 1);
    bytes[begin + 1 + k] = static_cast<char>(b);
  }
  std::fill(bytes.begin() + static_cast<std::ptrdiff_t>(begin + 1 + size_length),
            bytes.begin() + static_cast<std::ptrdiff_t>(end), '\0');
}

}  // namespace

Strip strip_webm(std::string& bytes) {
  Edits edits;
  if (auto r = Walker(bytes).run(edits); r != Strip::done) return r;
  for (const auto& [begin, end] : edits.zeroes) {
    std::fill(bytes.begin() + static_cast<std::ptrdiff_t>(begin), bytes.begin() + static_cast<std::ptrdiff_t>(end),
              '\0');
  }
  for (const auto& [begin, end] : edits.voids) write_void(bytes, begin, end);
  return Strip::done;
}

}  // namespace roundtable::media::detail
