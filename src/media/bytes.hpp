/// The fixed-size integers of media file headers, read and written at a byte offset. The callers check that the bytes
/// are there. One copy for the image header parser and the metadata strippers (they also build as one file).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace roundtable::media::bytes {

inline unsigned byte(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }
inline uint32_t be16(std::string_view s, size_t i) { return (uint32_t{byte(s, i)} << 8) | byte(s, i + 1); }
inline uint32_t le16(std::string_view s, size_t i) { return (uint32_t{byte(s, i + 1)} << 8) | byte(s, i); }
inline uint32_t be32(std::string_view s, size_t i) { return (be16(s, i) << 16) | be16(s, i + 2); }
inline uint32_t le24(std::string_view s, size_t i) { return (uint32_t{byte(s, i + 2)} << 16) | le16(s, i); }
inline uint32_t le32(std::string_view s, size_t i) { return (le16(s, i + 2) << 16) | le16(s, i); }

/// Writes v as four little-endian bytes at s[i..i+4).
inline void put_le32(std::string& s, size_t i, uint32_t v) {
  for (size_t k = 0; k < 4; ++k) s[i + k] = static_cast<char>((v >> (8 * k)) & 0xFF);
}

/// Whether bytes holds magic at offset.
inline bool at(std::string_view bytes, size_t offset, std::string_view magic) {
  return bytes.size() >= offset + magic.size() && bytes.substr(offset, magic.size()) == magic;
}

}  // namespace roundtable::media::bytes
