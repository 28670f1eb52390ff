// Metadata removal from WAV, FLAC, OGG (Vorbis and Opus) and WebM (issue #12 item 12). Each test builds a small file
// the way the format's specification lays it out, with a name, a place and a picture in its metadata, and checks
// that they are gone and that the sound (or video) bytes are exactly as they were.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "media/media.hpp"
#include "media/strip_parts.hpp"

namespace roundtable::media {
namespace {

using namespace std::literals;

constexpr std::string_view kName = "Megan Jones";
constexpr std::string_view kPlace = "12 Heol y Frenhines";

std::string le(uint64_t v, size_t n) {
  std::string s;
  for (size_t k = 0; k < n; ++k) s.push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
  return s;
}

std::string be(uint64_t v, size_t n) {
  std::string s;
  for (size_t k = n; k-- > 0;) s.push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
  return s;
}

// Bytes that stand for sound: a pattern that never spells a name.
std::string sound(size_t n, unsigned seed = 1) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s.push_back(static_cast<char>((i * 37 + seed * 11) % 251));
  return s;
}

void expect_no_metadata(std::string_view bytes) {
  for (std::string_view secret : {kName, kPlace, "Megan"sv, "Heol"sv}) {
    EXPECT_EQ(bytes.find(secret), std::string_view::npos) << secret;
  }
}

Strip strip_as(std::string_view mime, std::string& bytes) {
  auto type = sniff(bytes);
  EXPECT_TRUE(type) << mime;
  if (!type) return Strip::broken;
  EXPECT_EQ(type->mime, mime);
  return strip(*type, bytes);
}

// ---- WAV

std::string chunk(std::string_view id, std::string_view body) {
  return std::string(id) + le(body.size(), 4) + std::string(body) + (body.size() % 2 ? "\0"s : ""s);
}

std::string riff(std::string_view chunks) { return "RIFF" + le(4 + chunks.size(), 4) + "WAVE" + std::string(chunks); }

// 16-bit mono PCM at 8 kHz.
std::string pcm_format() {
  return chunk("fmt ", le(1, 2) + le(1, 2) + le(8000, 4) + le(16000, 4) + le(2, 2) + le(16, 2));
}

std::string info_list() {
  return chunk("LIST", "INFO" + chunk("IART", std::string(kName) + '\0') +
                           chunk("ICMT", "Recorded at " + std::string(kPlace) + '\0') + chunk("INAM", "Hello\0"s));
}

TEST(StripWav, KeepsOnlyTheFormatAndTheSound) {
  const std::string samples = sound(400);
  const std::string original =
      riff(pcm_format() + info_list() + chunk("bext", std::string(kName) + std::string(240, '\0')) +
           chunk("data", samples) + chunk("id3 ", "ID3\x03\0\0\0\0\0\x10TPE1"s + std::string(kName)) +
           chunk("iXML", "<BWFXML><NOTE>" + std::string(kPlace) + "</NOTE></BWFXML>")) +
      "trailing " + std::string(kName);  // after the RIFF chunk
  std::string bytes = original;
  ASSERT_EQ(strip_as("audio/wav", bytes), Strip::done);
  EXPECT_EQ(bytes, riff(pcm_format() + chunk("data", samples)));
  expect_no_metadata(bytes);
  std::string again = bytes;
  ASSERT_EQ(strip_as("audio/wav", again), Strip::done);
  EXPECT_EQ(again, bytes);
}

TEST(StripWav, KeepsPaddingAndASoundChunkWhoseLengthWasNeverWritten) {
  const std::string samples = sound(301);  // odd: a pad byte follows
  // A LIST of odd length before the sound, and a data chunk whose size says "to the end" (0xFFFFFFFF).
  const std::string odd_list = chunk("LIST", "INFOIART"s + le(kName.size(), 4) + std::string(kName));
  const std::string original = riff(pcm_format() + odd_list + "data" + le(0xFFFFFFFF, 4) + samples);
  std::string bytes = original;
  ASSERT_EQ(strip_as("audio/wav", bytes), Strip::done);
  EXPECT_EQ(bytes, riff(pcm_format() + chunk("data", samples)));
}

TEST(StripWav, RefusesBrokenFiles) {
  const std::string samples = sound(40);
  for (const std::string& broken : {
           riff(info_list() + chunk("data", samples)),                                   // no format
           riff(pcm_format() + info_list()),                                             // no sound
           riff(pcm_format() + "LIST" + le(5000, 4) + "INFO" + chunk("data", samples)),  // a chunk past the end
           "RIFF\x04\0\0\0WAVE"s,
       }) {
    std::string bytes = broken;
    EXPECT_EQ(strip(Sniffed{"audio/wav", Kind::audio, "wav"}, bytes), Strip::broken);
    EXPECT_EQ(bytes, broken);
  }
}

// ---- FLAC

std::string flac_block(unsigned type, std::string_view body, bool last = false) {
  return static_cast<char>((last ? 0x80 : 0) | type) + be(body.size(), 3) + std::string(body);
}

// 44.1 kHz mono 16-bit, 100 samples; MD5 left empty.
std::string streaminfo() {
  return be(4096, 2) + be(4096, 2) + be(0, 3) + be(0, 3) + "\x0A\xC4\x40\xF0\x00\x00\x00\x64"s + std::string(16, '\0');
}

std::string vorbis_comments(std::string_view vendor) {
  const std::vector<std::string> comments{"ARTIST=" + std::string(kName), "LOCATION=" + std::string(kPlace)};
  std::string out = le(vendor.size(), 4) + std::string(vendor) + le(comments.size(), 4);
  for (const auto& c : comments) out += le(c.size(), 4) + c;
  return out;
}

std::string flac_picture() {
  const std::string png = "\x89PNG\r\n\x1A\n"s + "Megan's face";
  return be(3, 4) + be(9, 4) + "image/png" + be(12, 4) + "Megan's face" + be(4, 4) + be(4, 4) + be(24, 4) + be(0, 4) +
         be(png.size(), 4) + png;
}

std::string flac_frames() { return "\xFF\xF8\x69\x08"s + sound(300, 3); }

TEST(StripFlac, KeepsStreamInfoSeekTableAndFramesOnly) {
  const std::string seektable = be(0, 8) + be(0, 8) + be(4096, 2);
  const std::string original = "fLaC" + flac_block(0, streaminfo()) + flac_block(4, vorbis_comments("libFLAC 1.4.2")) +
                               flac_block(3, seektable) + flac_block(6, flac_picture()) +
                               flac_block(2, "riff" + std::string(kName)) +
                               flac_block(5, std::string(kPlace) + std::string(400, '\0')) +
                               flac_block(1, std::string(100, '\0'), true) + flac_frames();
  std::string bytes = original;
  ASSERT_EQ(strip_as("audio/flac", bytes), Strip::done);
  EXPECT_EQ(bytes, "fLaC" + flac_block(0, streaminfo()) + flac_block(3, seektable, true) + flac_frames());
  expect_no_metadata(bytes);
  std::string again = bytes;
  ASSERT_EQ(strip_as("audio/flac", again), Strip::done);
  EXPECT_EQ(again, bytes);
  // Only STREAMINFO, marked last: nothing to change.
  const std::string bare = "fLaC" + flac_block(0, streaminfo(), true) + flac_frames();
  bytes = bare;
  ASSERT_EQ(strip_as("audio/flac", bytes), Strip::done);
  EXPECT_EQ(bytes, bare);
}

TEST(StripFlac, RefusesBrokenFiles) {
  for (const std::string& broken : {
           "fLaC" + flac_block(4, vorbis_comments("x")) + flac_block(0, streaminfo(), true),  // STREAMINFO not first
           "fLaC" + flac_block(0, streaminfo()) + flac_block(4, vorbis_comments("x")),        // no last block
           "fLaC" + flac_block(0, streaminfo().substr(0, 20), true),                          // STREAMINFO too short
           "fLaC" + flac_block(0, streaminfo(), true).substr(0, 20),                          // cut off
           "fLaC"s,
       }) {
    std::string bytes = broken;
    EXPECT_EQ(strip(Sniffed{"audio/flac", Kind::audio, "flac"}, bytes), Strip::broken);
    EXPECT_EQ(bytes, broken);
  }
}

// ---- OGG

TEST(OggCrc, MatchesTheSpecification) {
  // CRC-32 with polynomial 0x04C11DB7, no reflection, starting at 0 and not inverted: the check value of
  // CRC-32/POSIX (0x765E7680) before its final inversion.
  EXPECT_EQ(detail::ogg_crc("123456789"), 0x89A1897Fu);
}

struct OggPage {
  unsigned flags = 0;
  uint64_t granule = 0;
  uint32_t serial = 0;
  uint32_t sequence = 0;
  std::vector<uint8_t> lacing;
  std::string body;
};

std::string ogg_bytes(const OggPage& p) {
  std::string out = "OggS\0"s + static_cast<char>(p.flags) + le(p.granule, 8) + le(p.serial, 4) + le(p.sequence, 4) +
                    le(0, 4) + static_cast<char>(p.lacing.size());
  for (auto l : p.lacing) out.push_back(static_cast<char>(l));
  out += p.body;
  const uint32_t crc = detail::ogg_crc(out);
  out.replace(22, 4, le(crc, 4));
  return out;
}

// Lays packets out on pages of at most `per_page` segments (small, so that packets cross pages). `page_ends` lists
// the packets after which a new page must begin (as the formats require after their headers). Granule: `granules`
// gives the granule of the page where each packet ends (the last one on a page wins), -1 where none ends.
std::string ogg_stream(const std::vector<std::string>& packets, uint32_t serial, size_t per_page,
                       const std::vector<size_t>& page_ends, const std::vector<uint64_t>& granules) {
  std::string out;
  OggPage page;
  page.serial = serial;
  page.granule = ~uint64_t{0};
  uint32_t sequence = 0;
  bool continued = false;
  auto flush = [&](bool last) {
    page.sequence = sequence++;
    page.flags = (continued ? 0x01 : 0) | (page.sequence == 0 ? 0x02 : 0) | (last ? 0x04 : 0);
    continued = !page.lacing.empty() && page.lacing.back() == 255;
    out += ogg_bytes(page);
    page.lacing.clear();
    page.body.clear();
    page.granule = ~uint64_t{0};
  };
  for (size_t p = 0; p < packets.size(); ++p) {
    const std::string& packet = packets[p];
    for (size_t off = 0;; off += 255) {
      if (page.lacing.size() == per_page) flush(false);
      const size_t len = std::min<size_t>(255, packet.size() - off);
      page.lacing.push_back(static_cast<uint8_t>(len));
      page.body += packet.substr(off, len);
      if (len < 255) break;
    }
    page.granule = granules[p];
    const bool last = p + 1 == packets.size();
    if (last || std::find(page_ends.begin(), page_ends.end(), p) != page_ends.end()) flush(last);
  }
  return out;
}

struct ReadStream {
  std::vector<std::string> packets;
  std::vector<uint64_t> page_granules;  // of pages where a packet ends
  size_t pages = 0;
};

// Reads every page (checking "OggS", the CRC and that sequence numbers run 0, 1, 2 ... in each stream) and puts the
// packets back together.
std::map<uint32_t, ReadStream> read_ogg(std::string_view bytes) {
  std::map<uint32_t, ReadStream> streams;
  std::map<uint32_t, std::string> partial;
  size_t i = 0;
  while (i < bytes.size()) {
    EXPECT_EQ(bytes.substr(i, 4), "OggS");
    const size_t segments = static_cast<unsigned char>(bytes[i + 26]);
    size_t body = 0;
    for (size_t k = 0; k < segments; ++k) body += static_cast<unsigned char>(bytes[i + 27 + k]);
    std::string page(bytes.substr(i, 27 + segments + body));
    const std::string crc = page.substr(22, 4);
    page.replace(22, 4, le(0, 4));
    EXPECT_EQ(le(detail::ogg_crc(page), 4), crc) << "CRC of the page at " << i;
    uint32_t serial = 0, sequence = 0;
    uint64_t granule = 0;
    for (size_t k = 0; k < 4; ++k) serial |= uint32_t{static_cast<unsigned char>(page[14 + k])} << (8 * k);
    for (size_t k = 0; k < 4; ++k) sequence |= uint32_t{static_cast<unsigned char>(page[18 + k])} << (8 * k);
    for (size_t k = 0; k < 8; ++k) granule |= uint64_t{static_cast<unsigned char>(page[6 + k])} << (8 * k);
    auto& s = streams[serial];
    EXPECT_EQ(sequence, s.pages) << "page numbers run on";
    ++s.pages;
    size_t at = 27 + segments;
    bool ended = false;
    for (size_t k = 0; k < segments; ++k) {
      const size_t l = static_cast<unsigned char>(page[27 + k]);
      partial[serial] += page.substr(at, l);
      at += l;
      if (l < 255) {
        s.packets.push_back(std::exchange(partial[serial], {}));
        ended = true;
      }
    }
    if (ended) s.page_granules.push_back(granule);
    i += page.size();
  }
  return streams;
}

const std::string kVorbisId =
    "\x01vorbis"s + le(0, 4) + "\x01" + le(8000, 4) + le(0, 4) + le(24000, 4) + le(0, 4) + "\xB8\x01"s;

std::string vorbis_comment_packet(std::string_view vendor, std::string_view picture) {
  std::string c = vorbis_comments(vendor);
  // One more comment: a cover picture, as METADATA_BLOCK_PICTURE (big enough to cross pages).
  c.replace(4 + vendor.size(), 4, le(3, 4));
  const std::string pic = "METADATA_BLOCK_PICTURE=" + std::string(picture);
  return "\x03vorbis"s + c + le(pic.size(), 4) + pic + "\x01"s;
}

TEST(StripOgg, VorbisKeepsOnlyTheVendorAndEverySoundPacket) {
  const std::string setup = "\x05vorbis"s + sound(600, 2);
  const std::vector<std::string> audio{sound(100, 4), sound(300, 5), sound(255, 6), sound(40, 7)};
  std::vector<std::string> packets{
      kVorbisId, vorbis_comment_packet("Xiph.Org libVorbis I 20200704", std::string(900, 'M') + std::string(kName)),
      setup};
  packets.insert(packets.end(), audio.begin(), audio.end());
  const std::vector<uint64_t> granules{0, 0, 0, 128, 256, 384, 512};
  const std::string original = ogg_stream(packets, 0x1234, 4, {0, 2}, granules);
  std::string bytes = original;
  ASSERT_EQ(strip_as("audio/ogg", bytes), Strip::done);
  expect_no_metadata(bytes);
  EXPECT_EQ(bytes.find("METADATA_BLOCK_PICTURE"), std::string::npos);
  auto streams = read_ogg(bytes);
  ASSERT_EQ(streams.size(), 1u);
  const auto& s = streams.at(0x1234);
  ASSERT_EQ(s.packets.size(), packets.size());
  EXPECT_EQ(s.packets[0], kVorbisId);
  EXPECT_EQ(s.packets[1], "\x03vorbis"s + le(29, 4) + "Xiph.Org libVorbis I 20200704" + le(0, 4) + "\x01");
  EXPECT_EQ(s.packets[2], setup);
  for (size_t k = 0; k < audio.size(); ++k) EXPECT_EQ(s.packets[3 + k], audio[k]) << k;
  // The sound pages keep their granule positions (the header pages have 0).
  EXPECT_EQ(s.page_granules.back(), 512u);
  EXPECT_LT(bytes.size(), original.size());
  std::string again = bytes;
  ASSERT_EQ(strip_as("audio/ogg", again), Strip::done);
  EXPECT_EQ(again, bytes);
}

TEST(StripOgg, OpusKeepsOnlyTheVendorAndRenumbersTheLaterPages) {
  const std::string head = "OpusHead\x01\x01"s + le(312, 2) + le(48000, 4) + le(0, 2) + "\0"s;
  std::string tags = "OpusTags"s + le(13, 4) + "libopus 1.3.1" + le(2, 4);
  for (const std::string& c : {"ARTIST=" + std::string(kName), "METADATA_BLOCK_PICTURE=" + std::string(2000, 'A')}) {
    tags += le(c.size(), 4) + c;
  }
  const std::vector<std::string> audio{sound(120, 8), sound(80, 9), sound(500, 10)};
  std::vector<std::string> packets{head, tags};
  packets.insert(packets.end(), audio.begin(), audio.end());
  // Small pages: the tags fill several, so the stripped file has fewer and every later page is numbered anew.
  const std::string original = ogg_stream(packets, 77, 3, {0, 1}, {0, 0, 960, 1920, 2880});
  std::string bytes = original;
  ASSERT_EQ(strip_as("audio/ogg", bytes), Strip::done);
  expect_no_metadata(bytes);
  auto streams = read_ogg(bytes);
  const auto& s = streams.at(77);
  ASSERT_EQ(s.packets.size(), packets.size());
  EXPECT_EQ(s.packets[0], head);
  EXPECT_EQ(s.packets[1], "OpusTags"s + le(13, 4) + "libopus 1.3.1" + le(0, 4));
  for (size_t k = 0; k < audio.size(); ++k) EXPECT_EQ(s.packets[2 + k], audio[k]) << k;
  EXPECT_LT(s.pages, read_ogg(original).at(77).pages);
  // The last page still ends the stream.
  EXPECT_EQ(static_cast<unsigned char>(bytes[bytes.rfind("OggS") + 5]) & 0x04, 0x04);
  std::string again = bytes;
  ASSERT_EQ(strip_as("audio/ogg", again), Strip::done);
  EXPECT_EQ(again, bytes);
}

TEST(StripOgg, RefusesWhatItCannotCleanOrRead) {
  const std::string head = "OpusHead\x01\x01"s + le(312, 2) + le(48000, 4) + le(0, 2) + "\0"s;
  const std::string tags = "OpusTags"s + le(3, 4) + "lib" + le(1, 4) + le(18, 4) + "ARTIST=Megan Jones";
  const Sniffed ogg{"audio/ogg", Kind::audio, "ogg"};
  struct Case {
    std::string bytes;
    Strip want;
  };
  std::vector<Case> cases{
      // Speex: a codec whose comments we do not rewrite.
      {ogg_stream({"Speex   1.2" + std::string(69, '\0'), tags.substr(8), sound(30)}, 5, 255, {0, 1}, {0, 0, 160}),
       Strip::cannot_clean},
      // Sound on the same page as the comment header, against the Opus rules.
      {ogg_stream({head, tags, sound(30)}, 5, 255, {0}, {0, 0, 960}), Strip::cannot_clean},
      // The comment header's lengths run past its end.
      {ogg_stream({head, "OpusTags"s + le(300, 4) + "lib", sound(30)}, 5, 255, {0, 1}, {0, 0, 960}), Strip::broken},
      // The stream ends before its headers do.
      {ogg_stream({head}, 5, 255, {0}, {0}), Strip::broken},
  };
  std::string bad_crc = ogg_stream({head, tags, sound(30)}, 5, 255, {0, 1}, {0, 0, 960});
  bad_crc[bad_crc.size() - 1] ^= 1;
  cases.push_back({bad_crc, Strip::broken});
  cases.push_back({"OggS\0"s + std::string(10, '\0'), Strip::broken});
  for (const auto& c : cases) {
    std::string bytes = c.bytes;
    EXPECT_EQ(strip(ogg, bytes), c.want);
    EXPECT_EQ(bytes, c.bytes);
  }
}

// ---- WebM

std::string ebml_id(uint64_t id) {
  std::string s;
  for (int shift = 24; shift >= 0; shift -= 8) {
    if ((id >> shift) != 0) s.push_back(static_cast<char>((id >> shift) & 0xFF));
  }
  return s;
}

std::string element(uint64_t id, std::string_view body) {
  const std::string size =
      body.size() < 127 ? std::string(1, static_cast<char>(0x80 | body.size())) : "\x01"s + be(body.size(), 7);
  return ebml_id(id) + size + std::string(body);
}

std::string unknown_size(uint64_t id) { return ebml_id(id) + "\x01\xFF\xFF\xFF\xFF\xFF\xFF\xFF"s; }

const std::string kWebmHeader = element(0x1A45DFA3, element(0x4286, "\x01") + element(0x4282, "webm"));

std::string info() {
  return element(0x1549A966, element(0x2AD7B1, "\x0F\x42\x40") +
                                 element(0x7BA9, "Megan's birthday at " + std::string(kPlace)) +
                                 element(0x4D80, "Lavf60") + element(0x5741, "Chrome " + std::string(kName)) +
                                 element(0x4461, be(123456789, 8)) + element(0xBF, "\x12\x34\x56\x78"));
}

std::string tracks() {
  return element(0x1654AE6B, element(0xAE, element(0xD7, "\x01") + element(0x536E, "Voice of " + std::string(kName)) +
                                               element(0x86, "A_OPUS")));
}

std::string tags() {
  return element(0x1254C367,
                 element(0x7373, element(0x67C8, element(0x45A3, "ARTIST") + element(0x4487, std::string(kName)))));
}

std::string attachments() {
  return element(0x1941A469,
                 element(0x61A7, element(0x466E, "megan.jpg") + element(0x465C, "\xFF\xD8" + std::string(kPlace))));
}

std::string cluster_body() {
  return element(0xE7, "\x00"s) + element(0xA3, sound(200, 12)) + element(0xA3, sound(150, 13));
}

// Reads the Segment's children (and Info's, and the first TrackEntry's): id -> body, in order.
std::vector<std::pair<uint64_t, std::string>> children(std::string_view bytes, size_t begin, size_t end) {
  std::vector<std::pair<uint64_t, std::string>> out;
  for (size_t i = begin; i < end;) {
    size_t id_len = 1;
    while (id_len <= 4 && !(static_cast<unsigned char>(bytes[i]) & (0x80u >> (id_len - 1)))) ++id_len;
    uint64_t id = 0;
    for (size_t k = 0; k < id_len; ++k) id = (id << 8) | static_cast<unsigned char>(bytes[i + k]);
    const size_t s = i + id_len;
    size_t size_len = 1;
    while (!(static_cast<unsigned char>(bytes[s]) & (0x80u >> (size_len - 1)))) ++size_len;
    uint64_t size = static_cast<unsigned char>(bytes[s]) & (0xFFu >> size_len);
    for (size_t k = 1; k < size_len; ++k) size = (size << 8) | static_cast<unsigned char>(bytes[s + k]);
    out.emplace_back(id, std::string(bytes.substr(s + size_len, size)));
    i = s + size_len + size;
  }
  return out;
}

TEST(StripWebm, VoidsTagsAndAttachmentsAndBlanksNamesWithoutMovingAnything) {
  const std::string segment_body = info() + tracks() + element(0x1F43B675, cluster_body()) + tags() + attachments();
  const std::string original = kWebmHeader + element(0x18538067, segment_body);
  std::string bytes = original;
  ASSERT_EQ(strip_as("video/webm", bytes), Strip::done);
  ASSERT_EQ(bytes.size(), original.size());
  expect_no_metadata(bytes);
  EXPECT_EQ(bytes.find("Chrome"), std::string::npos);
  EXPECT_EQ(bytes.find("Lavf"), std::string::npos);
  EXPECT_EQ(bytes.find("megan.jpg"), std::string::npos);
  // The cluster (the sound) is where it was, byte for byte.
  const std::string cluster = element(0x1F43B675, cluster_body());
  EXPECT_EQ(bytes.find(cluster), original.find(cluster));
  const size_t body = kWebmHeader.size() + 4 + 8;  // after the Segment's id and its 8-byte size
  const auto top = children(bytes, body, bytes.size());
  ASSERT_EQ(top.size(), 5u);
  EXPECT_EQ(top[0].first, 0x1549A966u);
  EXPECT_EQ(top[1].first, 0x1654AE6Bu);
  EXPECT_EQ(top[2].first, 0x1F43B675u);
  EXPECT_EQ(top[3].first, 0xECu) << "Tags became Void";
  EXPECT_EQ(top[4].first, 0xECu) << "Attachments became Void";
  EXPECT_EQ(top[3].second, std::string(top[3].second.size(), '\0'));
  const auto in_info = children(top[0].second, 0, top[0].second.size());
  ASSERT_EQ(in_info.size(), 6u);
  EXPECT_EQ(in_info[0], (std::pair<uint64_t, std::string>{0x2AD7B1, "\x0F\x42\x40"}));  // the timecode scale stays
  for (size_t k : {1, 2, 3}) EXPECT_EQ(in_info[k].second, std::string(in_info[k].second.size(), '\0')) << k;
  EXPECT_EQ(in_info[4].first, 0xECu) << "DateUTC became Void";
  EXPECT_EQ(in_info[5].first, 0xECu) << "the CRC-32 of the changed Info became Void";
  std::string again = bytes;
  ASSERT_EQ(strip_as("video/webm", again), Strip::done);
  EXPECT_EQ(again, bytes);
}

TEST(StripWebm, WalksALiveRecordingsClustersOfUnknownSize) {
  // As MediaRecorder writes: a Segment and Clusters of unknown size, and (here) Tags after them.
  const std::string original = kWebmHeader + unknown_size(0x18538067) + info() + tracks() + unknown_size(0x1F43B675) +
                               cluster_body() + unknown_size(0x1F43B675) + cluster_body() + tags();
  std::string bytes = original;
  ASSERT_EQ(strip_as("video/webm", bytes), Strip::done);
  ASSERT_EQ(bytes.size(), original.size());
  expect_no_metadata(bytes);
  EXPECT_EQ(bytes.substr(0, original.size() - tags().size()).find(cluster_body()), original.find(cluster_body()));
  EXPECT_EQ(static_cast<unsigned char>(bytes[original.size() - tags().size()]), 0xECu);
}

std::string track_entry(char type, std::string_view codec) {
  return element(0xAE, element(0xD7, "\x01") + element(0x83, std::string(1, type)) +
                           element(0x536E, "Voice of " + std::string(kName)) + element(0x86, codec));
}

TEST(StripWebm, AMicrophoneRecordingIsAudioAndIsCleanedTheSameWay) {
  // As Chromium's MediaRecorder writes the microphone alone (audio/webm;codecs=opus): one audio track (TrackType 2),
  // a Segment and Clusters of unknown size. It is a recording, so About Me's "Add a recording" takes it.
  const std::string original = kWebmHeader + unknown_size(0x18538067) + info() +
                               element(0x1654AE6B, track_entry(2, "A_OPUS")) + unknown_size(0x1F43B675) +
                               cluster_body() + unknown_size(0x1F43B675) + cluster_body();
  ASSERT_EQ(sniff(original)->kind, Kind::audio);
  std::string bytes = original;
  ASSERT_EQ(strip_as("audio/webm", bytes), Strip::done);
  ASSERT_EQ(bytes.size(), original.size());
  expect_no_metadata(bytes);
  // A video track beside the audio, or tracks that do not say their type, make it a video, as before.
  EXPECT_EQ(sniff(kWebmHeader + unknown_size(0x18538067) +
                  element(0x1654AE6B, track_entry(2, "A_OPUS") + track_entry(1, "V_VP8")))
                ->mime,
            "video/webm");
  EXPECT_EQ(sniff(kWebmHeader + element(0x18538067, tracks()))->mime, "video/webm");
  EXPECT_EQ(sniff(kWebmHeader + unknown_size(0x18538067) + unknown_size(0x1F43B675) + cluster_body())->mime,
            "video/webm");
}

TEST(StripWebm, RefusesWhatItCannotCleanOrRead) {
  const Sniffed webm{"video/webm", Kind::video, "webm"};
  struct Case {
    std::string bytes;
    Strip want;
  };
  const std::vector<Case> cases{
      // Tags of unknown size: where they end cannot be known.
      {kWebmHeader + unknown_size(0x18538067) + info() + unknown_size(0x1254C367) + std::string(kName),
       Strip::cannot_clean},
      // An element longer than the Segment it is in.
      {kWebmHeader + element(0x18538067, info().substr(0, 20)), Strip::broken},
      {kWebmHeader + element(0x18538067, tracks()) + "junk", Strip::broken},
      {kWebmHeader.substr(0, 10), Strip::broken},
  };
  for (const auto& c : cases) {
    std::string bytes = c.bytes;
    EXPECT_EQ(strip(webm, bytes), c.want);
    EXPECT_EQ(bytes, c.bytes);
  }
}

TEST(StripOther, LeavesImagesAsTheyAre) {
  const std::string png = "\x89PNG\r\n\x1A\n"s + std::string(kName);
  std::string bytes = png;
  EXPECT_EQ(strip(Sniffed{"image/png", Kind::image, "png"}, bytes), Strip::done);
  EXPECT_EQ(bytes, png);
}

}  // namespace
}  // namespace roundtable::media
