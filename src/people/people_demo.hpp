/// The people module's demo data for `roundtable serve --demo`: organisations, people in every role, profiles.
#pragma once

#include "people/people_service.hpp"

namespace roundtable::people {

/// The password of every demo account (only ever set by --demo).
inline constexpr const char* kDemoPassword = "roundtable-demo";
/// The demo organisation admins have two-step sign-in on with this key (add it to an authenticator app to sign
/// in as them). Only demo data uses it.
inline constexpr const char* kDemoTwoStepSecret = "ROUNDTABLEDEMOADMINSTWOSTEPKEYAA";

/// Loads (or refreshes) the demo organisations and people; safe to run on every start. Returns how many were written.
int load_demo(PeopleService& people);

}  // namespace roundtable::people
