/// THE route table: every URL Roundtable answers, with its access policy.
#pragma once

#include <vector>

#include "app/services.hpp"
#include "http/types.hpp"
#include "module/module.hpp"

namespace roundtable::app {

/// Builds the complete route table: the site's own routes, then each module's. Every route carries a policy (the
/// pipeline refuses one without).
std::vector<http::Route> build_routes(Services& services, const std::vector<module::Module>& modules);
/// The same with the modules made here (for listing routes and tests).
std::vector<http::Route> build_routes(Services& services);

// The site's own routes (home, search, accessibility, language, static files; health and metrics). The home page
// shows the modules' sections for newcomers, and for a signed-in person their own home, made of the modules' home
// sections. A signed-in person's search also finds what the modules' search scopes add (their groups' documents).
void add_site_routes(std::vector<http::Route>& routes, Services& services,
                     std::vector<module::NewcomerSection> newcomer_sections = {},
                     std::vector<module::HomeSection> home_sections = {},
                     std::vector<module::SearchScope> search_scopes = {});
void add_ops_routes(std::vector<http::Route>& routes, Services& services);

}  // namespace roundtable::app
