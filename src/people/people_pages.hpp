/// The people pages' handlers: sign-in and out, your account, organisations (platform admin), an organisation's
/// home, settings and audit log.
#pragma once

#include <boost/asio/awaitable.hpp>

#include "http/types.hpp"
#include "people/people_service.hpp"
#include "view/layout.hpp"

namespace roundtable::people {

/// What the people pages need.
struct PagesDeps {
  PeopleService* service = nullptr;
  const view::Assets* assets = nullptr;
};

namespace pages {
using boost::asio::awaitable;
using http::RequestContext;
using http::Response;

awaitable<Response> sign_in_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> sign_in(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> sign_out(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> account(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> organisations(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> new_organisation(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> create_organisation(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> organisation_home(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> organisation_settings(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_organisation_settings(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> audit_log(RequestContext& ctx, const PagesDeps& deps);
}  // namespace pages

}  // namespace roundtable::people
