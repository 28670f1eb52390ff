/// The opportunities module's demo data for `serve --demo`.
#pragma once

#include "db/database.hpp"
#include "opportunities/opportunity_service.hpp"

namespace roundtable::opportunities {

/// The demo organisation's opportunities (open ones, one of them public, with expressions of interest, and a closed
/// one whose outcome was told), once: nothing when it has opportunities already. Returns how many it made.
int load_demo(db::Database& db, OpportunityService& service, long long now);

}  // namespace roundtable::opportunities
