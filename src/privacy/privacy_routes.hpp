/// The privacy routes: your data, deleting your account.
#pragma once

#include <vector>

#include "http/types.hpp"
#include "privacy/privacy_pages.hpp"

namespace roundtable::privacy {

void add_privacy_routes(std::vector<http::Route>& routes, PagesDeps deps);

}  // namespace roundtable::privacy
