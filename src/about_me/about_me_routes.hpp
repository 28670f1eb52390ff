/// The About Me pages: the owner's page and its forms under /account/about-me, and the page as others see it at
/// /o/{org}/people/{id}/about-me.
#pragma once

#include <functional>
#include <vector>

#include "about_me/about_me_service.hpp"
#include "http/types.hpp"
#include "uploads/uploads.hpp"
#include "view/layout.hpp"

namespace roundtable::about_me {

/// What the About Me pages need.
struct Deps {
  AboutMeService* service = nullptr;
  uploads::UploadService* uploads = nullptr;
  const view::Assets* assets = nullptr;
  /// The plain-words 404 page, for pages and items one may not see.
  std::function<http::Response(http::RequestContext&)> not_found;
};

void add_about_me_routes(std::vector<http::Route>& routes, Deps deps);

}  // namespace roundtable::about_me
