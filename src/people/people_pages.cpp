#include "people/people_pages.hpp"

#include <algorithm>
#include <string>

#include "people/pages_common.hpp"
#include "people/people_form.hpp"
#include "view/dates.hpp"
#include "view/forms.hpp"
#include "view/html.hpp"
#include "view/page.hpp"

namespace roundtable::people::pages {

namespace {

using view::Html;

constexpr int kAuditPageSize = 50;

/// A table in a region that scrolls sideways on narrow screens (and can be scrolled with the keyboard).
void open_table(Html& h, std::string_view caption) {
  h.raw("<div class=\"rt-table-scroll\" role=\"region\" aria-label=\"").text(caption).raw("\" tabindex=\"0\">\n");
  h.raw("<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-visually-hidden\">");
  h.text(caption).raw("</caption>\n");
}

Response render_sign_in(RequestContext& ctx, const PagesDeps& deps, const SignInForm& form,
                        const std::vector<view::FieldError>& errors, http::Status status,
                        std::string_view banner = {}) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  if (!banner.empty()) success_banner(h, t, banner);
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("sign_in.title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("sign_in.lead")).raw("</p>\n");
  h.raw("<form method=\"post\" action=\"/sign-in\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  if (!form.next.empty()) h.raw("<input type=\"hidden\" name=\"next\" value=\"").text(form.next).raw("\">\n");
  view::input(h, t,
              {.id = "email",
               .label = std::string(t("sign_in.email")),
               .value = form.email,
               .error = std::string(view::error_for(errors, "email")),
               .type = "email",
               .autocomplete = "email",
               .spellcheck_off = true});
  view::input(h, t,
              {.id = "password",
               .label = std::string(t("sign_in.password")),
               .error = std::string(view::error_for(errors, "password")),
               .type = "password",
               .autocomplete = "current-password"});
  view::button(h, t("sign_in.button"));
  h.raw("</form>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/forgot-password\">").text(t("sign_in.forgot"));
  h.raw("</a></p>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("sign_in.email_title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("sign_in.email_lead")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/sign-in/email");
  if (!form.next.empty()) h.raw("?next=").text(view::url_encode(form.next));
  h.raw("\">").text(t("sign_in.email_link")).raw("</a></p>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("sign_in.no_account_title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("sign_in.no_account")).raw("</p>\n");
  close_column(h);
  return respond(ctx, deps, std::string(t("sign_in.title")), h, status, !errors.empty());
}

Response render_org_form(RequestContext& ctx, const PagesDeps& deps, const OrgForm& form,
                         const std::vector<view::FieldError>& errors, bool creating, std::string_view action,
                         std::string_view heading, bool saved) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  if (saved) success_banner(h, t, t("org.saved"));
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(heading).raw("</h1>\n");
  h.raw("<form method=\"post\" action=\"").text(action).raw("\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  view::input(h, t,
              {.id = "name",
               .label = std::string(t("org.name")),
               .value = form.name,
               .error = std::string(view::error_for(errors, "name")),
               .autocomplete = "organization"});
  if (creating) {
    view::input(h, t,
                {.id = "slug",
                 .label = std::string(t("org.slug")),
                 .hint = std::string(t("org.slug_hint")),
                 .value = form.slug,
                 .error = std::string(view::error_for(errors, "slug")),
                 .input_class = "govuk-input--width-20",
                 .spellcheck_off = true});
  }
  view::ChoiceField langs{.id = "languages",
                          .name = "languages",
                          .legend = std::string(t("org.languages")),
                          .hint = std::string(t("org.languages_hint")),
                          .error = std::string(view::error_for(errors, "languages"))};
  for (auto l : {core::Lang::en, core::Lang::cy}) {
    std::string code(core::lang_code(l));
    bool checked = std::find(form.languages.begin(), form.languages.end(), code) != form.languages.end();
    langs.choices.push_back({code, std::string(lang_name(l)), "", checked});
  }
  view::checkboxes(h, t, langs);
  view::ChoiceField mode{.id = "signup_mode",
                         .name = "signup_mode",
                         .legend = std::string(t("org.signup")),
                         .error = std::string(view::error_for(errors, "signup_mode"))};
  mode.choices.push_back({"invitation", std::string(t("org.signup_invitation")),
                          std::string(t("org.signup_invitation_hint")), form.signup_mode == "invitation"});
  mode.choices.push_back(
      {"open", std::string(t("org.signup_open")), std::string(t("org.signup_open_hint")), form.signup_mode == "open"});
  view::radios(h, t, mode);
  view::button(h, creating ? t("org.create_button") : t("org.save_button"));
  h.raw("</form>\n");
  close_column(h);
  const bool has_errors = !errors.empty();
  return respond(ctx, deps, std::string(heading), h, has_errors ? http::Status::bad_request : http::Status::ok,
                 has_errors);
}

}  // namespace

awaitable<Response> sign_in_form(RequestContext& ctx, const PagesDeps& deps) {
  SignInForm form;
  std::string next(ctx.query_params().value("next"));
  if (http::is_local_path(next)) form.next = next;
  if (ctx.principal) co_return http::redirect(ctx.request, form.next.empty() ? "/account" : form.next);
  std::string signed_out(ctx.query_params().value("signed_out"));
  std::string_view banner;
  if (signed_out == "1") banner = ctx.t()("sign_in.signed_out");
  if (signed_out == "everywhere") banner = ctx.t()("sign_in.signed_out_everywhere");
  co_return render_sign_in(ctx, deps, form, {}, http::Status::ok, banner);
}

awaitable<Response> sign_in(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto form = read_sign_in(ctx.form);
  auto problems = check_sign_in(form);
  if (!problems.empty())
    co_return render_sign_in(ctx, deps, form, field_errors(t, problems), http::Status::bad_request);
  auto op = deps.service->sign_in_with_password(form.email, form.password, ctx.remote_address, form.next);
  auto result = co_await std::move(op);
  switch (result.outcome) {
    case SignInOutcome::ok: break;
    case SignInOutcome::two_step_needed: co_return go_to_two_step(ctx, result.two_step_token);
    case SignInOutcome::wrong:
      co_return render_sign_in(ctx, deps, form, {{"email", std::string(t("sign_in.error.wrong"))}},
                               http::Status::bad_request);
    case SignInOutcome::too_many_for_account:
      co_return render_sign_in(ctx, deps, form, {{"email", std::string(t("sign_in.error.too_many_account"))}},
                               http::Status::too_many_requests);
    case SignInOutcome::too_many_for_address:
      co_return render_sign_in(ctx, deps, form, {{"email", std::string(t("sign_in.error.too_many_address"))}},
                               http::Status::too_many_requests);
  }
  ctx.sign_in(result.user_id);
  // Pages follow the person's preferred language unless they chose one with the switcher in this browser.
  if (!ctx.session->lang) ctx.session->lang = result.lang;
  co_return http::redirect(ctx.request, form.next.empty() ? "/account" : form.next);
}

namespace {

Response forgot_page(RequestContext& ctx, const PagesDeps& deps, const std::string& email,
                     const std::vector<view::FieldError>& errors, bool sent) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  if (sent) {
    h.raw("<h1 class=\"govuk-heading-l\">").text(t("reset.sent_title")).raw("</h1>\n");
    h.raw("<p class=\"govuk-body\">").text(core::format(t("reset.sent_body"), {{"email", email}})).raw("</p>\n");
    h.raw("<p class=\"govuk-body\">").text(t("reset.sent_next")).raw("</p>\n");
    h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/sign-in\">").text(t("reset.back_to_sign_in"));
    h.raw("</a></p>\n");
    close_column(h);
    return respond(ctx, deps, std::string(t("reset.sent_title")), h);
  }
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("reset.title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("reset.lead")).raw("</p>\n");
  h.raw("<form method=\"post\" action=\"/forgot-password\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  view::input(h, t,
              {.id = "email",
               .label = std::string(t("sign_in.email")),
               .value = email,
               .error = std::string(view::error_for(errors, "email")),
               .type = "email",
               .autocomplete = "email",
               .spellcheck_off = true});
  view::button(h, t("reset.send_button"));
  h.raw("</form>\n");
  close_column(h);
  return respond(ctx, deps, std::string(t("reset.title")), h,
                 errors.empty() ? http::Status::ok : http::Status::bad_request, !errors.empty());
}

Response reset_page(RequestContext& ctx, const PagesDeps& deps, const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("reset.new_title")).raw("</h1>\n");
  h.raw("<form method=\"post\" action=\"/reset-password/").text(ctx.param("token")).raw("\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  new_password_fields(h, t, t("reset.new_password"), errors);
  view::button(h, t("reset.save_button"));
  h.raw("</form>\n");
  close_column(h);
  return respond(ctx, deps, std::string(t("reset.new_title")), h,
                 errors.empty() ? http::Status::ok : http::Status::bad_request, !errors.empty());
}

/// A link that is unknown, used or too old: say so, and how to get a new one.
Response expired_link_page(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("reset.expired_title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("reset.expired_body")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/forgot-password\">").text(t("reset.expired_next"));
  h.raw("</a></p>\n");
  close_column(h);
  return respond(ctx, deps, std::string(t("reset.expired_title")), h, http::Status::gone);
}

}  // namespace

awaitable<Response> forgot_password_form(RequestContext& ctx, const PagesDeps& deps) {
  co_return forgot_page(ctx, deps, "", {}, false);
}

awaitable<Response> forgot_password(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  std::string email = normalise_email(ctx.form.value("email"));
  std::vector<view::FieldError> errors;
  if (auto p = check_email(email)) errors = field_errors(t, {*p});
  if (!errors.empty()) co_return forgot_page(ctx, deps, std::string(ctx.form.value("email")), errors, false);
  auto op = deps.service->request_password_reset(email);
  co_await std::move(op);
  co_return forgot_page(ctx, deps, email, {}, true);
}

awaitable<Response> reset_password_form(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->password_reset_user(std::string(ctx.param("token")));
  auto user = co_await std::move(op);
  if (!user) co_return expired_link_page(ctx, deps);
  co_return reset_page(ctx, deps, {});
}

awaitable<Response> reset_password(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const std::string token(ctx.param("token"));
  auto check = deps.service->password_reset_user(token);
  auto user = co_await std::move(check);
  if (!user) co_return expired_link_page(ctx, deps);
  auto load = deps.service->person(*user);
  auto person = co_await std::move(load);
  auto problems = check_new_password(ctx.form.value("password"), ctx.form.value("confirm_password"),
                                     person ? person->user.email : std::string());
  if (!problems.empty()) co_return reset_page(ctx, deps, field_errors(t, problems));
  auto op = deps.service->reset_password(token, std::string(ctx.form.value("password")));
  auto done = co_await std::move(op);
  if (!done) co_return expired_link_page(ctx, deps);
  ctx.sign_in(*done);
  co_return http::redirect(ctx.request, "/account?password_changed=1");
}

awaitable<Response> sign_out(RequestContext& ctx, const PagesDeps& deps) {
  const bool everywhere = ctx.form.value("everywhere") == "yes";
  if (ctx.principal) {
    auto op = deps.service->record_sign_out(ctx.principal->user_id, everywhere);
    co_await std::move(op);
  }
  ctx.sign_out(everywhere);
  co_return http::redirect(ctx.request, everywhere ? "/sign-in?signed_out=everywhere" : "/sign-in?signed_out=1");
}

awaitable<Response> account(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  // The person and their memberships came with the session (ctx.principal); the profile is the page's one read.
  const http::Principal& person = *ctx.principal;
  Html h;
  open_column(h);
  if (ctx.query_params().value("saved") == "1") success_banner(h, t, t("profile.saved"));
  if (ctx.query_params().value("password_changed") == "1") success_banner(h, t, t("reset.changed"));
  if (ctx.query_params().value("photo") == "saved") success_banner(h, t, t("photo.saved"));
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("account.title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(core::format(t("account.signed_in_as"), {{"email", person.email}}));
  h.raw("</p>\n");
  auto op_profile = deps.service->profile(ctx.principal->user_id);
  auto profile = co_await std::move(op_profile);
  profile_cards(h, t, *profile);
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("account.about_me_title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("account.about_me_lead")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/account/about-me\">").text(t("account.about_me_link"));
  h.raw("</a></p>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("account.organisations")).raw("</h2>\n");
  if (person.memberships.empty()) {
    h.raw("<p class=\"govuk-body\">").text(t("account.no_organisations")).raw("</p>\n");
  } else {
    h.raw("<ul class=\"govuk-list\">\n");
    for (auto& m : person.memberships) {
      h.raw("<li><a class=\"govuk-link\" href=\"/o/").text(m.org_slug).raw("\">").text(m.org_name).raw("</a> – ");
      h.text(role_name(t, m.role)).raw("</li>\n");
    }
    h.raw("</ul>\n");
  }
  if (person.platform_admin) {
    h.raw("<h2 class=\"govuk-heading-m\">").text(t("account.platform_title")).raw("</h2>\n");
    h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/admin/organisations\">")
        .text(t("account.manage_organisations"))
        .raw("</a></p>\n");
  }
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("two_step.title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/account/two-step\">").text(t("account.two_step_link"));
  h.raw("</a></p>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("data.title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/account/data\">").text(t("account.data_link"));
  h.raw("</a></p>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("account.sign_out_title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("account.sign_out_everywhere_lead")).raw("</p>\n");
  h.raw("<form method=\"post\" action=\"/sign-out\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  h.raw("<input type=\"hidden\" name=\"everywhere\" value=\"yes\">\n");
  view::button(h, t("account.sign_out_everywhere"), "secondary");
  h.raw("</form>\n");
  close_column(h);
  co_return respond(ctx, deps, std::string(t("account.title")), h);
}

awaitable<Response> organisations(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto op = deps.service->organisations();
  auto orgs = co_await std::move(op);
  std::string created(ctx.query_params().value("created"));
  Html h;
  for (auto& o : orgs) {
    if (!created.empty() && o.slug == created) {
      success_banner(h, t, core::format(t("admin.orgs.created"), {{"name", o.name}}));
    }
  }
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("admin.orgs.title")).raw("</h1>\n");
  h.raw(
       "<a href=\"/admin/organisations/new\" role=\"button\" draggable=\"false\" class=\"govuk-button\" "
       "data-module=\"govuk-button\">")
      .text(t("admin.orgs.add"))
      .raw("</a>\n");
  if (orgs.empty()) {
    h.raw("<p class=\"govuk-body\">").text(t("admin.orgs.none")).raw("</p>\n");
  } else {
    open_table(h, t("admin.orgs.title"));
    h.raw("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
    for (const char* key : {"admin.orgs.col_name", "admin.orgs.col_address", "admin.orgs.col_members",
                            "admin.orgs.col_signup", "admin.orgs.col_created"}) {
      h.raw("<th scope=\"col\" class=\"govuk-table__header\">").text(t(key)).raw("</th>");
    }
    h.raw("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
    for (auto& o : orgs) {
      h.raw("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").text(o.name);
      h.raw("</th><td class=\"govuk-table__cell\">/o/").text(o.slug);
      h.raw("</td><td class=\"govuk-table__cell\">").number(o.member_count);
      h.raw("</td><td class=\"govuk-table__cell\">")
          .text(t(o.signup_mode == SignupMode::open ? "org.signup_open" : "org.signup_invitation"));
      h.raw("</td><td class=\"govuk-table__cell\">").text(view::format_date(t, o.created_at)).raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n</div>\n");
  }
  co_return respond(ctx, deps, std::string(t("admin.orgs.title")), h);
}

awaitable<Response> new_organisation(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  OrgForm form;
  form.languages = {"en", "cy"};
  form.signup_mode = "invitation";
  co_return render_org_form(ctx, deps, form, {}, true, "/admin/organisations", t("admin.orgs.new_title"), false);
}

awaitable<Response> create_organisation(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto form = read_org(ctx.form);
  auto problems = check_org(form, true);
  std::vector<view::FieldError> errors = field_errors(t, problems);
  if (errors.empty()) {
    bool taken = false;
    try {
      auto op = deps.service->create_organisation(ctx.principal->user_id, org_from_form(form));
      co_await std::move(op);
    } catch (const SlugTaken&) {
      taken = true;
    }
    if (!taken) co_return http::redirect(ctx.request, "/admin/organisations?created=" + view::url_encode(form.slug));
    errors.push_back({"slug", std::string(t("org.error.slug_taken"))});
  }
  co_return render_org_form(ctx, deps, form, errors, true, "/admin/organisations", t("admin.orgs.new_title"), false);
}

awaitable<Response> organisation_home(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  Html h;
  open_column(h);
  if (ctx.query_params().value("joined") == "1") {
    success_banner(h, t, core::format(t("invite.joined"), {{"org", m->org_name}}));
  }
  // The logo comes with the signed-in person's memberships, so this page costs no extra query.
  if (!m->org_logo_url.empty()) {
    h.raw("<img class=\"rt-org-logo govuk-!-margin-bottom-4\" src=\"").text(m->org_logo_url).raw("\" alt=\"");
    h.text(core::format(t("logo.alt"), {{"org", m->org_name}})).raw("\">\n");
  }
  h.raw("<span class=\"govuk-caption-l\">").text(t("org.home_caption")).raw("</span>\n");
  h.raw("<h1 class=\"govuk-heading-l\">").text(m->org_name).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">")
      .text(core::format(t("org.your_role"), {{"role", role_name(t, m->role)}}))
      .raw("</p>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/o/").text(m->org_slug).raw("/people\">");
  h.text(t("directory.title")).raw("</a></p>\n");
  if (may(req, policy::Action::invite)) {
    h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/o/").text(m->org_slug).raw("/invitations\">");
    h.text(t("invite.list_title")).raw("</a></p>\n");
  }
  if (may(req, policy::Action::manage_organisation)) {
    h.raw("<h2 class=\"govuk-heading-m\">").text(t("org.admin_title")).raw("</h2>\n<ul class=\"govuk-list\">\n");
    h.raw("<li><a class=\"govuk-link\" href=\"/o/").text(m->org_slug).raw("/settings\">");
    h.text(t("org.settings_title")).raw("</a></li>\n");
    h.raw("<li><a class=\"govuk-link\" href=\"/o/").text(m->org_slug).raw("/logo\">");
    h.text(t("logo.title")).raw("</a></li>\n");
    h.raw("<li><a class=\"govuk-link\" href=\"/o/").text(m->org_slug).raw("/audit\">");
    h.text(t("audit.title")).raw("</a></li>\n</ul>\n");
  }
  close_column(h);
  co_return respond(ctx, deps, m->org_name, h);
}

awaitable<Response> organisation_settings(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  auto op = deps.service->organisation(std::string(ctx.param("org")));
  auto org = co_await std::move(op);
  if (!org) throw std::runtime_error("organisation vanished between policy and page");
  std::string action = "/o/" + org->slug + "/settings";
  const bool saved = ctx.query_params().value("saved") == "1";
  co_return render_org_form(ctx, deps, org_form_from(*org), {}, false, action, t("org.settings_title"), saved);
}

awaitable<Response> save_organisation_settings(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  auto form = read_org(ctx.form);
  form.slug = m->org_slug;
  auto problems = check_org(form, false);
  std::string action = "/o/" + m->org_slug + "/settings";
  if (!problems.empty()) {
    co_return render_org_form(ctx, deps, form, field_errors(t, problems), false, action, t("org.settings_title"),
                              false);
  }
  auto org = org_from_form(form);
  org.id = m->org_id;
  auto op = deps.service->update_organisation(ctx.principal->user_id, org);
  co_await std::move(op);
  co_return http::redirect(ctx.request, action + "?saved=1");
}

awaitable<Response> audit_log(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  long long before = 0;
  try {
    before = std::stoll(std::string(ctx.query_params().value("before")));
  } catch (const std::exception&) {
    before = 0;
  }
  auto op = deps.service->audit_log(m->org_id, before, kAuditPageSize + 1);
  auto entries = co_await std::move(op);
  const bool more = entries.size() > static_cast<size_t>(kAuditPageSize);
  if (more) entries.resize(kAuditPageSize);
  Html h;
  h.raw("<span class=\"govuk-caption-l\">").text(m->org_name).raw("</span>\n");
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("audit.title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("audit.lead")).raw("</p>\n");
  if (entries.empty()) {
    h.raw("<p class=\"govuk-body\">").text(t("audit.none")).raw("</p>\n");
  } else {
    open_table(h, t("audit.title"));
    h.raw("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
    for (const char* key : {"audit.col_when", "audit.col_who", "audit.col_what", "audit.col_about"}) {
      h.raw("<th scope=\"col\" class=\"govuk-table__header\">").text(t(key)).raw("</th>");
    }
    h.raw("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
    auto person = [&](const std::optional<long long>& id, const std::string& name) -> std::string {
      if (!id) return std::string(t("audit.nobody"));
      return name.empty() ? std::string(t("audit.former_member")) : name;
    };
    for (auto& e : entries) {
      h.raw("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">")
          .text(view::format_datetime(t, e.created_at));
      h.raw("</td><td class=\"govuk-table__cell\">").text(person(e.actor_user_id, e.actor_name));
      h.raw("</td><td class=\"govuk-table__cell\">").text(t("audit.action." + e.action));
      if (!e.detail.empty() && parse_role(e.detail)) {
        h.raw(" (").text(role_name(t, *parse_role(e.detail))).raw(")");
      } else if (e.detail == "email_link" || e.detail == "email_code" || e.detail == "two_step" ||
                 e.detail == "recovery_code") {
        h.raw(" (").text(t("audit.detail." + e.detail)).raw(")");
      }
      h.raw("</td><td class=\"govuk-table__cell\">");
      if (e.subject_user_id) h.text(person(e.subject_user_id, e.subject_name));
      h.raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n</div>\n");
    if (more) {
      h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/o/").text(m->org_slug).raw("/audit?before=");
      h.number(entries.back().id).raw("\">").text(t("audit.older")).raw("</a></p>\n");
    }
  }
  co_return respond(ctx, deps, std::string(t("audit.title")), h);
}

}  // namespace roundtable::people::pages
