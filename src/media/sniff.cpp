#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "media/bytes.hpp"
#include "media/media.hpp"

namespace roundtable::media {
namespace {

constexpr Sniffed kJpeg{"image/jpeg", Kind::image, "jpg"};
constexpr Sniffed kPng{"image/png", Kind::image, "png"};
constexpr Sniffed kGif{"image/gif", Kind::image, "gif"};
constexpr Sniffed kWebp{"image/webp", Kind::image, "webp"};
constexpr Sniffed kMp3{"audio/mpeg", Kind::audio, "mp3"};
constexpr Sniffed kM4a{"audio/mp4", Kind::audio, "m4a"};
constexpr Sniffed kOgg{"audio/ogg", Kind::audio, "ogg"};
constexpr Sniffed kWav{"audio/wav", Kind::audio, "wav"};
constexpr Sniffed kFlac{"audio/flac", Kind::audio, "flac"};
constexpr Sniffed kMp4{"video/mp4", Kind::video, "mp4"};
constexpr Sniffed kMov{"video/quicktime", Kind::video, "mov"};
constexpr Sniffed kWebm{"video/webm", Kind::video, "webm"};
// What a browser's MediaRecorder makes of the microphone alone (Chromium: Opus in WebM).
constexpr Sniffed kWebmAudio{"audio/webm", Kind::audio, "webm"};

using namespace bytes;

// Major brands of the ISO base media file format that we accept as MPEG-4 video. Image brands (heic, avif, mif1 ...)
// and anything unknown are refused.
constexpr std::array<std::string_view, 17> kMp4Brands{"isom", "iso2", "iso3", "iso4", "iso5", "iso6",
                                                      "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP",
                                                      "dash", "mmp4", "MSNV", "f4v ", "iso8"};

std::optional<Sniffed> sniff_ftyp(std::string_view bytes) {
  // size(4) "ftyp" major_brand(4) minor_version(4) compatible_brands...
  if (bytes.size() < 16 || !at(bytes, 4, "ftyp")) return std::nullopt;
  const uint32_t size = be32(bytes, 0);
  if (size < 16) return std::nullopt;
  const std::string_view brand = bytes.substr(8, 4);
  if (brand == "M4A " || brand == "M4B ") return kM4a;
  if (brand == "qt  ") return kMov;
  for (auto b : kMp4Brands) {
    if (brand == b) return kMp4;
  }
  return std::nullopt;
}

// MPEG audio frame header (any layer, MPEG 1, 2 or 2.5); returns the frame length in bytes, or 0 if not a header.
size_t mpeg_frame_length(std::string_view bytes, size_t i) {
  if (bytes.size() < i + 4) return 0;
  const unsigned b1 = byte(bytes, i + 1), b2 = byte(bytes, i + 2);
  if (byte(bytes, i) != 0xFF || (b1 & 0xE0) != 0xE0) return 0;
  const unsigned version = (b1 >> 3) & 3;  // 0: 2.5, 1: reserved, 2: 2, 3: 1
  const unsigned layer = (b1 >> 1) & 3;    // 0: reserved (ADTS AAC), 1: III, 2: II, 3: I
  const unsigned bitrate_index = b2 >> 4;
  const unsigned rate_index = (b2 >> 2) & 3;
  if (version == 1 || layer == 0 || bitrate_index == 0 || bitrate_index == 15 || rate_index == 3) return 0;
  static constexpr unsigned kBitratesV1[3][15] = {
      {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},  // layer I
      {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},     // layer II
      {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}};     // layer III
  static constexpr unsigned kBitratesV2[3][15] = {
      {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},  // layer I
      {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},       // layers II and III
      {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};
  static constexpr unsigned kRates[3] = {44100, 48000, 32000};
  const unsigned layer_index = 3 - layer;  // 0: I, 1: II, 2: III
  const unsigned kbps =
      version == 3 ? kBitratesV1[layer_index][bitrate_index] : kBitratesV2[layer_index][bitrate_index];
  const unsigned rate = kRates[rate_index] >> (version == 3 ? 0 : version == 2 ? 1 : 2);
  const unsigned padding = (b2 >> 1) & 1;
  if (layer_index == 0) return (12 * kbps * 1000 / rate + padding) * 4;
  const unsigned samples_factor = (layer_index == 2 && version != 3) ? 72 : 144;
  return samples_factor * kbps * 1000 / rate + padding;
}

bool mpeg_audio(std::string_view bytes) {
  const size_t length = mpeg_frame_length(bytes, 0);
  if (length == 0) return false;
  // When the next frame is there, it must be a frame too: one plausible header alone is weak evidence.
  if (bytes.size() >= length + 4) return mpeg_frame_length(bytes, length) != 0;
  return true;
}

bool id3v2(std::string_view bytes) {
  // "ID3" major(2..4) revision flags size(4 syncsafe bytes)
  if (bytes.size() < 10 || !at(bytes, 0, "ID3")) return false;
  const unsigned major = byte(bytes, 3);
  if (major < 2 || major > 4 || byte(bytes, 4) == 0xFF) return false;
  for (size_t i = 6; i < 10; ++i) {
    if (byte(bytes, i) & 0x80) return false;
  }
  return true;
}

// An EBML variable-length integer at bytes[i]: its length in bytes (1..8) or 0 if invalid.
size_t vint_length(std::string_view bytes, size_t i) {
  if (i >= bytes.size()) return 0;
  const unsigned first = byte(bytes, i);
  for (size_t len = 1; len <= 8; ++len) {
    if (first & (0x80u >> (len - 1))) return i + len <= bytes.size() ? len : 0;
  }
  return 0;
}

// Reads an EBML element id (marker bit kept) or size (marker bit removed; all ones -> unknown, as max).
std::optional<uint64_t> vint(std::string_view bytes, size_t& i, bool keep_marker) {
  const size_t len = vint_length(bytes, i);
  if (len == 0) return std::nullopt;
  uint64_t value = byte(bytes, i);
  if (!keep_marker) value &= (0xFFu >> len);
  bool all_ones = value == (0xFFu >> len);
  for (size_t k = 1; k < len; ++k) {
    value = (value << 8) | byte(bytes, i + k);
    all_ones = all_ones && byte(bytes, i + k) == 0xFF;
  }
  i += len;
  if (!keep_marker && all_ones) return UINT64_MAX;
  return value;
}

bool webm(std::string_view bytes) {
  if (!at(bytes, 0, "\x1A\x45\xDF\xA3")) return false;
  size_t i = 4;
  const auto header_size = vint(bytes, i, false);
  if (!header_size) return false;
  const size_t end = *header_size >= bytes.size() - i ? bytes.size() : i + static_cast<size_t>(*header_size);
  while (i < end) {
    const auto id = vint(bytes, i, true);
    if (!id) return false;
    const auto size = vint(bytes, i, false);
    if (!size || *size > end - i) return false;
    std::string_view value = bytes.substr(i, static_cast<size_t>(*size));
    i += static_cast<size_t>(*size);
    if (*id == 0x4282) {
      while (!value.empty() && value.back() == '\0') value.remove_suffix(1);
      return value == "webm";
    }
  }
  return false;
}

// The TrackType (1 video, 2 audio, ...) of each track in a WebM's Tracks element, in order; empty when there is no
// readable Tracks element before the first element of unknown size (a live recording's Cluster).
std::vector<uint64_t> webm_track_types(std::string_view bytes) {
  constexpr uint64_t kSegment = 0x18538067, kTracks = 0x1654AE6B, kTrackEntry = 0xAE, kTrackType = 0x83;
  // Each child of bytes[begin, end): its id and body, until one does not parse or has no known size.
  const auto each_child = [&bytes](size_t begin, size_t end, const auto& fn) {
    for (size_t i = begin; i < end;) {
      const auto id = vint(bytes, i, true);
      if (!id) return;
      const auto size = vint(bytes, i, false);
      if (!size || *size > end - i) return;
      if (!fn(*id, i, i + static_cast<size_t>(*size))) return;
      i += static_cast<size_t>(*size);
    }
  };
  size_t i = 4;
  const auto header_size = vint(bytes, i, false);
  if (!header_size || *header_size > bytes.size() - i) return {};
  i += static_cast<size_t>(*header_size);
  const auto segment = vint(bytes, i, true);
  const auto segment_size = segment ? vint(bytes, i, false) : std::nullopt;
  if (!segment_size || *segment != kSegment) return {};
  const size_t segment_end = *segment_size >= bytes.size() - i ? bytes.size() : i + static_cast<size_t>(*segment_size);
  std::vector<uint64_t> types;
  each_child(i, segment_end, [&](uint64_t id, size_t begin, size_t end) {
    if (id != kTracks) return true;
    each_child(begin, end, [&](uint64_t entry, size_t entry_begin, size_t entry_end) {
      if (entry != kTrackEntry) return true;
      uint64_t type = 0;
      each_child(entry_begin, entry_end, [&](uint64_t field, size_t field_begin, size_t field_end) {
        if (field != kTrackType || field_end - field_begin > 8) return true;
        for (size_t k = field_begin; k < field_end; ++k) type = (type << 8) | byte(bytes, k);
        return false;
      });
      types.push_back(type);
      return true;
    });
    return false;
  });
  return types;
}

// WebM with audio tracks only is a recording; anything else (a video track, or tracks that cannot be read) a video.
Sniffed webm_kind(std::string_view bytes) {
  const auto types = webm_track_types(bytes);
  const bool audio_only =
      !types.empty() && std::all_of(types.begin(), types.end(), [](uint64_t type) { return type == 2; });
  return audio_only ? kWebmAudio : kWebm;
}

}  // namespace

std::optional<Sniffed> sniff(std::string_view bytes) {
  if (at(bytes, 0, "\xFF\xD8\xFF")) return kJpeg;
  if (at(bytes, 0, "\x89PNG\r\n\x1A\n")) return kPng;
  if (at(bytes, 0, "GIF87a") || at(bytes, 0, "GIF89a")) return kGif;
  if (at(bytes, 0, "RIFF")) {
    if (at(bytes, 8, "WEBPVP8")) return kWebp;
    if (at(bytes, 8, "WAVE")) return kWav;
    return std::nullopt;
  }
  if (at(bytes, 0, std::string_view("OggS\0", 5))) return kOgg;
  if (at(bytes, 0, "fLaC")) return kFlac;
  if (auto ftyp = sniff_ftyp(bytes)) return ftyp;
  if (webm(bytes)) return webm_kind(bytes);
  if (id3v2(bytes) || mpeg_audio(bytes)) return kMp3;
  return std::nullopt;
}

}  // namespace roundtable::media
