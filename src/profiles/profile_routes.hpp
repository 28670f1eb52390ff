/// The profiles routes: the account page, the person's own profile and photo, the member directory and member pages.
#pragma once

#include <vector>

#include "http/types.hpp"
#include "profiles/profile_pages.hpp"

namespace roundtable::profiles {

void add_profile_routes(std::vector<http::Route>& routes, PagesDeps deps);

}  // namespace roundtable::profiles
