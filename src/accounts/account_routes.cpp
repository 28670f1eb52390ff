#include "accounts/account_routes.hpp"

#include "http/route_list.hpp"

namespace roundtable::accounts {

void add_account_routes(std::vector<http::Route>& routes, PagesDeps deps) {
  using namespace http::policy;
  using http::bind;
  http::RouteList r(routes);
  r.get("/sign-in", "sign_in_form", public_access(), bind(deps, pages::sign_in_form));
  r.post("/sign-in", "sign_in", public_access(), bind(deps, pages::sign_in));
  r.post("/sign-out", "sign_out", public_access(), bind(deps, pages::sign_out));
  r.get("/sign-in/email", "email_sign_in_form", public_access(), bind(deps, pages::email_sign_in_form));
  r.post("/sign-in/email", "email_sign_in_send", public_access(), bind(deps, pages::email_sign_in_send));
  r.get("/sign-in/code", "email_sign_in_code_form", public_access(), bind(deps, pages::email_sign_in_code_form));
  r.post("/sign-in/code", "email_sign_in_code", public_access(), bind(deps, pages::email_sign_in_code));
  r.get("/sign-in/link/{token}", "email_sign_in_link", public_access(), bind(deps, pages::email_sign_in_link));
  r.post("/sign-in/link/{token}", "email_sign_in_link_confirm", public_access(),
         bind(deps, pages::email_sign_in_link_confirm));
  r.get("/forgot-password", "forgot_password_form", public_access(), bind(deps, pages::forgot_password_form));
  r.post("/forgot-password", "forgot_password", public_access(), bind(deps, pages::forgot_password));
  r.get("/reset-password/{token}", "reset_password_form", public_access(), bind(deps, pages::reset_password_form));
  r.post("/reset-password/{token}", "reset_password", public_access(), bind(deps, pages::reset_password));
  r.get("/sign-in/two-step", "two_step_challenge_form", public_access(), bind(deps, pages::two_step_challenge_form));
  r.post("/sign-in/two-step", "two_step_challenge", public_access(), bind(deps, pages::two_step_challenge));
  r.get("/account/two-step", "two_step_settings", signed_in(), bind(deps, pages::two_step_settings));
  r.post("/account/two-step/start", "two_step_start", signed_in(), bind(deps, pages::two_step_start));
  r.get("/account/two-step/setup", "two_step_setup_form", signed_in(), bind(deps, pages::two_step_setup_form));
  r.post("/account/two-step/setup", "two_step_setup", signed_in(), bind(deps, pages::two_step_setup));
  r.post("/account/two-step/recovery-codes", "two_step_recovery_codes", signed_in(),
         bind(deps, pages::two_step_recovery_codes));
  r.post("/account/two-step/off", "two_step_off", signed_in(), bind(deps, pages::two_step_off));
}

}  // namespace roundtable::accounts
