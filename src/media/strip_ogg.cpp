#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "media/bytes.hpp"
#include "media/strip_parts.hpp"

namespace roundtable::media::detail {
namespace {

using namespace bytes;

void append_le(std::string& s, uint64_t v, size_t n) {
  for (size_t k = 0; k < n; ++k) s.push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
}

constexpr unsigned kContinued = 0x01, kFirst = 0x02, kLast = 0x04;
constexpr size_t kHeader = 27;  // a page's fixed header, before its segment table
constexpr uint64_t kNoGranule = ~uint64_t{0};

struct Page {
  size_t offset = 0;
  size_t length = 0;  // header, segment table and body
  unsigned flags = 0;
  uint32_t serial = 0;
  uint32_t sequence = 0;
  std::string_view lacing;
  std::string_view body;
};

enum class Codec { vorbis, opus };

struct Stream {
  Codec codec = Codec::vorbis;
  size_t headers_needed = 0;  // packets: Vorbis 3 (identification, comment, setup), Opus 2 (head, tags)
  std::vector<std::string> packets;
  std::string partial;
  bool done = false;
  uint32_t first_sequence = 0;
  std::vector<size_t> header_pages;  // after the first page
  bool last_flag = false;            // the last header page ended the stream
  std::vector<std::string> new_pages;
  uint32_t shift = 0;  // added to the sequence numbers of the stream's later pages
};

std::string page_bytes(unsigned flags, uint64_t granule, uint32_t serial, uint32_t sequence,
                       const std::vector<uint8_t>& lacing, std::string_view body) {
  std::string p("OggS");
  p.push_back('\0');
  p.push_back(static_cast<char>(flags));
  append_le(p, granule, 8);
  append_le(p, serial, 4);
  append_le(p, sequence, 4);
  append_le(p, 0, 4);
  p.push_back(static_cast<char>(lacing.size()));
  for (auto l : lacing) p.push_back(static_cast<char>(l));
  p.append(body);
  put_le32(p, 22, ogg_crc(p));
  return p;
}

/// Lays packets out on pages (at most 255 segments each), numbered from `sequence`. Header pages have granule 0
/// where a packet ends and none (-1) where none does.
std::vector<std::string> paginate(const std::vector<std::string>& packets, uint32_t serial, uint32_t sequence,
                                  bool last_flag) {
  struct Segment {
    uint8_t lace;
    size_t packet, offset;
  };
  std::vector<Segment> segments;
  for (size_t p = 0; p < packets.size(); ++p) {
    const size_t n = packets[p].size();
    for (size_t off = 0;; off += 255) {
      const size_t len = n - off >= 255 ? 255 : n - off;
      segments.push_back({static_cast<uint8_t>(len), p, off});
      if (len < 255) break;
    }
  }
  std::vector<std::string> pages;
  bool continued = false;
  for (size_t i = 0; i < segments.size();) {
    const size_t count = std::min<size_t>(255, segments.size() - i);
    std::vector<uint8_t> lacing;
    std::string body;
    bool ends = false;
    for (size_t k = i; k < i + count; ++k) {
      lacing.push_back(segments[k].lace);
      body.append(std::string_view(packets[segments[k].packet]).substr(segments[k].offset, segments[k].lace));
      ends = ends || segments[k].lace < 255;
    }
    i += count;
    unsigned flags = continued ? kContinued : 0;
    if (i == segments.size() && last_flag) flags |= kLast;
    pages.push_back(page_bytes(flags, ends ? 0 : kNoGranule, serial, sequence++, lacing, body));
    continued = lacing.back() == 255;
  }
  return pages;
}

/// The comment packet with its comments gone and its vendor string kept; nullopt when it does not parse.
std::optional<std::string> without_comments(Codec codec, std::string_view packet) {
  const std::string_view magic = codec == Codec::vorbis ? std::string_view("\x03vorbis", 7) : "OpusTags";
  if (!packet.starts_with(magic)) return std::nullopt;
  size_t i = magic.size();
  if (packet.size() - i < 4) return std::nullopt;
  const size_t vendor = le32(packet, i);
  if (packet.size() - i - 4 < vendor) return std::nullopt;
  const std::string_view vendor_string = packet.substr(i + 4, vendor);
  i += 4 + vendor;
  if (packet.size() - i < 4) return std::nullopt;
  const uint32_t count = le32(packet, i);
  i += 4;
  for (uint32_t c = 0; c < count; ++c) {
    if (packet.size() - i < 4) return std::nullopt;
    const size_t length = le32(packet, i);
    if (packet.size() - i - 4 < length) return std::nullopt;
    i += 4 + length;
  }
  // Vorbis ends with a framing bit; Opus may carry binary data after the comments, which goes with them.
  if (codec == Codec::vorbis && (i >= packet.size() || (byte(packet, i) & 1) == 0)) return std::nullopt;
  std::string out(magic);
  append_le(out, vendor_string.size(), 4);
  out.append(vendor_string);
  append_le(out, 0, 4);
  if (codec == Codec::vorbis) out.push_back('\x01');
  return out;
}

}  // namespace

uint32_t ogg_crc(std::string_view bytes) {
  static const auto table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t r = i << 24;
      for (int k = 0; k < 8; ++k) r = (r & 0x80000000u) ? (r << 1) ^ 0x04C11DB7u : r << 1;
      t[i] = r;
    }
    return t;
  }();
  uint32_t crc = 0;
  for (unsigned char c : bytes) crc = (crc << 8) ^ table[((crc >> 24) ^ c) & 0xFF];
  return crc;
}

Strip strip_ogg(std::string& bytes) {
  const std::string_view in(bytes);
  std::vector<Page> pages;
  for (size_t i = 0; i < in.size();) {
    if (in.size() - i < kHeader || in.substr(i, 4) != "OggS" || byte(in, i + 4) != 0) return Strip::broken;
    const size_t segments = byte(in, i + 26);
    if (in.size() - i - kHeader < segments) return Strip::broken;
    Page p;
    p.offset = i;
    p.flags = byte(in, i + 5);
    p.serial = le32(in, i + 14);
    p.sequence = le32(in, i + 18);
    p.lacing = in.substr(i + kHeader, segments);
    size_t body = 0;
    for (unsigned char l : p.lacing) body += l;
    if (in.size() - i - kHeader - segments < body) return Strip::broken;
    p.body = in.substr(i + kHeader + segments, body);
    p.length = kHeader + segments + body;
    std::string check(in.substr(i, p.length));
    put_le32(check, 22, 0);
    if (ogg_crc(check) != le32(in, i + 22)) return Strip::broken;
    pages.push_back(p);
    i += p.length;
  }
  if (pages.empty()) return Strip::broken;

  // Read each stream's header packets: the first page holds the identification header alone; the comment header
  // (and Vorbis's setup header) follow and must end a page, where the sound begins.
  std::map<uint32_t, Stream> streams;
  for (size_t k = 0; k < pages.size(); ++k) {
    const Page& p = pages[k];
    auto found = streams.find(p.serial);
    if (p.flags & kFirst) {
      if (found != streams.end()) return Strip::cannot_clean;  // a chained stream reusing a serial number
      Stream s;
      if (p.body.starts_with(std::string_view("\x01vorbis", 7))) {
        s.codec = Codec::vorbis;
        s.headers_needed = 3;
      } else if (p.body.starts_with("OpusHead")) {
        s.codec = Codec::opus;
        s.headers_needed = 2;
      } else {
        return Strip::cannot_clean;  // a codec whose comments we do not know how to remove
      }
      if (p.lacing.empty() || static_cast<unsigned char>(p.lacing.back()) == 255 || (p.flags & kContinued)) {
        return Strip::cannot_clean;
      }
      size_t ended = 0;
      for (unsigned char l : p.lacing) ended += l < 255 ? 1 : 0;
      if (ended != 1) return Strip::cannot_clean;
      s.packets.emplace_back(p.body);
      s.first_sequence = p.sequence;
      streams.emplace(p.serial, std::move(s));
      continue;
    }
    if (found == streams.end()) return Strip::broken;  // a page of a stream that never began
    Stream& s = found->second;
    if (s.done) continue;
    if (((p.flags & kContinued) != 0) != !s.partial.empty()) return Strip::broken;
    s.header_pages.push_back(k);
    size_t at = 0;
    for (size_t seg = 0; seg < p.lacing.size(); ++seg) {
      if (s.packets.size() == s.headers_needed) return Strip::cannot_clean;  // sound on a header page
      const unsigned char l = static_cast<unsigned char>(p.lacing[seg]);
      s.partial.append(p.body.substr(at, l));
      at += l;
      if (l < 255) s.packets.push_back(std::exchange(s.partial, {}));
    }
    if (s.packets.size() == s.headers_needed) {
      s.done = true;
      s.last_flag = (p.flags & kLast) != 0;
    }
  }
  for (auto& [serial, s] : streams) {
    if (!s.done) return Strip::broken;
    auto comment = without_comments(s.codec, s.packets[1]);
    if (!comment) return Strip::broken;
    if (s.codec == Codec::vorbis && !s.packets[2].starts_with(std::string_view("\x05vorbis", 7))) return Strip::broken;
    std::vector<std::string> headers(s.packets.begin() + 1, s.packets.end());
    headers[0] = std::move(*comment);
    s.new_pages = paginate(headers, serial, s.first_sequence + 1, s.last_flag);
    s.shift = static_cast<uint32_t>(s.new_pages.size() - s.header_pages.size());
  }

  std::string out;
  out.reserve(in.size());
  for (size_t k = 0; k < pages.size(); ++k) {
    const Page& p = pages[k];
    const Stream& s = streams.at(p.serial);
    const std::string_view original = in.substr(p.offset, p.length);
    if (!s.header_pages.empty() && k == s.header_pages.front()) {
      for (const auto& np : s.new_pages) out.append(np);
    } else if (std::find(s.header_pages.begin(), s.header_pages.end(), k) != s.header_pages.end()) {
      continue;
    } else if (s.shift != 0 && !(p.flags & kFirst)) {
      std::string moved(original);
      put_le32(moved, 18, p.sequence + s.shift);
      put_le32(moved, 22, 0);
      put_le32(moved, 22, ogg_crc(moved));
      out.append(moved);
    } else {
      out.append(original);
    }
  }
  bytes = std::move(out);
  return Strip::done;
}

}  // namespace roundtable::media::detail
