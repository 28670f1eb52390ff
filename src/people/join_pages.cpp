// Open sign-up: anyone may join an organisation whose sign-up is open. Someone signed in joins with one button;
// someone new gets an emailed link (an invitation they asked for) that proves the address is theirs.
#include "http/form.hpp"
#include "people/pages_common.hpp"
#include "people/people_pages.hpp"
#include "view/forms.hpp"
#include "view/html.hpp"

namespace roundtable::people::pages {

namespace {

using view::Html;

struct JoinRequest {
  std::string email;
  std::string name;
  std::string lang;
};

Response join_page(RequestContext& ctx, const PagesDeps& deps, const Organisation& org, const JoinRequest& f,
                   const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  const std::string title = core::format(t("join.title"), {{"org", org.name}});
  const std::string action = "/o/" + org.slug + "/join";
  Html h;
  open_column(h);
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(title).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(core::format(t("join.lead"), {{"org", org.name}})).raw("</p>\n");
  h.raw("<form method=\"post\" action=\"").text(action).raw("\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  if (ctx.principal) {
    view::button(h, core::format(t("invite.join_button"), {{"org", org.name}}));
    h.raw("</form>\n");
    close_column(h);
    return respond(ctx, deps, title, h);
  }
  view::input(h, t,
              {.id = "name",
               .label = std::string(t("join.name")),
               .hint = std::string(t("join.name_hint")),
               .value = f.name,
               .error = std::string(view::error_for(errors, "name")),
               .autocomplete = "name"});
  view::input(h, t,
              {.id = "email",
               .label = std::string(t("sign_in.email")),
               .hint = std::string(t("join.email_hint")),
               .value = f.email,
               .error = std::string(view::error_for(errors, "email")),
               .type = "email",
               .autocomplete = "email",
               .spellcheck_off = true});
  view::radios(h, t,
               language_field(std::string(t("join.lang")), "", std::string(view::error_for(errors, "lang")), f.lang));
  view::button(h, t("join.send_button"));
  h.raw("</form>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("join.have_account_title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/sign-in?next=").text(view::url_encode(action));
  h.raw("\">").text(t("join.have_account")).raw("</a></p>\n");
  close_column(h);
  return respond_form(ctx, deps, title, h, !errors.empty());
}

/// The organisation behind {org} if anyone may join it; others answer 404 so invitation-only ones stay unlisted.
awaitable<std::optional<Organisation>> open_organisation(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->organisation(std::string(ctx.param("org")));
  auto org = co_await std::move(op);
  if (!org || org->signup_mode != SignupMode::open) co_return std::nullopt;
  co_return org;
}

}  // namespace

awaitable<Response> join_form(RequestContext& ctx, const PagesDeps& deps) {
  auto find = open_organisation(ctx, deps);
  auto org = co_await std::move(find);
  if (!org) co_return deps.not_found(ctx);
  if (ctx.principal && ctx.principal->membership(org->slug)) co_return http::redirect(ctx.request, "/o/" + org->slug);
  co_return join_page(ctx, deps, *org, {.lang = std::string(core::lang_code(ctx.lang))}, {});
}

awaitable<Response> join(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto find = open_organisation(ctx, deps);
  auto org = co_await std::move(find);
  if (!org) co_return deps.not_found(ctx);
  if (ctx.principal) {
    if (!ctx.principal->membership(org->slug)) {
      auto op = deps.service->join_as_member(org->id, ctx.principal->user_id);
      co_await std::move(op);
    }
    co_return http::redirect(ctx.request, "/o/" + org->slug + "?joined=1");
  }
  JoinRequest f{std::string(ctx.form.value("email")), std::string(ctx.form.value("name")),
                std::string(ctx.form.value("lang"))};
  const std::string email = normalise_email(f.email);
  std::vector<view::FieldError> errors;
  if (f.name.size() > 200) errors.push_back({"name", std::string(t("join.error.name_too_long"))});
  if (auto p = check_email(email)) errors.push_back(field_errors(t, {*p}).front());
  auto lang = core::parse_lang(f.lang);
  if (!lang) errors.push_back({"lang", std::string(t("join.error.lang_missing"))});
  if (!errors.empty()) co_return join_page(ctx, deps, *org, f, errors);
  auto op = deps.service->request_to_join(org->id, email, f.name, *lang);
  co_await std::move(op);
  Html h;
  open_column(h);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("email_sign_in.check_title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">")
      .text(core::format(t("join.sent_p1"), {{"email", email}, {"org", org->name}}))
      .raw("</p>\n");
  h.raw("<p class=\"govuk-body\">").text(t("join.sent_p2")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\">").text(t("email_sign_in.no_email")).raw("</p>\n");
  close_column(h);
  co_return respond(ctx, deps, std::string(t("email_sign_in.check_title")), h);
}

}  // namespace roundtable::people::pages
