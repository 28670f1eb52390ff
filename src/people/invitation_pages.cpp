#include <algorithm>
#include <string>

#include "people/pages_common.hpp"
#include "people/people_form.hpp"
#include "people/people_pages.hpp"
#include "view/dates.hpp"
#include "view/forms.hpp"
#include "view/html.hpp"
#include "view/page.hpp"

namespace roundtable::people::pages {

namespace {

using view::Html;

constexpr size_t kMaxMessageLength = 1000;

/// Organisation admins may invite anyone; facilitators only members (people_policy: invite_any_role).
std::vector<Role> roles_for(const http::OrgRequest& req) {
  if (may(req, policy::Action::invite_any_role)) return {std::begin(kAllRoles), std::end(kAllRoles)};
  return {Role::member};
}

std::optional<long long> id_param(const RequestContext& ctx) {
  std::string id(ctx.param("id"));
  if (id.empty() || id.size() > 18 || !std::all_of(id.begin(), id.end(), ::isdigit)) return std::nullopt;
  return std::stoll(id);
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
  InviteForm form{std::string(f.value("email")),   std::string(f.value("name")), std::string(f.value("role")), {},
                  std::string(f.value("message")), std::string(f.value("lang"))};
  for (auto t : f.all("member_types")) form.member_types.emplace_back(t);
  auto trim = [](std::string& s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    s.erase(0, i);
  };
  trim(form.email);
  trim(form.name);
  trim(form.message);
  return form;
}

Response invite_page(http::OrgRequest& req, const PagesDeps& deps, const InviteForm& f,
                     const std::vector<view::FieldError>& errors) {
  RequestContext& ctx = req.ctx;
  const http::Membership& m = req.membership;
  auto t = ctx.t();
  Html h;
  h.raw("<a href=\"/o/").text(m.org_slug).raw("/invitations\" class=\"govuk-back-link\">");
  h.text(t("invite.back")).raw("</a>\n");
  h.raw("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
  view::error_summary(h, t, errors);
  h.raw("<span class=\"govuk-caption-l\">").text(m.org_name).raw("</span>\n");
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("invite.new_title")).raw("</h1>\n");
  h.raw("<form method=\"post\" action=\"/o/").text(m.org_slug).raw("/invitations\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  view::input(h, t,
              {.id = "email",
               .label = std::string(t("invite.email")),
               .value = f.email,
               .error = std::string(view::error_for(errors, "email")),
               .type = "email",
               .spellcheck_off = true});
  view::input(h, t,
              {.id = "name",
               .label = std::string(t("invite.name")),
               .hint = std::string(t("invite.name_hint")),
               .value = f.name,
               .error = std::string(view::error_for(errors, "name"))});
  view::ChoiceField roles{.id = "role",
                          .name = "role",
                          .legend = std::string(t("invite.role")),
                          .error = std::string(view::error_for(errors, "role"))};
  for (auto r : roles_for(req)) {
    std::string code(role_code(r));
    roles.choices.push_back({code, role_name(t, r), std::string(t("role_hint." + code)), f.role == code});
  }
  view::radios(h, t, roles);
  view::ChoiceField types{.id = "member_types",
                          .name = "member_types",
                          .legend = std::string(t("invite.member_types")),
                          .hint = std::string(t("invite.member_types_hint"))};
  for (auto type : kAllMemberTypes) {
    std::string code(member_type_code(type));
    types.choices.push_back({code, std::string(t("member_type." + code)), "",
                             std::find(f.member_types.begin(), f.member_types.end(), code) != f.member_types.end()});
  }
  view::checkboxes(h, t, types);
  view::textarea(h, t,
                 {.id = "message",
                  .label = std::string(t("invite.message")),
                  .hint = std::string(t("invite.message_hint")),
                  .value = f.message,
                  .error = std::string(view::error_for(errors, "message"))});
  view::radios(h, t,
               language_field(std::string(t("invite.lang")), "", std::string(view::error_for(errors, "lang")), f.lang));
  view::button(h, t("invite.send"));
  h.raw("</form>\n</div></div>\n");
  const bool has_errors = !errors.empty();
  return respond(ctx, deps, std::string(t("invite.new_title")), h,
                 has_errors ? http::Status::bad_request : http::Status::ok, has_errors);
}

Response expired_invitation(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  Html h;
  h.raw("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("invite.expired_title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("invite.expired_body")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\">").text(t("invite.expired_next")).raw("</p>\n</div></div>\n");
  return respond(ctx, deps, std::string(t("invite.expired_title")), h, http::Status::gone);
}

struct JoinForm {
  std::string name;
  std::string lang;
  bool agree = false;
};

Response accept_page(RequestContext& ctx, const PagesDeps& deps, const Invitation& inv, bool has_account,
                     const JoinForm& f, const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  const std::string token(ctx.param("token"));
  Html h;
  h.raw("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(core::format(t("invite.accept_title"), {{"org", inv.org_name}}));
  h.raw("</h1>\n<p class=\"govuk-body\">");
  const std::string inviter = inv.invited_by_name.empty() ? std::string(t("invite.mail.someone")) : inv.invited_by_name;
  if (inv.self_requested) {
    h.text(core::format(t("join.accept_lead"), {{"org", inv.org_name}}));
  } else {
    h.text(core::format(t("invite.accept_lead"),
                        {{"inviter", inviter}, {"org", inv.org_name}, {"role", role_name(t, inv.role)}}));
  }
  h.raw("</p>\n");
  if (!inv.message.empty()) {
    h.raw("<div class=\"govuk-inset-text\"><p class=\"govuk-body govuk-!-font-weight-bold\">");
    h.text(core::format(t("invite.mail.message_intro"), {{"inviter", inviter}})).raw("</p>\n");
    h.raw("<p class=\"govuk-body rt-pre-line\">").text(inv.message).raw("</p></div>\n");
  }
  const std::string action = "/invitations/" + token;
  if (ctx.principal) {
    if (ctx.principal->email != inv.email) {
      h.raw("<p class=\"govuk-body\">")
          .text(core::format(t("invite.wrong_account"), {{"you", ctx.principal->email}, {"invited", inv.email}}));
      h.raw("</p>\n</div></div>\n");
      return respond(ctx, deps, std::string(t("invite.accept_heading")), h, http::Status::forbidden);
    }
    h.raw("<form method=\"post\" action=\"").text(action).raw("\" novalidate>\n");
    view::csrf_field(h, ctx.csrf_token);
    view::button(h, core::format(t("invite.join_button"), {{"org", inv.org_name}}));
    h.raw("</form>\n</div></div>\n");
    return respond(ctx, deps, std::string(t("invite.accept_heading")), h);
  }
  if (has_account) {
    h.raw("<p class=\"govuk-body\">").text(core::format(t("invite.has_account"), {{"email", inv.email}})).raw("</p>\n");
    h.raw("<a href=\"/sign-in?next=").text(view::url_encode(action)).raw("\" role=\"button\" draggable=\"false\" ");
    h.raw("class=\"govuk-button\" data-module=\"govuk-button\">").text(t("invite.sign_in_to_accept")).raw("</a>\n");
    h.raw("</div></div>\n");
    return respond(ctx, deps, std::string(t("invite.accept_heading")), h);
  }
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("invite.create_title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(core::format(t("invite.create_lead"), {{"email", inv.email}})).raw("</p>\n");
  h.raw("<form method=\"post\" action=\"").text(action).raw("\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  view::input(h, t,
              {.id = "name",
               .label = std::string(t("profile.name")),
               .hint = std::string(t("profile.name_hint")),
               .value = f.name,
               .error = std::string(view::error_for(errors, "name")),
               .autocomplete = "name"});
  new_password_fields(h, t, t("invite.password"), errors);
  view::radios(h, t,
               language_field(std::string(t("profile.lang")), std::string(t("profile.lang_hint")),
                              std::string(view::error_for(errors, "lang")), f.lang));
  h.raw("<div class=\"govuk-inset-text\">").text(t("consent.store_data.v1")).raw("</div>\n");
  view::checkboxes(h, t,
                   {.id = "agree",
                    .name = "agree",
                    .legend = std::string(t("consent.store_data.title")),
                    .error = std::string(view::error_for(errors, "agree")),
                    .choices = {{"yes", std::string(t("invite.agree")), "", f.agree}},
                    .small = true});
  view::button(h, core::format(t("invite.create_button"), {{"org", inv.org_name}}));
  h.raw("</form>\n</div></div>\n");
  const bool has_errors = !errors.empty();
  return respond(ctx, deps, std::string(t("invite.accept_heading")), h,
                 has_errors ? http::Status::bad_request : http::Status::ok, has_errors);
}

}  // namespace

awaitable<Response> invitations(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  auto op = deps.service->invitations(m->org_id);
  auto list = co_await std::move(op);
  auto q = ctx.query_params();
  Html h;
  if (auto sent = q.value("sent"); !sent.empty())
    success_banner(h, t, core::format(t("invite.sent"), {{"email", sent}}));
  if (q.value("resent") == "1") success_banner(h, t, t("invite.resent"));
  if (q.value("revoked") == "1") success_banner(h, t, t("invite.revoked"));
  h.raw("<span class=\"govuk-caption-l\">").text(m->org_name).raw("</span>\n");
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("invite.list_title")).raw("</h1>\n");
  h.raw("<a href=\"/o/").text(m->org_slug).raw("/invitations/new\" role=\"button\" draggable=\"false\" ");
  h.raw("class=\"govuk-button\" data-module=\"govuk-button\">").text(t("invite.new_title")).raw("</a>\n");
  if (list.empty()) {
    h.raw("<p class=\"govuk-body\">").text(t("invite.none")).raw("</p>\n");
  } else {
    h.raw("<ul class=\"govuk-list rt-directory\">\n");
    for (auto& inv : list) {
      h.raw("<li class=\"rt-directory__person\">\n<h2 class=\"govuk-heading-s govuk-!-margin-bottom-1\">");
      h.text(inv.name.empty() ? inv.email : inv.name + " (" + inv.email + ")").raw("</h2>\n");
      h.raw("<p class=\"govuk-body govuk-!-margin-bottom-2\">").text(role_name(t, inv.role)).raw(" – ");
      if (inv.self_requested) h.text(t("join.asked_themselves")).raw(", ");
      h.text(core::format(t("invite.sent_on"), {{"date", view::format_date(t, inv.sent_at)}})).raw(" ");
      h.text(core::format(t("invite.expires_on"), {{"date", view::format_date(t, inv.expires_at)}})).raw("</p>\n");
      h.raw("<div class=\"govuk-button-group\">\n");
      for (const char* what : {"resend", "revoke"}) {
        h.raw("<form method=\"post\" action=\"/o/").text(m->org_slug).raw("/invitations/").number(inv.id);
        h.raw("/").text(what).raw("\" novalidate>\n");
        view::csrf_field(h, ctx.csrf_token);
        h.raw("<button type=\"submit\" class=\"govuk-button govuk-button--")
            .raw_if(std::string_view(what) == "resend", "secondary", "warning")
            .raw("\" data-module=\"govuk-button\">");
        h.text(t(std::string("invite.") + what)).raw("<span class=\"govuk-visually-hidden\"> ").text(inv.email);
        h.raw("</span></button>\n</form>\n");
      }
      h.raw("</div>\n</li>\n");
    }
    h.raw("</ul>\n");
  }
  co_return respond(ctx, deps, std::string(t("invite.list_title")), h);
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
    errors.push_back({"email", std::string(t("invite.error.email_missing"))});
  } else if (!is_plausible_email(email)) {
    errors.push_back({"email", std::string(t("sign_in.error.email_format"))});
  }
  if (f.name.size() > kMaxNameLength * 4) errors.push_back({"name", std::string(t("profile.error.name_too_long"))});
  auto role = parse_role(f.role);
  auto allowed = roles_for(req);
  if (!role || std::find(allowed.begin(), allowed.end(), *role) == allowed.end()) {
    errors.push_back({"role", std::string(t("invite.error.role_missing"))});
  }
  if (f.message.size() > kMaxMessageLength * 4) {
    errors.push_back({"message", std::string(t("invite.error.message_too_long"))});
  }
  auto lang = core::parse_lang(f.lang);
  if (!lang) errors.push_back({"lang", std::string(t("invite.error.lang_missing"))});
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
      co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/invitations?sent=" + view::url_encode(email));
    }
    errors.push_back(
        {"email", core::format(t(outcome == InviteOutcome::already_member ? "invite.error.already_member"
                                                                          : "invite.error.already_invited"),
                               {{"email", email}})});
  }
  co_return invite_page(req, deps, f, errors);
}

awaitable<Response> change_invitation(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  const http::Membership* m = &req.membership;
  auto id = id_param(ctx);
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
  co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/invitations?" + (resend ? "resent=1" : "revoked=1"));
}

awaitable<Response> invitation(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->invitation(std::string(ctx.param("token")));
  auto found = co_await std::move(op);
  if (!found) co_return expired_invitation(ctx, deps);
  JoinForm f;
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
    JoinForm f{std::string(ctx.form.value("name")), std::string(ctx.form.value("lang")),
               ctx.form.value("agree") == "yes"};
    while (!f.name.empty() && std::isspace(static_cast<unsigned char>(f.name.back()))) f.name.pop_back();
    while (!f.name.empty() && std::isspace(static_cast<unsigned char>(f.name.front()))) f.name.erase(0, 1);
    std::vector<view::FieldError> errors;
    if (f.name.empty()) errors.push_back({"name", std::string(t("profile.error.name_missing"))});
    for (auto& p : check_new_password(ctx.form.value("password"), ctx.form.value("confirm_password"), inv.email)) {
      errors.push_back({p.field, std::string(t(p.key))});
    }
    auto lang = core::parse_lang(f.lang);
    if (!lang) errors.push_back({"lang", std::string(t("profile.error.lang_missing"))});
    if (!f.agree) errors.push_back({"agree", std::string(t("invite.error.agree"))});
    if (!errors.empty()) co_return accept_page(ctx, deps, inv, found->second, f, errors);
    auto op = deps.service->accept_invitation_as_new(token, f.name, std::string(ctx.form.value("password")), *lang);
    result = co_await std::move(op);
    if (result.outcome == AcceptResult::Outcome::ok) {
      ctx.session_for_write().lang = *lang;
      ctx.lang = *lang;
    }
  }
  switch (result.outcome) {
    case AcceptResult::Outcome::ok:
      if (!ctx.principal) ctx.sign_in(result.user_id);
      co_return http::redirect(ctx.request, "/o/" + result.org_slug + "?joined=1");
    case AcceptResult::Outcome::sign_in_first:
      co_return http::redirect(ctx.request, "/sign-in?next=" + view::url_encode("/invitations/" + token));
    case AcceptResult::Outcome::wrong_account: co_return accept_page(ctx, deps, inv, found->second, {}, {});
    case AcceptResult::Outcome::invalid: break;
  }
  co_return expired_invitation(ctx, deps);
}

}  // namespace roundtable::people::pages
