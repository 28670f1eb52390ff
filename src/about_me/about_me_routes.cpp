#include "about_me/about_me_routes.hpp"

#include "about_me/about_me_pages.hpp"
#include "http/route_list.hpp"

namespace roundtable::about_me {

void add_about_me_routes(std::vector<http::Route>& routes, Deps deps) {
  pages::PagesDeps pd{deps.service, deps.uploads, deps.assets, deps.not_found};
  using namespace http::policy;
  using http::bind;
  // Item forms carry a photo, recording or video: the body may be as big as the biggest file allowed.
  uploads::Allowed any;
  any.images = any.audio = any.video = true;
  const size_t item_body = uploads::body_limit_for(any);
  http::RouteList own(routes, "/account/about-me");
  own.get("", "about_me", signed_in(), bind(pd, pages::own_page));
  own.get("/visibility", "about_me_visibility", signed_in(), bind(pd, pages::visibility_form));
  own.post("/visibility", "about_me_visibility_save", signed_in(), bind(pd, pages::save_visibility));
  own.get("/intro", "about_me_intro", signed_in(), bind(pd, pages::intro_form));
  own.post("/intro", "about_me_intro_save", signed_in(), bind(pd, pages::save_intro));
  own.get("/add/{kind}", "about_me_add", signed_in(), bind(pd, pages::add_form));
  own.post("/items", "about_me_item_add", signed_in(), bind(pd, pages::add_item)).accepts_uploads(item_body);
  own.get("/items/{id}", "about_me_item", signed_in(), bind(pd, pages::edit_form));
  own.post("/items/{id}", "about_me_item_save", signed_in(), bind(pd, pages::save_item)).accepts_uploads(item_body);
  own.get("/items/{id}/delete", "about_me_item_delete_form", signed_in(), bind(pd, pages::delete_form));
  own.post("/items/{id}/delete", "about_me_item_delete", signed_in(), bind(pd, pages::delete_item));
  own.post("/items/{id}/move", "about_me_item_move", signed_in(), bind(pd, pages::move_item));
  // Any member of the organisation may ask; the page itself answers 404 unless its owner lets this viewer see it
  // (about_me::may_see).
  http::RouteList org(routes, "/o/{org}");
  org.get("/people/{id}/about-me", "about_me_shared", org_member("about_me.see_shared"), bind(pd, pages::shared_page));
}

}  // namespace roundtable::about_me
