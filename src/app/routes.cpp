#include "app/routes.hpp"

#include "about_me/about_me_routes.hpp"
#include "app/error_pages.hpp"
#include "people/people_routes.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::app {

std::vector<http::Route> build_routes(Services& services) {
  std::vector<http::Route> routes;
  add_site_routes(routes, services);
  add_ops_routes(routes, services);
  auto not_found = [render = make_error_renderer(services)](http::RequestContext& ctx) {
    return render(ctx, http::Status::not_found);
  };
  people::PagesDeps people_deps{services.people.get(), &services.assets, not_found, {}};
  if (auto* about_me = services.about_me.get()) {
    people_deps.about_me_visible = [about_me](long long viewer, long long subject) {
      return about_me->page_to_show(viewer, subject);
    };
  }
  people::add_people_routes(routes, people_deps);
  about_me::add_about_me_routes(routes, {services.about_me.get(), services.uploads.get(), &services.assets, not_found});
  uploads::add_upload_routes(routes, services.uploads.get(), not_found);
  return routes;
}

}  // namespace roundtable::app
