/// The one way a session becomes signed in (docs/adr/0015-the-second-step-belongs-to-the-session.md).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>

#include "accounts/account_service.hpp"
#include "core/i18n.hpp"
#include "http/types.hpp"

namespace roundtable::accounts::pages {

/// Who proved who they are, and how, for open_session.
struct SignedInAs {
  long long user_id = 0;
  /// Their preferred language: pages follow it unless this browser chose one with the switcher. nullopt: keep.
  std::optional<core::Lang> lang;
  /// Where to go once signed in: a local path ("" or anything else: their home page).
  std::string next;
  /// The waiting second step that the first step's own transaction opened (a right password or emailed code for an
  /// account with two-step sign-in on), or "": open_session then looks itself.
  std::string two_step_token;
  /// The person has just passed the second step (only the second step's own handler says so).
  bool passed_second_step = false;
};

/// Every way of signing in (password, emailed code or link, password reset, accepting an invitation, the second
/// step) ends here, and nothing else signs a session in (scripts/check-source holds every other caller of
/// RequestContext::sign_in to this). With two-step sign-in on for the account and the second step not just passed,
/// the session stays signed out: the browser goes to /sign-in/two-step for the waiting second step (the one
/// `who.two_step_token` names, or one opened here). Otherwise the session is signed in with a new token (recording
/// whether the second step was passed), this browser is remembered for the account, and the person goes to `next`.
boost::asio::awaitable<http::Response> open_session(http::RequestContext& ctx, AccountService& service, SignedInAs who);

}  // namespace roundtable::accounts::pages
