/// The profiles module's demo data for `roundtable serve --demo`: what some demo people bring and need, so
/// profiles, privacy of needs and the audit log have something to show.
#pragma once

#include "profiles/profile_service.hpp"

namespace roundtable::profiles {

/// Fills in the demo people's profiles (left alone once filled in); returns how many it wrote.
int load_demo(ProfileService& profiles);

}  // namespace roundtable::profiles
