#include "people/pages_common.hpp"

#include "http/form.hpp"
#include "view/page.hpp"

namespace roundtable::people::pages {

http::Response respond(const http::RequestContext& ctx, const PagesDeps& deps, std::string title, const view::Html& h,
                       http::Status status, bool has_errors) {
  auto p = view::page_for(ctx, std::move(title));
  p.has_errors = has_errors;
  return view::html_page(ctx, *deps.assets, p, h, status);
}

http::Response respond_form(const http::RequestContext& ctx, const PagesDeps& deps, std::string title,
                            const view::Html& h, bool has_errors) {
  return respond(ctx, deps, std::move(title), h, has_errors ? http::Status::bad_request : http::Status::ok, has_errors);
}

void open_column(view::Html& h) {
  h.raw("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
}
void close_column(view::Html& h) { h.raw("</div></div>\n"); }

std::string sign_in_cookie(const http::RequestContext& ctx, std::string_view name) {
  auto header = ctx.request[boost::beast::http::field::cookie];
  auto value = http::find_cookie(std::string_view(header.data(), header.size()), name);
  if (!value || value->size() < 20 || value->size() > 64) return "";
  return std::string(*value);
}

void set_sign_in_cookie(http::RequestContext& ctx, std::string_view name, std::string_view value, long max_age) {
  std::string c(name);
  c += "=";
  c += value;
  c += "; Path=/sign-in; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (ctx.secure_cookies) c += "; Secure";
  ctx.set_cookies.push_back(std::move(c));
}

void success_banner(view::Html& h, const core::Translator& t, std::string_view message) {
  h.raw(
      "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" "
      "aria-labelledby=\"banner-title\" data-module=\"govuk-notification-banner\">\n");
  h.raw(
       "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" "
       "id=\"banner-title\">")
      .text(t("banner.success"))
      .raw("</h2></div>\n");
  h.raw("<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">")
      .text(message)
      .raw("</p></div>\n</div>\n");
}

std::vector<view::FieldError> field_errors(const core::Translator& t, const std::vector<FormProblem>& problems) {
  std::vector<view::FieldError> out;
  for (auto& p : problems) out.push_back({p.field, std::string(t(p.key))});
  return out;
}

std::string role_name(const core::Translator& t, Role r) { return std::string(t("role." + std::string(role_code(r)))); }

std::string_view lang_name(core::Lang l) { return core::Messages::embedded().get(l, "layout.language_name"); }

view::ChoiceField language_field(std::string legend, std::string hint, std::string error, std::string_view chosen) {
  view::ChoiceField field{
      .id = "lang", .name = "lang", .legend = std::move(legend), .hint = std::move(hint), .error = std::move(error)};
  for (auto l : {core::Lang::en, core::Lang::cy}) {
    std::string code(core::lang_code(l));
    field.choices.push_back({code, std::string(lang_name(l)), "", chosen == code});
  }
  return field;
}

void new_password_fields(view::Html& h, const core::Translator& t, std::string_view label,
                         const std::vector<view::FieldError>& errors) {
  view::input(h, t,
              {.id = "password",
               .label = std::string(label),
               .hint = std::string(t("reset.new_password_hint")),
               .error = std::string(view::error_for(errors, "password")),
               .type = "password",
               .autocomplete = "new-password"});
  view::input(h, t,
              {.id = "confirm_password",
               .label = std::string(t("reset.confirm_password")),
               .error = std::string(view::error_for(errors, "confirm_password")),
               .type = "password",
               .autocomplete = "new-password"});
}

}  // namespace roundtable::people::pages
