#include "about_me/about_me_routes.hpp"

#include "about_me/about_me_pages.hpp"

namespace roundtable::about_me {

void add_about_me_routes(std::vector<http::Route>& routes, Deps deps) {
  pages::PagesDeps pd{deps.service, deps.uploads, deps.assets, deps.not_found};
  using Fn = boost::asio::awaitable<http::Response> (*)(http::RequestContext&, const pages::PagesDeps&);
  auto bind = [pd](Fn fn) { return [fn, pd](http::RequestContext& ctx) { return fn(ctx, pd); }; };
  using namespace http::policy;
  // Item forms carry a photo, recording or video: the body may be as big as the biggest file allowed.
  uploads::Allowed any;
  any.images = any.audio = any.video = true;
  const size_t item_body = uploads::body_limit_for(any);
  routes.push_back({"GET", "/account/about-me", "about_me", signed_in(), bind(pages::own_page)});
  routes.push_back(
      {"GET", "/account/about-me/visibility", "about_me_visibility", signed_in(), bind(pages::visibility_form)});
  routes.push_back(
      {"POST", "/account/about-me/visibility", "about_me_visibility_save", signed_in(), bind(pages::save_visibility)});
  routes.push_back({"GET", "/account/about-me/intro", "about_me_intro", signed_in(), bind(pages::intro_form)});
  routes.push_back({"POST", "/account/about-me/intro", "about_me_intro_save", signed_in(), bind(pages::save_intro)});
  routes.push_back({"GET", "/account/about-me/add/{kind}", "about_me_add", signed_in(), bind(pages::add_form)});
  http::Route add{"POST", "/account/about-me/items", "about_me_item_add", signed_in(), bind(pages::add_item)};
  add.max_body = item_body;
  routes.push_back(std::move(add));
  routes.push_back({"GET", "/account/about-me/items/{id}", "about_me_item", signed_in(), bind(pages::edit_form)});
  http::Route save{"POST", "/account/about-me/items/{id}", "about_me_item_save", signed_in(), bind(pages::save_item)};
  save.max_body = item_body;
  routes.push_back(std::move(save));
  routes.push_back({"GET", "/account/about-me/items/{id}/delete", "about_me_item_delete_form", signed_in(),
                    bind(pages::delete_form)});
  routes.push_back(
      {"POST", "/account/about-me/items/{id}/delete", "about_me_item_delete", signed_in(), bind(pages::delete_item)});
  routes.push_back(
      {"POST", "/account/about-me/items/{id}/move", "about_me_item_move", signed_in(), bind(pages::move_item)});
  routes.push_back({"GET", "/o/{org}/people/{id}/about-me", "about_me_shared", org_member(), bind(pages::shared_page)});
}

}  // namespace roundtable::about_me
