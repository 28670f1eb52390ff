/// Metadata removal for each container format, chosen by media::strip (strip.cpp). Internal to rt_media: each
/// function changes bytes only when it returns Strip::done.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "media/media.hpp"

namespace roundtable::media::detail {

Strip strip_wav(std::string& bytes);
Strip strip_flac(std::string& bytes);
Strip strip_ogg(std::string& bytes);
Strip strip_webm(std::string& bytes);

/// The CRC of an Ogg page (polynomial 0x04C11DB7, not reflected, starting at 0), over bytes as given.
uint32_t ogg_crc(std::string_view bytes);

}  // namespace roundtable::media::detail
