#include "app/routes.hpp"

#include "app/modules.hpp"

namespace roundtable::app {

std::vector<http::Route> build_routes(Services& services, const std::vector<module::Module>& modules) {
  std::vector<http::Route> routes;
  const auto shared = shared_of(modules);
  add_site_routes(routes, services, shared.newcomer_sections, shared.home_sections, shared.search_scopes);
  add_ops_routes(routes, services);
  for (const auto& m : modules) {
    if (m.add_routes) m.add_routes(routes, shared);
  }
  return routes;
}

std::vector<http::Route> build_routes(Services& services) { return build_routes(services, make_modules(services)); }

}  // namespace roundtable::app
