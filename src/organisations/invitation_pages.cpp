#include <algorithm>
#include <string>

#include "accounts/account_form.hpp"
#include "accounts/pages_common.hpp"
#include "accounts/session_start.hpp"
#include "consent/consent.hpp"
#include "organisations/organisation_pages.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/govuk/typography.hpp"
#include "view/html.hpp"
#include "view/page_builder.hpp"

namespace roundtable::organisations::pages {

namespace {

using view::Html;
namespace govuk = view::govuk;

constexpr size_t kMaxMessageLength = 1000;

/// Organisation admins may invite anyone; facilitators only members (organisation_policy: invite_any_role).
std::vector<Role> roles_for(const http::OrgRequest& req) {
  if (may(req, policy::Action::invite_any_role)) return {std::begin(kAllRoles), std::end(kAllRoles)};
  return {Role::member};
}

struct InviteForm {
  std::string email;
  std::string name;
  std::string role;
  std::vector<std::string> member_types;
  std::string message;
  std::string lang;
};

InviteForm read_invite(const http::FormData& f) {
  InviteForm form{f.trimmed("email"),   f.trimmed("name"),           std::string(f.value("role")), {},
                  f.trimmed("message"), std::string(f.value("lang"))};
  for (auto t : f.all("member_types")) form.member_types.emplace_back(t);
  return form;
}

Response invite_page(http::OrgRequest& req, const PagesDeps& deps, const InviteForm& f,
                     const std::vector<view::FieldError>& errors) {
  RequestContext& ctx = req.ctx;
  const http::Membership& m = req.membership;
  auto t = ctx.t();
  const std::string action = "/o/" + m.org_slug + "/invitations";
  view::PageBuilder page(ctx, *deps.assets, std::string(t("organisations.invite.new_title")));
  page.back_link(action, std::string(t("organisations.invite.back"))).errors(t, errors).caption(m.org_name);
  auto& h = page.body();
  govuk::form_start(h, {.action = action, .csrf_token = ctx.csrf_token});
  govuk::input(h, {.id = "email",
                   .name = "email",
                   .type = "email",
                   .value = f.email,
                   .label = small_label(std::string(t("organisations.invite.email"))),
                   .error_message = field_error_message(t, errors, "email"),
                   .spellcheck = false});
  govuk::input(h, {.id = "name",
                   .name = "name",
                   .value = f.name,
                   .label = small_label(std::string(t("organisations.invite.name"))),
                   .hint = {.text = std::string(t("organisations.invite.name_hint"))},
                   .error_message = field_error_message(t, errors, "name")});
  govuk::Radios roles{.name = "role",
                      .value = f.role,
                      .fieldset = small_legend(std::string(t("organisations.invite.role"))),
                      .error_message = field_error_message(t, errors, "role")};
  for (auto r : roles_for(req)) {
    std::string code(role_code(r));
    roles.items.push_back({.text = role_name(t, r), .value = code, .hint = {.text = role_hint(t, r)}});
  }
  govuk::radios(h, roles);
  govuk::Checkboxes types{.name = "member_types",
                          .values = f.member_types,
                          .fieldset = small_legend(std::string(t("organisations.invite.member_types"))),
                          .hint = {.text = std::string(t("organisations.invite.member_types_hint"))}};
  types.items.reserve(std::size(kAllMemberTypes));
  for (auto type : kAllMemberTypes) {
    std::string code(member_type_code(type));
    types.items.push_back({.text = member_type_name(t, type), .value = std::move(code)});
  }
  govuk::checkboxes(h, types);
  govuk::textarea(h, {.id = "message",
                      .name = "message",
                      .value = f.message,
                      .label = small_label(std::string(t("organisations.invite.message"))),
                      .hint = {.text = std::string(t("organisations.invite.message_hint"))},
                      .error_message = field_error_message(t, errors, "message")});
  language_radios(h, t, std::string(t("organisations.invite.lang")), "", errors, f.lang);
  govuk::button(h, {.text = std::string(t("organisations.invite.send"))});
  govuk::form_end(h);
  return page.respond();
}

Response expired_invitation(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  view::PageBuilder page(ctx, *deps.assets, std::string(t("organisations.invite.expired_title")));
  govuk::paragraph(page.body(), t("organisations.invite.expired_body"));
  govuk::paragraph(page.body(), t("organisations.invite.expired_next"));
  return page.respond(http::Status::gone);
}

struct InvitedAccountForm {
  std::string name;
  std::string lang;
  bool agree = false;
};

/// The form that makes an account for the invited address and joins with it.
void create_account_form(Html& h, RequestContext& ctx, const Invitation& inv, const std::string& action,
                         const InvitedAccountForm& f, const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  govuk::heading(h, 2, "m", t("organisations.invite.create_title"));
  govuk::paragraph(h, core::format(t("organisations.invite.create_lead"), {{"email", inv.email}}));
  govuk::form_start(h, {.action = action, .csrf_token = ctx.csrf_token});
  govuk::input(h, {.id = "name",
                   .name = "name",
                   .value = f.name,
                   .label = small_label(std::string(t("organisations.profile.name"))),
                   .hint = {.text = std::string(t("organisations.profile.name_hint"))},
                   .error_message = field_error_message(t, errors, "name"),
                   .autocomplete = "name"});
  new_password_fields(h, t, t("organisations.invite.password"), errors);
  language_radios(h, t, std::string(t("organisations.profile.lang")), std::string(t("organisations.profile.lang_hint")),
                  errors, f.lang);
  // The wording the account is made with (OrganisationService::accept_invitation_as_new records it as consent).
  govuk::inset_text(h, {.text = std::string(t(consent::consent_wording_key(consent::ConsentPurpose::store_data, 1)))});
  govuk::checkboxes(
      h, {.name = "agree",
          .items = {{.text = std::string(t("organisations.invite.agree")), .value = "yes", .checked = f.agree}},
          .fieldset = small_legend(std::string(t("organisations.consent.store_data.title"))),
          .error_message = field_error_message(t, errors, "agree"),
          .classes = "govuk-checkboxes--small"});
  govuk::button(h, {.text = core::format(t("organisations.invite.create_button"), {{"org", inv.org_name}})});
  govuk::form_end(h);
}

Response accept_page(RequestContext& ctx, const PagesDeps& deps, const Invitation& inv, bool has_account,
                     const InvitedAccountForm& f, const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  view::PageBuilder page(ctx, *deps.assets, std::string(t("organisations.invite.accept_heading")));
  page.errors(t, errors).heading(core::format(t("organisations.invite.accept_title"), {{"org", inv.org_name}}));
  auto& h = page.body();
  const std::string inviter =
      inv.invited_by_name.empty() ? std::string(t("organisations.invite.mail.someone")) : inv.invited_by_name;
  if (inv.self_requested) {
    govuk::paragraph(h, core::format(t("organisations.join.accept_lead"), {{"org", inv.org_name}}));
  } else {
    govuk::paragraph(h, core::format(t("organisations.invite.accept_lead"),
                                     {{"inviter", inviter}, {"org", inv.org_name}, {"role", role_name(t, inv.role)}}));
  }
  if (!inv.message.empty()) {
    Html message;
    govuk::paragraph(message, core::format(t("organisations.invite.mail.message_intro"), {{"inviter", inviter}}),
                     "govuk-body govuk-!-font-weight-bold");
    govuk::paragraph(message, inv.message, "govuk-body rt-pre-line");
    govuk::inset_text(h, {.html = std::move(message)});
  }
  const std::string action = "/invitations/" + std::string(ctx.param("token"));
  if (ctx.principal) {
    if (ctx.principal->email != inv.email) {
      govuk::paragraph(h, core::format(t("organisations.invite.wrong_account"),
                                       {{"you", ctx.principal->email}, {"invited", inv.email}}));
      return page.respond(http::Status::forbidden);
    }
    govuk::button_form(
        h, {.form = {.action = action, .csrf_token = ctx.csrf_token},
            .button = {.text = core::format(t("organisations.invite.join_button"), {{"org", inv.org_name}})}});
    return page.respond();
  }
  if (has_account) {
    govuk::paragraph(h, core::format(t("organisations.invite.has_account"), {{"email", inv.email}}));
    govuk::button(h, {.text = std::string(t("organisations.invite.sign_in_to_accept")),
                      .href = "/sign-in?next=" + view::url_encode(action)});
    return page.respond();
  }
  create_account_form(h, ctx, inv, action, f, errors);
  return page.respond();
}

}  // namespace

awaitable<Response> invitations(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  auto op = deps.service->invitations(m->org_id);
  auto list = co_await std::move(op);
  view::PageBuilder page(ctx, *deps.assets, std::string(t("organisations.invite.list_title")));
  page.caption(m->org_name).full_width();
  auto& h = page.body();
  govuk::button(
      h, {.text = std::string(t("organisations.invite.new_title")), .href = "/o/" + m->org_slug + "/invitations/new"});
  if (list.empty()) {
    govuk::paragraph(h, t("organisations.invite.none"));
    co_return page.respond();
  }
  // One person to a list item, with its own layout class (typography's list() has none for items).
  h.raw("<ul class=\"govuk-list rt-directory\">\n");
  const std::string base = "/o/" + m->org_slug + "/invitations/";
  std::string line;
  for (auto& inv : list) {
    h.raw("<li class=\"rt-directory__person\">\n");
    govuk::heading(h, 2, "s govuk-!-margin-bottom-1", inv.name.empty() ? inv.email : inv.name + " (" + inv.email + ")");
    line = role_name(t, inv.role);
    line += " – ";
    if (inv.self_requested) line.append(t("organisations.join.asked_themselves")).append(", ");
    line += core::format(t("organisations.invite.sent_on"), {{"date", view::format_date(t, inv.sent_at)}});
    line += ' ';
    line += core::format(t("organisations.invite.expires_on"), {{"date", view::format_date(t, inv.expires_at)}});
    govuk::paragraph(h, line, "govuk-body govuk-!-margin-bottom-2");
    govuk::button_group_start(h);
    const std::string item = base + std::to_string(inv.id);
    for (const bool resend : {true, false}) {
      Html words;
      words.text(t(resend ? "organisations.invite.resend" : "organisations.invite.revoke"));
      govuk::visually_hidden(words, " " + inv.email);
      govuk::button_form(h, {.form = {.action = item + (resend ? "/resend" : "/revoke"), .csrf_token = ctx.csrf_token},
                             .button = {.html = std::move(words),
                                        .classes = resend ? "govuk-button--secondary" : "govuk-button--warning"}});
    }
    govuk::button_group_end(h);
    h.raw("</li>\n");
  }
  h.raw("</ul>\n");
  co_return page.respond();
}

awaitable<Response> new_invitation(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  InviteForm f;
  f.role = "member";
  f.lang = std::string(core::lang_code(ctx.lang));
  co_return invite_page(req, deps, f, {});
}

awaitable<Response> send_invitation(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  auto f = read_invite(ctx.form);
  std::vector<view::FieldError> errors;
  const std::string email = normalise_email(f.email);
  if (email.empty()) {
    errors.push_back({"email", std::string(t("organisations.invite.error.email_missing"))});
  } else if (!is_plausible_email(email)) {
    errors.push_back({"email", std::string(t("organisations.sign_in.error.email_format"))});
  }
  if (f.name.size() > kMaxNameLength * 4)
    errors.push_back({"name", std::string(t("organisations.profile.error.name_too_long"))});
  auto role = parse_role(f.role);
  auto allowed = roles_for(req);
  if (!role || std::find(allowed.begin(), allowed.end(), *role) == allowed.end()) {
    errors.push_back({"role", std::string(t("organisations.invite.error.role_missing"))});
  }
  if (f.message.size() > kMaxMessageLength * 4) {
    errors.push_back({"message", std::string(t("organisations.invite.error.message_too_long"))});
  }
  auto lang = core::parse_lang(f.lang);
  if (!lang) errors.push_back({"lang", std::string(t("organisations.invite.error.lang_missing"))});
  if (errors.empty()) {
    Invitation inv;
    inv.org_id = m->org_id;
    inv.email = email;
    inv.name = f.name;
    inv.role = *role;
    for (auto& code : f.member_types) {
      if (auto type = parse_member_type(code)) inv.member_types.push_back(*type);
    }
    inv.message = f.message;
    inv.lang = *lang;
    auto op = deps.service->invite(ctx.principal->user_id, inv);
    auto outcome = co_await std::move(op);
    if (outcome == InviteOutcome::sent) {
      ctx.set_flash("organisations.invite.sent", {{"email", email}});
      co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/invitations");
    }
    errors.push_back({"email", core::format(t(outcome == InviteOutcome::already_member
                                                  ? "organisations.invite.error.already_member"
                                                  : "organisations.invite.error.already_invited"),
                                            {{"email", email}})});
  }
  co_return invite_page(req, deps, f, errors);
}

awaitable<Response> change_invitation(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  const http::Membership* m = &req.membership;
  auto id = ctx.id_param();
  const bool resend = ctx.route->name == "invitation_resend";
  bool done = false;
  if (id) {
    if (resend) {
      auto op = deps.service->resend_invitation(ctx.principal->user_id, m->org_id, *id);
      done = co_await std::move(op);
    } else {
      auto op = deps.service->revoke_invitation(ctx.principal->user_id, m->org_id, *id);
      done = co_await std::move(op);
    }
  }
  if (!done) co_return deps.not_found(ctx);
  ctx.set_flash(resend ? "organisations.invite.resent" : "organisations.invite.revoked");
  co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/invitations");
}

awaitable<Response> invitation(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->invitation(std::string(ctx.param("token")));
  auto found = co_await std::move(op);
  if (!found) co_return expired_invitation(ctx, deps);
  InvitedAccountForm f;
  f.lang = std::string(core::lang_code(found->first.lang));
  co_return accept_page(ctx, deps, found->first, found->second, f, {});
}

awaitable<Response> accept_invitation(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const std::string token(ctx.param("token"));
  auto look = deps.service->invitation(token);
  auto found = co_await std::move(look);
  if (!found) co_return expired_invitation(ctx, deps);
  const Invitation& inv = found->first;
  AcceptResult result;
  if (ctx.principal) {
    auto op = deps.service->accept_invitation_as(token, ctx.principal->user_id);
    result = co_await std::move(op);
  } else if (found->second) {
    // The invited address already has an account: it accepts once signed in.
    result.outcome = AcceptResult::Outcome::sign_in_first;
  } else {
    InvitedAccountForm f{std::string(ctx.form.value("name")), std::string(ctx.form.value("lang")),
                         ctx.form.value("agree") == "yes"};
    while (!f.name.empty() && std::isspace(static_cast<unsigned char>(f.name.back()))) f.name.pop_back();
    while (!f.name.empty() && std::isspace(static_cast<unsigned char>(f.name.front()))) f.name.erase(0, 1);
    std::vector<view::FieldError> errors;
    if (f.name.empty()) errors.push_back({"name", std::string(t("organisations.profile.error.name_missing"))});
    for (auto& p : check_new_password(ctx.form.value("password"), ctx.form.value("confirm_password"), inv.email)) {
      errors.push_back({p.field, std::string(t(p.key))});
    }
    auto lang = core::parse_lang(f.lang);
    if (!lang) errors.push_back({"lang", std::string(t("organisations.profile.error.lang_missing"))});
    if (!f.agree) errors.push_back({"agree", std::string(t("organisations.invite.error.agree"))});
    if (!errors.empty()) co_return accept_page(ctx, deps, inv, found->second, f, errors);
    auto op = deps.service->accept_invitation_as_new(token, f.name, std::string(ctx.form.value("password")), *lang);
    result = co_await std::move(op);
    if (result.outcome == AcceptResult::Outcome::ok) {
      ctx.session_for_write().lang = *lang;
      ctx.lang = *lang;
    }
  }
  switch (result.outcome) {
    case AcceptResult::Outcome::ok: {
      ctx.set_flash("organisations.invite.joined", {{"org", result.org_name}});
      const std::string home = "/o/" + result.org_slug;
      if (ctx.principal || !deps.accounts) co_return http::redirect(ctx.request, home);
      // A new account: signed in the one way every sign-in takes (which asks for a second step if there is one).
      auto open = accounts::pages::open_session(ctx, *deps.accounts, {.user_id = result.user_id, .next = home});
      co_return co_await std::move(open);
    }
    case AcceptResult::Outcome::sign_in_first:
      co_return http::redirect(ctx.request, "/sign-in?next=" + view::url_encode("/invitations/" + token));
    case AcceptResult::Outcome::wrong_account: co_return accept_page(ctx, deps, inv, found->second, {}, {});
    case AcceptResult::Outcome::invalid: break;
  }
  co_return expired_invitation(ctx, deps);
}

}  // namespace roundtable::organisations::pages
