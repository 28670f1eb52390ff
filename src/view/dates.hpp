/// Dates and times as people read them, in their language ("24 November 2026 at 7:05am" / "24 Tachwedd 2026 am
/// 7:05yb").
#pragma once

#include <string>

#include "core/i18n.hpp"

namespace roundtable::view {

/// Local time (the process's time zone: Europe/London unless TZ says otherwise).
std::string format_date(const core::Translator& t, long long unix_seconds);
std::string format_datetime(const core::Translator& t, long long unix_seconds);

}  // namespace roundtable::view
