/// The groups module's demo data for `serve --demo`.
#pragma once

#include "db/database.hpp"
#include "groups/group_service.hpp"

namespace roundtable::groups {

/// The demo organisation's groups (a co-production board, a steering group, a project at each stage, a coffee-morning
/// series and an archived group), once: nothing when it has groups already. Returns how many groups it made.
int load_demo(db::Database& db, GroupService& service, long long now);

}  // namespace roundtable::groups
