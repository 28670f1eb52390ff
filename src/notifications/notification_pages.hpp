/// The notifications pages' handlers (see notification_routes.cpp for the addresses).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>

#include "accounts/pages_common.hpp"
#include "http/types.hpp"
#include "notifications/notification_service.hpp"
#include "view/layout.hpp"

namespace roundtable::notifications::pages {

using boost::asio::awaitable;
using http::OrgRequest;
using http::RequestContext;
using http::Response;
using namespace accounts::pages;

struct PagesDeps {
  /// Shared by every route's copy of these dependencies (the module owns the service through them).
  std::shared_ptr<NotificationService> service;
  const view::Assets* assets = nullptr;
  std::function<Response(RequestContext&)> not_found;
};

/// The person's notices in the organisation, newest first (keyset: ?before=<id>), unread ones marked.
awaitable<Response> notices(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> mark_read(OrgRequest& req, const PagesDeps& deps);
/// "How we contact you": each of the person's groups with straight away, once a day, once a week or never.
awaitable<Response> settings(OrgRequest& req, const PagesDeps& deps);
/// The same for the one group named in the address (linked from the group's page).
awaitable<Response> group_settings(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_settings(OrgRequest& req, const PagesDeps& deps);
/// The one-click stop from an email: no sign-in, the signed token in the address is the authority.
awaitable<Response> stop_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> stop(RequestContext& ctx, const PagesDeps& deps);

}  // namespace roundtable::notifications::pages
