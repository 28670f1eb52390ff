/// Times in words, in the reader's language and Europe/London time: the meetings pages, "find a time" polls and
/// decisions decided by "find a meeting time" (src/decisions) all say a time the same way. No Beast: email and the
/// decisions' words use them too.
#pragma once

#include <string>

#include "core/i18n.hpp"

namespace roundtable::meetings {

/// "Tuesday 8 December 2026" (London time).
std::string day_text(const core::Translator& t, long long utc);
/// "6:30pm" (London time); "6pm" on the hour when `short_hours`.
std::string time_text(const core::Translator& t, long long utc, bool short_hours = false);
/// "Tuesday 8 December 2026, 6:00pm to 8:00pm" (London time); "6pm to 7:30pm" when `short_hours`.
std::string when_text(const core::Translator& t, long long starts_at, long long ends_at, bool short_hours = false);

}  // namespace roundtable::meetings
