#include "app/routes.hpp"

#include "app/modules.hpp"

namespace roundtable::app {

std::vector<http::Route> build_routes(Services& services, const std::vector<module::Module>& modules) {
  std::vector<http::Route> routes;
  add_site_routes(routes, services);
  add_ops_routes(routes, services);
  const auto shared = shared_of(modules);
  for (const auto& m : modules) {
    if (m.add_routes) m.add_routes(routes, shared);
  }
  return routes;
}

std::vector<http::Route> build_routes(Services& services) { return build_routes(services, make_modules(services)); }

}  // namespace roundtable::app
