/// The consent routes: /account/consent.
#pragma once

#include <vector>

#include "consent/consent_pages.hpp"
#include "http/types.hpp"

namespace roundtable::consent {

void add_consent_routes(std::vector<http::Route>& routes, PagesDeps deps);

}  // namespace roundtable::consent
