/// Europe/London time for meetings: the pure functions now live in core/london_time.hpp (notifications' digests
/// need them too, and must not link meetings); these names keep meetings' code unchanged.
#pragma once

#include "core/london_time.hpp"

namespace roundtable::meetings {

using core::civil_from_days;
using core::days_from_civil;
using core::from_london;
using core::is_bst;
using core::last_sunday;
using core::london_offset;
using core::LondonInstant;
using core::real_date;
using core::to_london;
using core::WallClock;
using core::weekday_of;

}  // namespace roundtable::meetings
