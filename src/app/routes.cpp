#include "app/routes.hpp"

namespace roundtable::app {

std::vector<http::Route> build_routes(Services& services) {
  std::vector<http::Route> routes;
  add_site_routes(routes, services);
  add_ops_routes(routes, services);
  return routes;
}

}  // namespace roundtable::app
