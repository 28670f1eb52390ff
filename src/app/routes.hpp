/// THE route table: every URL Roundtable answers, with its access policy.
#pragma once

#include <vector>

#include "app/services.hpp"
#include "http/types.hpp"

namespace roundtable::app {

/// Builds the complete route table. Every route carries a policy (the pipeline refuses one without).
std::vector<http::Route> build_routes(Services& services);

// Each module adds its own routes.
void add_site_routes(std::vector<http::Route>& routes, Services& services);
void add_ops_routes(std::vector<http::Route>& routes, Services& services);

}  // namespace roundtable::app
