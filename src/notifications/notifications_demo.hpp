/// Demo choices for `serve --demo`: Ngozi hears about her groups in a weekly digest (the notices themselves come
/// from the discussions' and meetings' demo, through notify()).
#pragma once

#include "db/database.hpp"

namespace roundtable::notifications {

/// Returns how many choices it recorded (none when the demo organisation or its people are missing).
int load_demo(db::Database& db, long long now);

}  // namespace roundtable::notifications
