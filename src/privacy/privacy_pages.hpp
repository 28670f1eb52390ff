/// The privacy pages' handlers: your data (download it all) and deleting your account.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>

#include "accounts/account_service.hpp"
#include "accounts/pages_common.hpp"
#include "http/types.hpp"
#include "privacy/privacy_service.hpp"
#include "view/layout.hpp"

namespace roundtable::privacy {

/// What the privacy pages need.
struct PagesDeps {
  PrivacyService* service = nullptr;
  /// For the fresh proof (password or emailed code) asked for before deleting an account.
  accounts::AccountService* accounts = nullptr;
  const view::Assets* assets = nullptr;
  std::function<http::Response(http::RequestContext&)> not_found;
};

namespace pages {
using boost::asio::awaitable;
using http::RequestContext;
using http::Response;
using namespace accounts::pages;

/// Your data (data_rights_pages.cpp): download it all, delete the account.
awaitable<Response> account_data(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> account_data_download(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> account_delete_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> account_delete(RequestContext& ctx, const PagesDeps& deps);
/// Emails a code to an account without a password, for the deletion form.
awaitable<Response> account_delete_code(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> account_deleted(RequestContext& ctx, const PagesDeps& deps);
}  // namespace pages

}  // namespace roundtable::privacy
