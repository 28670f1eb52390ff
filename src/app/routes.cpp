#include "app/routes.hpp"

#include "app/error_pages.hpp"
#include "people/people_routes.hpp"

namespace roundtable::app {

std::vector<http::Route> build_routes(Services& services) {
  std::vector<http::Route> routes;
  add_site_routes(routes, services);
  add_ops_routes(routes, services);
  auto not_found = [render = make_error_renderer(services)](http::RequestContext& ctx) {
    return render(ctx, http::Status::not_found);
  };
  people::add_people_routes(routes, {services.people.get(), &services.assets, not_found});
  return routes;
}

}  // namespace roundtable::app
