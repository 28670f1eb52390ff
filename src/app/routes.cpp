#include "app/routes.hpp"

#include "people/people_routes.hpp"

namespace roundtable::app {

std::vector<http::Route> build_routes(Services& services) {
  std::vector<http::Route> routes;
  add_site_routes(routes, services);
  add_ops_routes(routes, services);
  people::add_people_routes(routes, {services.people.get(), &services.assets});
  return routes;
}

}  // namespace roundtable::app
