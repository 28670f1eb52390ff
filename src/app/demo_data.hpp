/// Demo content loaded by `roundtable serve --demo`, so a newcomer sees a working product.
#pragma once

#include "about_me/about_me_service.hpp"
#include "db/database.hpp"
#include "db/search.hpp"
#include "people/people_service.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::app {

/// The password of every demo account (only ever set by --demo).
inline constexpr const char* kDemoPassword = "roundtable-demo";
/// The demo organisation admins have two-step sign-in on with this key (add it to an authenticator app to sign
/// in as them). Only demo data uses it.
inline constexpr const char* kDemoTwoStepSecret = "ROUNDTABLEDEMOADMINSTWOSTEPKEYAA";

/// Loads (or refreshes) the demo content and demo people; safe to run on every start. Returns how many items were
/// written.
int load_demo_data(db::Database& db, db::SearchIndex& search, people::PeopleService& people);

/// Gives some demo members an About Me page (words, and a photo drawn here) that staff of their organisation may
/// see. Pages that already have items are left alone. Returns how many items were written.
int load_demo_about_me(people::PeopleService& people, about_me::AboutMeService& about_me,
                       uploads::UploadService& uploads);

}  // namespace roundtable::app
