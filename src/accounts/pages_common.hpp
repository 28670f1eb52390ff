/// What the pages of every module built on accounts share: the page frame, error lists and common form fields.
/// Modules above accounts use these (`using namespace accounts::pages;` in their pages namespace).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "accounts/account_form.hpp"
#include "http/types.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/page_builder.hpp"

namespace roundtable::accounts::pages {

/// Where a person goes after signing in when they were not on their way somewhere: their home page, which shows
/// their groups and what is new.
inline constexpr std::string_view kAfterSignIn = "/";

/// A secret cookie of the sign-in steps (Path=/sign-in), or "" when missing or malformed.
std::string sign_in_cookie(const http::RequestContext& ctx, std::string_view name);
/// Sets (or, with max_age 0 and an empty value, clears) such a cookie: HttpOnly, SameSite=Lax.
void set_sign_in_cookie(http::RequestContext& ctx, std::string_view name, std::string_view value, long max_age);
/// Form problems (catalogue keys) in the reader's language.
std::vector<view::FieldError> field_errors(const core::Translator& t, const std::vector<FormProblem>& problems);
/// A language's own name ("English", "Cymraeg").
std::string_view lang_name(core::Lang l);
/// "New password" and "type it again" inputs (ids password and confirm_password).
void new_password_fields(view::Html& h, const core::Translator& t, std::string_view label,
                         const std::vector<view::FieldError>& errors);

/// The page frame (back link, banners, error summary, heading, column) for a module's page: deps is the module's
/// PagesDeps (its assets).
template <class Deps>
view::PageBuilder page_builder(const http::RequestContext& ctx, const Deps& deps, std::string title) {
  return view::PageBuilder(ctx, *deps.assets, std::move(title));
}
/// A field's problem as a component's error message (view/page_builder.hpp).
using view::field_error_message;
/// The small bold legend the pages' radios and checkboxes have.
view::govuk::Fieldset small_legend(std::string legend);
/// A label in the pages' style (small and bold).
view::govuk::Label small_label(std::string text);
/// A caption above a heading a page writes itself (when something, such as a photo, comes between them).
void caption(view::Html& h, std::string_view text);
/// Radios named "lang" for English and Welsh, on the GOV.UK component.
void language_radios(view::Html& h, const core::Translator& t, std::string legend, std::string hint,
                     const std::vector<view::FieldError>& errors, std::string_view chosen);
/// A submit button; classes such as "govuk-button--secondary" change its colour.
void submit_button(view::Html& h, std::string_view text, std::string classes = "");

/// The known-browser cookie (docs/adr/0019-slow-down-not-lock-out.md): set at every successful sign-in, for a year,
/// on the sign-in pages; failures from a browser that has it for the account are counted apart.
inline constexpr std::string_view kKnownBrowserCookie = "rt_known";
inline constexpr long kKnownBrowserSeconds = 365L * 24 * 60 * 60;
/// "Wait N seconds, then try again", for a try made too soon after failures for the account.
std::string wait_message(const core::Translator& t, long long seconds);

/// After a right password or email code for someone with two-step sign-in on: remembers the waiting sign-in in
/// this browser (cookie rt_two_step) and sends them to /sign-in/two-step.
http::Response go_to_two_step(http::RequestContext& ctx, std::string_view token);

}  // namespace roundtable::accounts::pages
