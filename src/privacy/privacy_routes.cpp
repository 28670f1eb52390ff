#include "privacy/privacy_routes.hpp"

#include "http/route_list.hpp"

namespace roundtable::privacy {

void add_privacy_routes(std::vector<http::Route>& routes, PagesDeps deps) {
  using namespace http::policy;
  using http::bind;
  http::RouteList r(routes);
  r.get("/account/data", "account_data", signed_in(), bind(deps, pages::account_data));
  r.post("/account/data/download", "account_data_download", signed_in(), bind(deps, pages::account_data_download));
  r.get("/account/delete", "account_delete_form", signed_in(), bind(deps, pages::account_delete_form));
  r.post("/account/delete", "account_delete", signed_in(), bind(deps, pages::account_delete));
  r.post("/account/delete/code", "account_delete_code", signed_in(), bind(deps, pages::account_delete_code));
  r.get("/account-deleted", "account_deleted", public_access(), bind(deps, pages::account_deleted));
}

}  // namespace roundtable::privacy
