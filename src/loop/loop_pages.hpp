/// The loop's pages (addresses in loop_routes.cpp): a contribution's timeline and "Say what happened next", a
/// group's "You said, we did" (signed in, and public for a public group), and "What happened to what I said", each
/// of the last two also in easy read.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>
#include <string>

#include "accounts/pages_common.hpp"
#include "http/types.hpp"
#include "loop/loop_service.hpp"
#include "view/layout.hpp"

namespace roundtable::loop::pages {

using boost::asio::awaitable;
using http::OrgRequest;
using http::RequestContext;
using http::Response;
using namespace accounts::pages;

struct PagesDeps {
  std::shared_ptr<LoopService> service;
  const view::Assets* assets = nullptr;
  std::function<Response(RequestContext&)> not_found;
  std::string two_step_path = "/account/two-step";
};

awaitable<Response> timeline(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> status_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_status(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> group_page(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> public_group_page(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> mine(RequestContext& ctx, const PagesDeps& deps);
/// The easy-read versions of the last three (loop_easy_read_pages.cpp).
awaitable<Response> group_page_easy_read(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> public_group_page_easy_read(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> mine_easy_read(RequestContext& ctx, const PagesDeps& deps);

}  // namespace roundtable::loop::pages
