#include "consent/consent_routes.hpp"

#include "http/route_list.hpp"

namespace roundtable::consent {

void add_consent_routes(std::vector<http::Route>& routes, PagesDeps deps) {
  using namespace http::policy;
  using http::bind;
  http::RouteList r(routes);
  r.get("/account/consent", "consent", signed_in(), bind(deps, pages::consent_form));
  r.post("/account/consent", "consent_save", signed_in(), bind(deps, pages::save_consent));
}

}  // namespace roundtable::consent
