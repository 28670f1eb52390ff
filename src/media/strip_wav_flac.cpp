#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "media/bytes.hpp"
#include "media/strip_parts.hpp"

namespace roundtable::media::detail {
namespace {

using namespace bytes;

}  // namespace

Strip strip_wav(std::string& bytes) {
  const std::string_view in(bytes);
  if (in.size() < 12 || in.substr(0, 4) != "RIFF" || in.substr(8, 4) != "WAVE") return Strip::broken;
  // Bytes after the RIFF chunk (some tools append tags there) are not part of the file and go too.
  const uint64_t riff_end = std::min<uint64_t>(in.size(), uint64_t{8} + le32(in, 4));
  std::string out(in.substr(0, 12));
  bool fmt = false, data = false;
  uint64_t i = 12;
  while (i + 8 <= riff_end) {
    const std::string_view id = in.substr(static_cast<size_t>(i), 4);
    const uint64_t size = le32(in, static_cast<size_t>(i) + 4);
    const uint64_t body = i + 8;
    uint64_t end = body + size;
    if (end > riff_end) {
      // A recording whose length was never filled in (or that was cut short): the rest is its sound.
      if (id != "data") return Strip::broken;
      end = riff_end;
    }
    if (id == "fmt " || id == "fact" || id == "data") {
      fmt = fmt || id == "fmt ";
      data = data || id == "data";
      const size_t length = static_cast<size_t>(end - body);
      out.append(id);
      out.append(4, '\0');
      put_le32(out, out.size() - 4, static_cast<uint32_t>(length));
      out.append(in.substr(static_cast<size_t>(body), length));
      if (length % 2 == 1) out.push_back('\0');  // chunks start at even offsets
    }
    i = end + (size % 2);
  }
  if (!fmt || !data) return Strip::broken;
  if (out.size() - 8 > UINT32_MAX) return Strip::broken;
  put_le32(out, 4, static_cast<uint32_t>(out.size() - 8));
  bytes = std::move(out);
  return Strip::done;
}

Strip strip_flac(std::string& bytes) {
  const std::string_view in(bytes);
  if (in.size() < 4 || in.substr(0, 4) != "fLaC") return Strip::broken;
  // Metadata blocks: 1 byte (last-block flag, type), 3 bytes length, then the block. STREAMINFO comes first.
  std::vector<std::pair<size_t, size_t>> keep;  // offset and length of each block kept, header included
  size_t i = 4;
  bool last = false;
  while (!last) {
    if (in.size() - i < 4) return Strip::broken;
    last = (byte(in, i) & 0x80) != 0;
    const unsigned type = byte(in, i) & 0x7F;
    const size_t length = (size_t{byte(in, i + 1)} << 16) | (size_t{byte(in, i + 2)} << 8) | byte(in, i + 3);
    if (in.size() - i - 4 < length || type == 127) return Strip::broken;
    if ((i == 4) != (type == 0) || (type == 0 && length != 34)) return Strip::broken;
    if (type == 0 || type == 3) keep.emplace_back(i, 4 + length);
    i += 4 + length;
  }
  std::string out("fLaC");
  for (const auto& [at, length] : keep) {
    out.append(in.substr(at, length));
    out[out.size() - length] = static_cast<char>(byte(in, at) & 0x7F);
  }
  out[out.size() - keep.back().second] = static_cast<char>(byte(out, out.size() - keep.back().second) | 0x80);
  out.append(in.substr(i));
  bytes = std::move(out);
  return Strip::done;
}

}  // namespace roundtable::media::detail
