// Open sign-up: anyone may join an organisation whose sign-up is open. Someone signed in joins with one button;
// someone new gets an emailed link (an invitation they asked for) that proves the address is theirs.
#include <algorithm>

#include "accounts/pages_common.hpp"
#include "http/form.hpp"
#include "organisations/organisation_pages.hpp"
#include "view/govuk/govuk.hpp"
#include "view/govuk/typography.hpp"
#include "view/html.hpp"
#include "view/page_builder.hpp"

namespace roundtable::organisations::pages {

namespace {

namespace govuk = view::govuk;

struct JoinForm {
  std::string email;
  std::string name;
  std::string lang;
};

Response join_page(RequestContext& ctx, const PagesDeps& deps, const Organisation& org, const JoinForm& f,
                   const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  const std::string action = "/o/" + org.slug + "/join";
  view::PageBuilder page(ctx, *deps.assets, core::format(t("organisations.join.title"), {{"org", org.name}}));
  page.errors(t, errors);
  auto& h = page.body();
  govuk::paragraph(h, core::format(t("organisations.join.lead"), {{"org", org.name}}));
  govuk::form_start(h, {.action = action, .csrf_token = ctx.csrf_token});
  if (ctx.principal) {
    govuk::button(h, {.text = core::format(t("organisations.invite.join_button"), {{"org", org.name}})});
    govuk::form_end(h);
    return page.respond();
  }
  govuk::input(h, {.id = "name",
                   .name = "name",
                   .value = f.name,
                   .label = small_label(std::string(t("organisations.join.name"))),
                   .hint = {.text = std::string(t("organisations.join.name_hint"))},
                   .error_message = field_error_message(t, errors, "name"),
                   .autocomplete = "name"});
  govuk::input(h, {.id = "email",
                   .name = "email",
                   .type = "email",
                   .value = f.email,
                   .label = small_label(std::string(t("organisations.sign_in.email"))),
                   .hint = {.text = std::string(t("organisations.join.email_hint"))},
                   .error_message = field_error_message(t, errors, "email"),
                   .autocomplete = "email",
                   .spellcheck = false});
  language_radios(h, t, std::string(t("organisations.join.lang")), "", errors, f.lang);
  govuk::button(h, {.text = std::string(t("organisations.join.send_button"))});
  govuk::form_end(h);
  govuk::heading(h, 2, "m", t("organisations.join.have_account_title"));
  govuk::link_paragraph(h, "/sign-in?next=" + view::url_encode(action), t("organisations.join.have_account"));
  return page.respond();
}

/// The organisation behind {org} if anyone may join it; others answer 404 so invitation-only ones stay unlisted.
awaitable<std::optional<Organisation>> open_organisation(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->organisation(std::string(ctx.param("org")));
  auto org = co_await std::move(op);
  if (!org || org->signup_mode != SignupMode::open) co_return std::nullopt;
  co_return org;
}

}  // namespace

awaitable<Response> open_organisations(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto op = deps.service->open_organisations();
  const auto orgs = co_await std::move(op);
  view::PageBuilder page(ctx, *deps.assets, std::string(t("organisations.open.title")));
  auto& h = page.body();
  govuk::paragraph(h, t("organisations.open.lead"));
  if (orgs.empty()) {
    govuk::paragraph(h, t("organisations.open.none"));
  } else {
    govuk::List list{.bullet = true};
    for (const auto& org : orgs) {
      view::Html link;
      govuk::link(link, "/o/" + org.slug + "/join", org.name);
      list.items.push_back(std::move(link));
    }
    govuk::list(h, list);
  }
  govuk::paragraph(h, t("organisations.open.invitation_only"));
  co_return page.respond();
}

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
    ctx.set_flash("organisations.invite.joined", {{"org", org->name}});
    co_return http::redirect(ctx.request, "/o/" + org->slug);
  }
  JoinForm f{std::string(ctx.form.value("email")), std::string(ctx.form.value("name")),
             std::string(ctx.form.value("lang"))};
  const std::string email = normalise_email(f.email);
  std::vector<view::FieldError> errors;
  const auto characters = std::count_if(f.name.begin(), f.name.end(), [](char c) { return (c & 0xC0) != 0x80; });
  if (static_cast<size_t>(characters) > kMaxJoinNameLength) {
    errors.push_back({"name", std::string(t("organisations.join.error.name_too_long"))});
  }
  if (auto p = check_email(email)) errors.push_back(field_errors(t, {*p}).front());
  auto lang = core::parse_lang(f.lang);
  if (!lang) errors.push_back({"lang", std::string(t("organisations.join.error.lang_missing"))});
  if (!errors.empty()) co_return join_page(ctx, deps, *org, f, errors);
  auto op = deps.service->request_to_join(
      {.org_id = org->id, .email = email, .name = f.name, .lang = *lang, .client = ctx.remote_address});
  const JoinOutcome outcome = co_await std::move(op);
  if (outcome == JoinOutcome::too_many) {
    view::PageBuilder busy(ctx, *deps.assets, std::string(t("organisations.join.too_many_title")));
    govuk::paragraph(busy.body(), t("organisations.join.too_many"));
    co_return busy.respond(http::Status::too_many_requests);
  }
  view::PageBuilder page(ctx, *deps.assets, std::string(t("organisations.email_sign_in.check_title")));
  auto& h = page.body();
  govuk::paragraph(h, core::format(t("organisations.join.sent_p1"), {{"email", email}, {"org", org->name}}));
  govuk::paragraph(h, t("organisations.join.sent_p2"));
  govuk::paragraph(h, t("organisations.email_sign_in.no_email"));
  co_return page.respond();
}

}  // namespace roundtable::organisations::pages
