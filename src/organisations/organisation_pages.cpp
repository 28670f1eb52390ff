/// An organisation's pages: the platform admin's list of organisations and the form to add one, an organisation's
/// home page, its settings and its audit log.
#include "organisations/organisation_pages.hpp"

#include <array>
#include <string>

#include "accounts/pages_common.hpp"
#include "http/form.hpp"
#include "organisations/organisation_form.hpp"
#include "view/dates.hpp"
#include "view/html.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::organisations::pages {

namespace {

/// The message keys prefix + code for every value, made once (these words are looked up on every line of a list:
/// the directory, a group's people), rather than a key string made and freed for each look-up.
template <class E, std::size_t N>
std::array<std::string, N> keys_for(std::string_view prefix, const E (&all)[N], std::string_view (*code)(E)) {
  std::array<std::string, N> keys;
  for (E e : all) keys[static_cast<std::size_t>(e)] = std::string(prefix) + std::string(code(e));
  return keys;
}

}  // namespace

std::string role_name(const core::Translator& t, Role r) {
  static const auto keys = keys_for("organisations.role.", kAllRoles, role_code);
  return std::string(t(keys[static_cast<std::size_t>(r)]));
}

std::string role_hint(const core::Translator& t, Role r) {
  static const auto keys = keys_for("organisations.role_hint.", kAllRoles, role_code);
  return std::string(t(keys[static_cast<std::size_t>(r)]));
}

std::string member_type_name(const core::Translator& t, MemberType type) {
  static const auto keys = keys_for("organisations.member_type.", kAllMemberTypes, member_type_code);
  return std::string(t(keys[static_cast<std::size_t>(type)]));
}

namespace {

using view::Html;
namespace govuk = view::govuk;

constexpr int kAuditPageSize = 50;

Response render_org_form(RequestContext& ctx, const PagesDeps& deps, const OrgForm& form,
                         const std::vector<view::FieldError>& errors, bool creating, std::string_view action,
                         std::string_view heading) {
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, std::string(heading));
  page.errors(t, errors);
  Html& h = page.body();
  govuk::form_start(h, {.action = std::string(action), .csrf_token = ctx.csrf_token});
  govuk::input(h, {.id = "name",
                   .name = "name",
                   .value = form.name,
                   .label = small_label(std::string(t("organisations.org.name"))),
                   .error_message = field_error_message(t, errors, "name"),
                   .autocomplete = "organization"});
  if (creating) {
    govuk::input(h, {.id = "slug",
                     .name = "slug",
                     .value = form.slug,
                     .label = small_label(std::string(t("organisations.org.slug"))),
                     .hint = {.text = std::string(t("organisations.org.slug_hint"))},
                     .error_message = field_error_message(t, errors, "slug"),
                     .classes = "govuk-input--width-20",
                     .spellcheck = false});
  }
  govuk::Checkboxes langs{.name = "languages",
                          .values = form.languages,
                          .fieldset = small_legend(std::string(t("organisations.org.languages"))),
                          .hint = {.text = std::string(t("organisations.org.languages_hint"))},
                          .error_message = field_error_message(t, errors, "languages")};
  for (auto l : {core::Lang::en, core::Lang::cy}) {
    langs.items.push_back({.text = std::string(lang_name(l)), .value = std::string(core::lang_code(l))});
  }
  govuk::checkboxes(h, langs);
  govuk::radios(h, {.name = "signup_mode",
                    .items = {{.text = std::string(t("organisations.org.signup_invitation")),
                               .value = "invitation",
                               .hint = {.text = std::string(t("organisations.org.signup_invitation_hint"))}},
                              {.text = std::string(t("organisations.org.signup_open")),
                               .value = "open",
                               .hint = {.text = std::string(t("organisations.org.signup_open_hint"))}}},
                    .value = form.signup_mode,
                    .fieldset = small_legend(std::string(t("organisations.org.signup"))),
                    .error_message = field_error_message(t, errors, "signup_mode")});
  submit_button(h, creating ? t("organisations.org.create_button") : t("organisations.org.save_button"));
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<Response> organisations(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto op = deps.service->organisations();
  auto orgs = co_await std::move(op);
  auto page = page_builder(ctx, deps, std::string(t("organisations.admin.orgs.title")));
  page.full_width();
  Html& h = page.body();
  govuk::button(h, {.text = std::string(t("organisations.admin.orgs.add")), .href = "/admin/organisations/new"});
  if (orgs.empty()) {
    govuk::paragraph(h, t("organisations.admin.orgs.none"));
  } else {
    view::scroll_region_start(h, t, t("organisations.admin.orgs.title"));
    govuk::TableWriter table(h, {.head = {{.text = std::string(t("organisations.admin.orgs.col_name"))},
                                          {.text = std::string(t("organisations.admin.orgs.col_address"))},
                                          {.text = std::string(t("organisations.admin.orgs.col_members"))},
                                          {.text = std::string(t("organisations.admin.orgs.col_signup"))},
                                          {.text = std::string(t("organisations.admin.orgs.col_created"))}},
                                 .caption = std::string(t("organisations.admin.orgs.title")),
                                 .caption_classes = "govuk-visually-hidden",
                                 .first_cell_is_header = true});
    for (auto& o : orgs) {
      table.begin_row();
      table.cell(o.name);
      table.cell("/o/" + o.slug);
      table.cell(std::to_string(o.member_count));
      table.cell(t(o.signup_mode == SignupMode::open ? "organisations.org.signup_open"
                                                     : "organisations.org.signup_invitation"));
      table.cell(view::format_date(t, o.created_at));
      table.end_row();
    }
    table.end();
    view::scroll_region_end(h);
  }
  co_return page.respond();
}

awaitable<Response> new_organisation(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  OrgForm form;
  form.languages = {"en", "cy"};
  form.signup_mode = "invitation";
  co_return render_org_form(ctx, deps, form, {}, true, "/admin/organisations", t("organisations.admin.orgs.new_title"));
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
    if (!taken) {
      ctx.set_flash("organisations.admin.orgs.created", {{"name", form.name}});
      co_return http::redirect(ctx.request, "/admin/organisations");
    }
    errors.push_back({"slug", std::string(t("organisations.org.error.slug_taken"))});
  }
  co_return render_org_form(ctx, deps, form, errors, true, "/admin/organisations",
                            t("organisations.admin.orgs.new_title"));
}

awaitable<Response> organisation_home(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  auto page = page_builder(ctx, deps, m->org_name);
  // The logo comes between the banner and the heading, so the page writes its own heading.
  page.no_heading();
  Html& h = page.body();
  // The logo comes with the signed-in person's memberships, so this page costs no extra query.
  if (!m->org_logo_url.empty()) {
    h.raw("<img class=\"rt-org-logo govuk-!-margin-bottom-4\" src=\"").text(m->org_logo_url).raw("\" alt=\"");
    h.text(core::format(t("organisations.logo.alt"), {{"org", m->org_name}})).raw("\">\n");
  }
  caption(h, t("organisations.org.home_caption"));
  govuk::heading(h, 1, "l", m->org_name);
  govuk::paragraph(h, core::format(t("organisations.org.your_role"), {{"role", role_name(t, m->role)}}));
  const std::string base = "/o/" + m->org_slug;
  for (const auto& link : deps.member_links) {
    govuk::heading(h, 2, "m", t(link.title_key));
    govuk::paragraph(h, t(link.lead_key));
    govuk::link_paragraph(h, base + link.path, t(link.link_key));
  }
  govuk::heading(h, 2, "m", t("organisations.directory.title"));
  govuk::paragraph(h, t("organisations.org.people_lead"));
  govuk::link_paragraph(h, base + "/people", t("organisations.org.people_link"));
  if (may(req, policy::Action::invite))
    govuk::link_paragraph(h, base + "/invitations", t("organisations.invite.list_title"));
  if (may(req, policy::Action::manage_organisation)) {
    govuk::heading(h, 2, "m", t("organisations.org.admin_title"));
    govuk::List admin;
    for (auto [path, key] :
         {std::pair{"/settings", "organisations.org.settings_title"}, std::pair{"/logo", "organisations.logo.title"},
          std::pair{"/audit", "organisations.audit.title"}}) {
      Html item;
      govuk::link(item, base + path, t(key));
      admin.items.emplace_back(std::move(item));
    }
    for (const auto& link : deps.admin_links) {
      Html item;
      govuk::link(item, base + link.path, t(link.title_key));
      admin.items.emplace_back(std::move(item));
    }
    govuk::list(h, admin);
  }
  co_return page.respond();
}

awaitable<Response> organisation_settings(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  auto op = deps.service->organisation(std::string(ctx.param("org")));
  auto org = co_await std::move(op);
  if (!org) throw std::runtime_error("organisation vanished between policy and page");
  std::string action = "/o/" + org->slug + "/settings";
  co_return render_org_form(ctx, deps, org_form_from(*org), {}, false, action, t("organisations.org.settings_title"));
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
    co_return render_org_form(ctx, deps, form, field_errors(t, problems), false, action,
                              t("organisations.org.settings_title"));
  }
  auto org = org_from_form(form);
  org.id = m->org_id;
  auto op = deps.service->update_organisation(ctx.principal->user_id, org);
  co_await std::move(op);
  ctx.set_flash("organisations.org.saved");
  co_return http::redirect(ctx.request, action);
}

awaitable<Response> audit_log(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  const long long before = http::parse_id(ctx.query_params().value("before")).value_or(0);
  auto op = deps.service->audit_log(m->org_id, before, kAuditPageSize + 1);
  auto entries = co_await std::move(op);
  const bool more = entries.size() > static_cast<size_t>(kAuditPageSize);
  if (more) entries.resize(kAuditPageSize);
  auto page = page_builder(ctx, deps, std::string(t("organisations.audit.title")));
  page.caption(m->org_name).full_width();
  Html& h = page.body();
  govuk::paragraph(h, t("organisations.audit.lead"));
  if (entries.empty()) {
    govuk::paragraph(h, t("organisations.audit.none"));
  } else {
    view::scroll_region_start(h, t, t("organisations.audit.title"));
    govuk::TableWriter table(h, {.head = {{.text = std::string(t("organisations.audit.col_when"))},
                                          {.text = std::string(t("organisations.audit.col_who"))},
                                          {.text = std::string(t("organisations.audit.col_what"))},
                                          {.text = std::string(t("organisations.audit.col_about"))}},
                                 .caption = std::string(t("organisations.audit.title")),
                                 .caption_classes = "govuk-visually-hidden"});
    auto person = [&](const std::optional<long long>& id, const std::string& name) -> std::string {
      if (!id) return std::string(t("organisations.audit.nobody"));
      return name.empty() ? std::string(t("organisations.audit.former_member")) : name;
    };
    for (auto& e : entries) {
      table.begin_row();
      table.cell(view::format_datetime(t, e.created_at));
      table.cell(person(e.actor_user_id, e.actor_name));
      std::string what(t("audit.action." + e.action));
      if (!e.detail.empty() && parse_role(e.detail)) {
        what += " (" + role_name(t, *parse_role(e.detail)) + ")";
      } else if (e.detail == "email_link" || e.detail == "email_code" || e.detail == "two_step" ||
                 e.detail == "recovery_code") {
        what += " (" + std::string(t("audit.detail." + e.detail)) + ")";
      }
      table.cell(what);
      table.cell(e.subject_user_id ? person(e.subject_user_id, e.subject_name) : std::string());
      table.end_row();
    }
    table.end();
    view::scroll_region_end(h);
    if (more) {
      govuk::link_paragraph(h, "/o/" + m->org_slug + "/audit?before=" + std::to_string(entries.back().id),
                            t("organisations.audit.older"));
    }
  }
  co_return page.respond();
}

}  // namespace roundtable::organisations::pages
