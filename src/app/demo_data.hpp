/// Demo content loaded by `roundtable serve --demo`, so a newcomer sees a working product.
#pragma once

#include "db/database.hpp"
#include "db/search.hpp"

namespace roundtable::app {

/// Loads (or refreshes) the demo content; safe to run on every start. Returns how many items were written.
int load_demo_data(db::Database& db, db::SearchIndex& search);

}  // namespace roundtable::app
