/// The consent page's handlers: the person's choices about what their organisations may do with their
/// information, and the history of those choices.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>

#include "accounts/pages_common.hpp"
#include "consent/consent_service.hpp"
#include "http/types.hpp"
#include "view/layout.hpp"

namespace roundtable::consent {

/// What the consent pages need.
struct PagesDeps {
  ConsentService* service = nullptr;
  const view::Assets* assets = nullptr;
  std::function<http::Response(http::RequestContext&)> not_found;
};

namespace pages {
using boost::asio::awaitable;
using http::RequestContext;
using http::Response;
using namespace accounts::pages;

awaitable<Response> consent_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_consent(RequestContext& ctx, const PagesDeps& deps);
}  // namespace pages

}  // namespace roundtable::consent
