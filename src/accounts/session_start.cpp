#include "accounts/session_start.hpp"

#include "accounts/pages_common.hpp"
#include "http/form.hpp"

namespace roundtable::accounts::pages {

boost::asio::awaitable<http::Response> open_session(http::RequestContext& ctx, AccountService& service,
                                                    SignedInAs who) {
  const std::string next = http::is_local_path(who.next) ? who.next : std::string(kAfterSignIn);
  if (!who.passed_second_step) {
    std::string token = who.two_step_token;
    if (token.empty()) {
      // A way of signing in that did not open the second step itself (or a new one that forgot): open it here.
      auto op = service.open_second_step(who.user_id, next);
      token = co_await std::move(op);
    }
    if (!token.empty()) co_return go_to_two_step(ctx, token);
  }
  ctx.sign_in(who.user_id, who.passed_second_step);
  set_sign_in_cookie(ctx, kKnownBrowserCookie, service.known_browser_cookie(who.user_id), kKnownBrowserSeconds);
  if (who.lang && !ctx.session->lang) ctx.session->lang = who.lang;
  co_return http::redirect(ctx.request, next);
}

}  // namespace roundtable::accounts::pages
