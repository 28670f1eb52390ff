#include "accounts/pages_common.hpp"

#include "http/form.hpp"
#include "view/page.hpp"

namespace roundtable::accounts::pages {

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

std::vector<view::FieldError> field_errors(const core::Translator& t, const std::vector<FormProblem>& problems) {
  std::vector<view::FieldError> out;
  for (auto& p : problems) out.push_back({p.field, std::string(t(p.key))});
  return out;
}

std::string wait_message(const core::Translator& t, long long seconds) {
  return t.plural("accounts.sign_in.error.wait", seconds);
}

std::string_view lang_name(core::Lang l) { return core::Messages::embedded().get(l, "layout.language_name"); }

void new_password_fields(view::Html& h, const core::Translator& t, std::string_view label,
                         const std::vector<view::FieldError>& errors) {
  view::govuk::input(h, {.id = "password",
                         .name = "password",
                         .type = "password",
                         .label = small_label(std::string(label)),
                         .hint = {.text = std::string(t("accounts.reset.new_password_hint"))},
                         .error_message = field_error_message(t, errors, "password"),
                         .autocomplete = "new-password"});
  view::govuk::input(h, {.id = "confirm_password",
                         .name = "confirm_password",
                         .type = "password",
                         .label = small_label(std::string(t("accounts.reset.confirm_password"))),
                         .error_message = field_error_message(t, errors, "confirm_password"),
                         .autocomplete = "new-password"});
}

view::govuk::Fieldset small_legend(std::string legend) {
  return {.legend = {.text = std::move(legend), .classes = "govuk-fieldset__legend--s"}};
}

view::govuk::Label small_label(std::string text) { return {.text = std::move(text), .classes = "govuk-label--s"}; }

void caption(view::Html& h, std::string_view text) {
  h.raw("<span class=\"govuk-caption-l\">").text(text).raw("</span>\n");
}

void language_radios(view::Html& h, const core::Translator& t, std::string legend, std::string hint,
                     const std::vector<view::FieldError>& errors, std::string_view chosen) {
  view::govuk::Radios radios{.name = "lang",
                             .value = std::string(chosen),
                             .fieldset = small_legend(std::move(legend)),
                             .hint = {.text = std::move(hint)},
                             .error_message = field_error_message(t, errors, "lang")};
  for (auto l : {core::Lang::en, core::Lang::cy}) {
    radios.items.push_back({.text = std::string(lang_name(l)), .value = std::string(core::lang_code(l))});
  }
  view::govuk::radios(h, radios);
}

void submit_button(view::Html& h, std::string_view text, std::string classes) {
  view::govuk::button(h, {.text = std::string(text), .classes = std::move(classes)});
}

}  // namespace roundtable::accounts::pages
