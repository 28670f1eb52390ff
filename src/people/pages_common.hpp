/// What the people pages share: answering with the layout, banners, error lists and common form fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "people/people_form.hpp"
#include "people/people_pages.hpp"
#include "view/forms.hpp"
#include "view/html.hpp"

namespace roundtable::people::pages {

/// The page in the layout; has_errors prefixes the title with "Error:".
http::Response respond(const http::RequestContext& ctx, const PagesDeps& deps, std::string title, const view::Html& h,
                       http::Status status = http::Status::ok, bool has_errors = false);
/// A form page: 400 with "Error:" in the title when it has errors, else 200.
http::Response respond_form(const http::RequestContext& ctx, const PagesDeps& deps, std::string title,
                            const view::Html& h, bool has_errors);
/// Opens and closes the two-thirds column most people pages use.
void open_column(view::Html& h);
void close_column(view::Html& h);
/// A secret cookie of the sign-in steps (Path=/sign-in), or "" when missing or malformed.
std::string sign_in_cookie(const http::RequestContext& ctx, std::string_view name);
/// Sets (or, with max_age 0 and an empty value, clears) such a cookie: HttpOnly, SameSite=Lax.
void set_sign_in_cookie(http::RequestContext& ctx, std::string_view name, std::string_view value, long max_age);
/// The green "Success" banner with one message.
void success_banner(view::Html& h, const core::Translator& t, std::string_view message);
/// Form problems (catalogue keys) in the reader's language.
std::vector<view::FieldError> field_errors(const core::Translator& t, const std::vector<FormProblem>& problems);
std::string role_name(const core::Translator& t, Role r);
/// A language's own name ("English", "Cymraeg").
std::string_view lang_name(core::Lang l);
/// Radios named "lang" for English and Welsh.
view::ChoiceField language_field(std::string legend, std::string hint, std::string error, std::string_view chosen);
/// "New password" and "type it again" inputs (ids password and confirm_password).
void new_password_fields(view::Html& h, const core::Translator& t, std::string_view label,
                         const std::vector<view::FieldError>& errors);

/// After a right password or email code for someone with two-step sign-in on: remembers the waiting sign-in in
/// this browser (cookie rt_two_step) and sends them to /sign-in/two-step.
http::Response go_to_two_step(http::RequestContext& ctx, std::string_view token);

}  // namespace roundtable::people::pages
