/// A member's page in an organisation (their profile as far as the viewer may see it, and for an organisation admin
/// their role and membership) and removing them from the organisation.
#include <algorithm>
#include <string>

#include "profiles/profile_cards.hpp"
#include "profiles/profile_pages.hpp"
#include "view/html.hpp"

namespace roundtable::profiles::pages {

namespace {

using view::Html;
namespace govuk = view::govuk;

/// The person the {id} path parameter names, as the viewer may see them; nullopt for anything else.
awaitable<std::optional<MemberView>> member_from_path(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  const http::Membership* m = &req.membership;
  const auto id = ctx.id_param();
  if (!id) co_return std::nullopt;
  const bool staff = may(req, policy::Action::see_shared_needs);
  auto op = deps.service->member_profile(ctx.principal->user_id, m->org_id, *id, staff);
  co_return co_await std::move(op);
}

/// Inset text holding its words in a paragraph, like every other sentence on the page (the component's text on its
/// own sits straight in a div, with no paragraph's meaning or spacing).
void inset_paragraph(Html& h, const std::string& text) {
  Html shown;
  govuk::paragraph(shown, text);
  govuk::inset_text(h, {.html = std::move(shown)});
}

/// The role and member types form an organisation admin sees on a member's page.
void role_form(Html& h, const RequestContext& ctx, const core::Translator& t, const http::Membership& m,
               const MemberView& view, const std::vector<view::FieldError>& errors, const http::FormData* typed) {
  const std::string base = "/o/" + m.org_slug + "/people/" + std::to_string(view.profile.user_id);
  govuk::heading(h, 2, "m", t("profiles.members.manage_title"), "membership");
  govuk::form_start(h, {.action = base + "/role", .csrf_token = ctx.csrf_token});
  govuk::Radios roles{.name = "role",
                      .value = typed ? std::string(typed->value("role")) : std::string(role_code(view.membership.role)),
                      .fieldset = small_legend(std::string(t("profiles.invite.role"))),
                      .error_message = field_error_message(t, errors, "role"),
                      .classes = "govuk-radios--small"};
  for (auto r : kAllRoles) {
    std::string code(role_code(r));
    roles.items.push_back({.text = role_name(t, r), .value = code, .hint = {.text = role_hint(t, r)}});
  }
  govuk::radios(h, roles);
  govuk::Checkboxes types{.name = "member_types",
                          .fieldset = small_legend(std::string(t("profiles.members.member_types"))),
                          .classes = "govuk-checkboxes--small"};
  if (typed) {
    for (auto v : typed->all("member_types")) types.values.emplace_back(v);
  } else {
    for (auto type : view.membership.member_types) types.values.emplace_back(member_type_code(type));
  }
  for (auto type : kAllMemberTypes) {
    std::string code(member_type_code(type));
    types.items.push_back({.text = member_type_name(t, type), .value = code});
  }
  govuk::checkboxes(h, types);
  submit_button(h, t("profiles.members.save"), "govuk-button--secondary");
  govuk::form_end(h);
  govuk::link_paragraph(h, base + "/remove",
                        core::format(t("profiles.members.remove_link"), {{"name", view.profile.name}}));
}

Response render_member(http::OrgRequest& req, const PagesDeps& deps, const MemberView& view,
                       const std::vector<view::FieldError>& errors = {}, const http::FormData* typed = nullptr) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  const auto& p = view.profile;
  auto page = page_builder(ctx, deps, p.name);
  // The photo comes between the caption and the heading, and the heading holds the pronouns: the page writes them.
  page.full_width().no_heading();
  page.errors(t, errors);
  Html& h = page.body();
  caption(h, m->org_name);
  if (!p.photo_url.empty()) {
    h.raw("<img class=\"rt-profile-photo govuk-!-margin-bottom-2\" src=\"").text(p.photo_url).raw("\" alt=\"");
    h.text(core::format(t("profiles.photo.of_alt"), {{"name", p.name}})).raw("\">\n");
  }
  Html name;
  name.text(p.name);
  if (!p.pronouns.empty()) name.raw(" <span class=\"rt-pronouns\">(").text(p.pronouns).raw(")</span>");
  govuk::heading(h, 1, "l", std::move(name));
  std::string role = role_name(t, view.membership.role);
  if (!view.membership.member_types.empty()) role += " – " + member_types_text(t, view.membership.member_types);
  govuk::paragraph(h, role);
  bring_card(h, t, p, "", false);
  if (view.about_me_visible) {
    govuk::link_paragraph(h, "/o/" + m->org_slug + "/people/" + std::to_string(p.user_id) + "/about-me",
                          core::format(t("profiles.members.about_me_link"), {{"name", p.name}}));
  }
  if (view.needs_visible) {
    needs_card(h, t, p, "", false);
  } else if (view.needs_withheld) {
    inset_paragraph(h, core::format(t("profiles.profile.needs_withheld"), {{"name", p.name}}));
  }
  if (view.contact_visible) contact_card(h, t, p, "", false);
  if (view.contact_withdrawn && (view.needs_withheld || view.needs_visible)) {
    inset_paragraph(h, core::format(t("profiles.consent.no_contact_note"), {{"name", p.name}}));
  }
  if (may(req, policy::Action::manage_members)) role_form(h, ctx, t, *m, view, errors, typed);
  return page.respond();
}

Response remove_page(http::OrgRequest& req, const PagesDeps& deps, const MemberView& view,
                     const std::vector<view::FieldError>& errors) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  const std::string base = "/o/" + m->org_slug + "/people/" + std::to_string(view.profile.user_id);
  auto page = page_builder(
      ctx, deps, core::format(t("profiles.members.remove_title"), {{"name", view.profile.name}, {"org", m->org_name}}));
  page.back_link(base, std::string(t("profiles.profile.back"))).errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, core::format(t("profiles.members.remove_body"), {{"name", view.profile.name}}));
  govuk::form_start(h, {.action = base + "/remove", .csrf_token = ctx.csrf_token});
  // A button and a link side by side: govuk-frontend's button group has no macro.
  govuk::button_group_start(h);
  submit_button(h, t("profiles.members.remove_button"), "govuk-button--warning");
  govuk::link(h, base, t("profiles.members.cancel"));
  govuk::button_group_end(h);
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<Response> member_page(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto view = co_await member_from_path(req, deps);
  if (!view) co_return deps.not_found(ctx);
  if (deps.about_me_visible) {
    auto op = deps.about_me_visible(ctx.principal->user_id, view->profile.user_id);
    view->about_me_visible = co_await std::move(op);
  }
  co_return render_member(req, deps, *view);
}

awaitable<Response> change_member_role(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  auto view = co_await member_from_path(req, deps);
  if (!view) co_return deps.not_found(ctx);
  auto role = parse_role(ctx.form.value("role"));
  if (!role)
    co_return render_member(req, deps, *view, {{"role", std::string(t("profiles.invite.error.role_missing"))}},
                            &ctx.form);
  std::vector<MemberType> types;
  for (auto v : ctx.form.all("member_types")) {
    if (auto type = parse_member_type(v)) types.push_back(*type);
  }
  auto op =
      deps.organisations->change_membership(ctx.principal->user_id, m->org_id, view->profile.user_id, *role, types);
  auto outcome = co_await std::move(op);
  if (outcome == organisations::OrganisationService::MembershipChange::last_admin) {
    co_return render_member(req, deps, *view, {{"role", std::string(t("profiles.members.error.last_admin"))}},
                            &ctx.form);
  }
  if (outcome == organisations::OrganisationService::MembershipChange::not_member) co_return deps.not_found(ctx);
  ctx.set_flash("profiles.members.saved");
  co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/people/" + std::to_string(view->profile.user_id));
}

awaitable<Response> remove_member_form(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto view = co_await member_from_path(req, deps);
  if (!view) co_return deps.not_found(ctx);
  co_return remove_page(req, deps, *view, {});
}

awaitable<Response> remove_member(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  auto view = co_await member_from_path(req, deps);
  if (!view) co_return deps.not_found(ctx);
  auto op = deps.organisations->remove_member(ctx.principal->user_id, m->org_id, view->profile.user_id);
  auto outcome = co_await std::move(op);
  if (outcome == organisations::OrganisationService::MembershipChange::last_admin) {
    co_return remove_page(req, deps, *view, {{"", std::string(t("profiles.members.error.last_admin"))}});
  }
  if (outcome == organisations::OrganisationService::MembershipChange::not_member) co_return deps.not_found(ctx);
  const std::string name = view->profile.name;
  ctx.set_flash("profiles.members.removed", {{"name", name}, {"org", m->org_name}});
  co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/people");
}

}  // namespace roundtable::profiles::pages
