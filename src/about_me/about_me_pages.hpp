/// The About Me pages' handlers (see about_me_routes.hpp for the addresses).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>

#include "about_me/about_me_service.hpp"
#include "http/types.hpp"
#include "view/layout.hpp"

namespace roundtable::about_me::pages {

using boost::asio::awaitable;
using http::RequestContext;
using http::Response;

struct PagesDeps {
  AboutMeService* service = nullptr;
  uploads::UploadService* uploads = nullptr;
  const view::Assets* assets = nullptr;
  std::function<http::Response(http::RequestContext&)> not_found;
};

awaitable<Response> own_page(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> visibility_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_visibility(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> intro_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_intro(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> add_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> add_item(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> edit_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_item(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> delete_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> delete_item(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> move_item(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> shared_page(http::OrgRequest& req, const PagesDeps& deps);

}  // namespace roundtable::about_me::pages
