/// The site's own demo content for `roundtable serve --demo` (public "you said, we did" stories in search); each
/// module loads its own demo data (module::Module::load_demo).
#pragma once

#include "db/database.hpp"
#include "db/search.hpp"

namespace roundtable::app {

/// Loads (or refreshes) the demo stories; safe to run on every start. Returns how many were written.
int load_demo_stories(db::Database& db, db::SearchIndex& search);

}  // namespace roundtable::app
