/// The accessibility statements' pages (see accessibility_routes.cpp for the addresses): Roundtable's own statement,
/// an organisation's published statement, and the form an organisation admin writes it with.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>

#include "accessibility/statement_service.hpp"
#include "http/types.hpp"
#include "view/layout.hpp"

namespace roundtable::accessibility::pages {

using boost::asio::awaitable;
using http::RequestContext;
using http::Response;

struct PagesDeps {
  /// Shared by every route's copy of these dependencies (the module owns the service through them).
  std::shared_ptr<StatementService> service;
  const view::Assets* assets = nullptr;
  std::function<http::Response(http::RequestContext&)> not_found;
};

/// /accessibility: the platform's statement, with a link to each organisation's published one.
awaitable<Response> platform_statement(RequestContext& ctx, const PagesDeps& deps);
/// /accessibility/{org}: an organisation's statement, for everyone once published (404 before).
awaitable<Response> org_statement(RequestContext& ctx, const PagesDeps& deps);
/// /o/{org}/accessibility: the form, for the organisation's admins.
awaitable<Response> edit_form(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save(http::OrgRequest& req, const PagesDeps& deps);

}  // namespace roundtable::accessibility::pages
