// Membership of a group: asking to join, answering requests, leaving, the list of members and their roles.
#include "groups/group_form.hpp"
#include "groups/group_pages.hpp"
#include "markdown/markdown.hpp"
#include "organisations/organisation_pages.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::groups::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

using view::s;

std::string types_text(const core::Translator& t, const std::vector<MemberType>& types) {
  std::string out;
  for (auto type : types) {
    if (!out.empty()) out += ", ";
    out += organisations::pages::member_type_name(t, type);
  }
  return out.empty() ? s(t("groups.members.no_types")) : out;
}

Response render_ask(OrgRequest& req, const PagesDeps& deps, const GroupForViewer& v, const AskForm& form,
                    const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& g = v.group;
  const std::string base = group_url(req, g.id);
  auto page = page_builder(ctx, deps, core::format(t("groups.ask.title"), {{"name", g.details.name}}));
  page.back_link(base, s(t("groups.back"))).errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("groups.ask.lead"));
  if (!g.details.ground_rules.empty()) {
    govuk::heading(h, 2, "m", t("groups.home.ground_rules_title"));
    const auto& rules = g.details.ground_rules;
    markdown::render(h, rules.easy_read.empty() ? rules.standard : rules.easy_read);
  }
  govuk::form_start(h, {.action = base + "/join", .csrf_token = ctx.csrf_token});
  govuk::textarea(h, {.id = "message",
                      .name = "message",
                      .rows = 4,
                      .value = form.message,
                      .label = small_label(s(t("groups.ask.message"))),
                      .hint = {.text = s(t("groups.ask.message_hint"))},
                      .error_message = field_error_message(t, errors, "message")});
  submit_button(h, t("groups.ask.button"));
  govuk::form_end(h);
  return page.respond();
}

/// The flash message for a change to membership that was not made.
const char* refused_key(MembershipOutcome outcome) {
  switch (outcome) {
    case MembershipOutcome::last_lead: return "groups.done.last_lead";
    case MembershipOutcome::already_member: return "groups.done.already_member";
    case MembershipOutcome::not_in_organisation: return "groups.done.not_in_organisation";
    case MembershipOutcome::not_found:
    case MembershipOutcome::done: break;
  }
  return "groups.done.nothing_changed";
}

}  // namespace

awaitable<Response> ask_form(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::ask_to_join);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return render_ask(req, deps, std::get<GroupForViewer>(loaded), {}, {});
}

awaitable<Response> ask(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::ask_to_join);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& v = std::get<GroupForViewer>(loaded);
  const auto form = read_ask(ctx.form);
  const auto errors = field_errors(t, check_ask(form));
  if (!errors.empty()) co_return render_ask(req, deps, v, form, errors);
  auto op = deps.service->ask_to_join(req.membership.org_id, v.group.id, req.principal.user_id, form.message);
  const auto outcome = co_await std::move(op);
  if (outcome == MembershipOutcome::done) {
    ctx.set_flash("groups.done.asked", {{"name", v.group.details.name}});
  } else {
    ctx.set_flash(refused_key(outcome));
  }
  co_return http::redirect(ctx.request, group_url(req, v.group.id));
}

awaitable<Response> requests(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::answer_requests);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  auto op = deps.service->pending_requests(g.id);
  const auto waiting = co_await std::move(op);
  const std::string base = group_url(req, g.id);
  auto page = page_builder(ctx, deps, s(t("groups.requests.title")));
  page.caption(g.details.name).back_link(base, s(t("groups.back")));
  Html& h = page.body();
  if (waiting.empty()) {
    govuk::paragraph(h, t("groups.requests.none"));
    co_return page.respond();
  }
  for (const auto& r : waiting) {
    govuk::SummaryList rows;
    rows.rows.push_back(
        {.key = {.text = s(t("groups.requests.takes_part"))}, .value = {.text = types_text(t, r.member_types)}});
    rows.rows.push_back(
        {.key = {.text = s(t("groups.requests.asked_on"))}, .value = {.text = view::format_date(t, r.created_at)}});
    rows.rows.push_back({.key = {.text = s(t("groups.requests.message"))},
                         .value = {.text = r.message.empty() ? s(t("groups.requests.no_message")) : r.message,
                                   .classes = "rt-pre-line"}});
    rows.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.text = r.name, .heading_level = 2}};
    govuk::summary_list(h, rows);
    const std::string who = std::to_string(r.user_id);
    govuk::button_form(h, {.form = {.action = base + "/requests", .csrf_token = ctx.csrf_token},
                           .hidden = {{"user", who}, {"answer", "yes"}},
                           .button = {.text = core::format(t("groups.requests.accept"), {{"name", r.name}})}});
    govuk::button_form(h, {.form = {.action = base + "/requests", .csrf_token = ctx.csrf_token},
                           .hidden = {{"user", who}, {"answer", "no"}},
                           .button = {.text = core::format(t("groups.requests.decline"), {{"name", r.name}}),
                                      .classes = "govuk-button--secondary"}});
  }
  co_return page.respond();
}

awaitable<Response> answer(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, Action::answer_requests);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  const auto user = http::parse_id(ctx.form.trimmed("user"));
  const auto choice = ctx.form.trimmed("answer");
  if (!user || (choice != "yes" && choice != "no")) co_return deps.not_found(ctx);
  const bool accept = choice == "yes";
  auto op = deps.service->answer_request(req.membership.org_id, g.id, req.principal.user_id, *user, accept);
  const auto outcome = co_await std::move(op);
  if (outcome == MembershipOutcome::done) {
    ctx.set_flash(accept ? "groups.done.accepted" : "groups.done.declined");
  } else {
    ctx.set_flash(refused_key(outcome));
  }
  co_return http::redirect(ctx.request, group_url(req, g.id) + "/requests");
}

awaitable<Response> leave_form(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::leave);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& v = std::get<GroupForViewer>(loaded);
  const std::string base = group_url(req, v.group.id);
  auto page = page_builder(ctx, deps, core::format(t("groups.leave.title"), {{"name", v.group.details.name}}));
  page.back_link(base, s(t("groups.back")));
  Html& h = page.body();
  govuk::paragraph(h, t("groups.leave.lead"));
  if (v.role == GroupRole::lead) govuk::inset_text(h, {.text = s(t("groups.leave.lead_note"))});
  govuk::button_form(h, {.form = {.action = base + "/leave", .csrf_token = ctx.csrf_token},
                         .button = {.text = s(t("groups.leave.button")), .classes = "govuk-button--warning"}});
  govuk::link_paragraph(h, base, t("groups.leave.stay"));
  co_return page.respond();
}

awaitable<Response> leave(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, Action::leave);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& v = std::get<GroupForViewer>(loaded);
  auto op = deps.service->leave(req.membership.org_id, v.group.id, req.principal.user_id);
  const auto outcome = co_await std::move(op);
  if (outcome == MembershipOutcome::done) {
    ctx.set_flash("groups.done.left", {{"name", v.group.details.name}});
    co_return http::redirect(ctx.request, groups_url(req));
  }
  ctx.set_flash(refused_key(outcome));
  co_return http::redirect(ctx.request, group_url(req, v.group.id));
}

awaitable<Response> members(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  std::vector<GroupMember> people;
  auto loaded_op = load(req, deps, Action::see_members, Documents::left_out, GroupService::members_along(people));
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& v = std::get<GroupForViewer>(loaded);
  const auto& g = v.group;
  const bool manages = may(req, v, Action::manage_members);
  const std::string base = group_url(req, g.id);
  auto page = page_builder(ctx, deps, s(t("groups.members.title")));
  page.caption(g.details.name).back_link(base, s(t("groups.back"))).full_width();
  Html& h = page.body();
  govuk::paragraph(h, t.plural("groups.list.people_count", static_cast<long long>(people.size())));
  const std::string caption(t("groups.members.title"));
  view::scroll_region_start(h, t, caption);
  std::vector<govuk::TableCell> head{{.text = s(t("groups.members.col_name"))},
                                     {.text = s(t("groups.members.col_role"))},
                                     {.text = s(t("groups.members.col_types"))},
                                     {.text = s(t("groups.members.col_joined"))}};
  if (manages) head.push_back({.text = s(t("groups.members.col_change"))});
  govuk::TableWriter table(h, {.head = std::move(head),
                               .caption = caption,
                               .caption_classes = "govuk-visually-hidden",
                               .first_cell_is_header = true});
  for (const auto& p : people) {
    table.begin_row();
    table.cell(p.name);
    table.cell(group_role_name(t, p.role));
    table.cell(types_text(t, p.member_types));
    table.cell(view::format_date(t, p.joined_at));
    if (manages) {
      Html change;
      govuk::link(change, base + "/members/" + std::to_string(p.user_id),
                  core::format(t("groups.members.change_link"), {{"name", p.name}}));
      table.cell(change);
    }
    table.end_row();
  }
  table.end();
  view::scroll_region_end(h);
  govuk::link_paragraph(h, base + "/members.csv", t("groups.csv.members_link"));
  co_return page.respond();
}

namespace {

/// The member named by {user}, in the group: nullopt when they are not in it.
std::optional<GroupMember> member_of(const std::vector<GroupMember>& people, std::string_view user) {
  const auto id = http::parse_id(user);
  if (!id) return std::nullopt;
  for (const auto& p : people)
    if (p.user_id == *id) return p;
  return std::nullopt;
}

}  // namespace

awaitable<Response> member_form(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::manage_members);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  auto op = deps.service->members(g.id);
  const auto people = co_await std::move(op);
  const auto person = member_of(people, ctx.param("user"));
  if (!person) co_return deps.not_found(ctx);
  const std::string base = group_url(req, g.id);
  const std::string url = base + "/members/" + std::to_string(person->user_id);
  auto page = page_builder(ctx, deps, person->name);
  page.caption(g.details.name).back_link(base + "/members", s(t("groups.members.back")));
  Html& h = page.body();
  govuk::paragraph(h, core::format(t("groups.members.takes_part"), {{"types", types_text(t, person->member_types)}}));
  govuk::form_start(h, {.action = url, .csrf_token = ctx.csrf_token});
  govuk::Radios roles{
      .name = "role",
      .value = s(group_role_code(person->role)),
      .fieldset = small_legend(core::format(t("groups.members.role_legend"), {{"name", person->name}}))};
  for (GroupRole r : kAllGroupRoles) {
    roles.items.push_back({.text = group_role_name(t, r),
                           .value = s(group_role_code(r)),
                           .hint = {.text = s(t("groups.role_hint." + s(group_role_code(r))))}});
  }
  govuk::radios(h, roles);
  submit_button(h, t("groups.members.save_role"));
  govuk::form_end(h);
  govuk::heading(h, 2, "m", t("groups.members.remove_title"));
  govuk::paragraph(h, core::format(t("groups.members.remove_lead"), {{"name", person->name}}));
  govuk::button_form(h, {.form = {.action = url + "/remove", .csrf_token = ctx.csrf_token},
                         .button = {.text = core::format(t("groups.members.remove_button"), {{"name", person->name}}),
                                    .classes = "govuk-button--warning"}});
  co_return page.respond();
}

awaitable<Response> change_role(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, Action::manage_members);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  const auto user = http::parse_id(ctx.param("user"));
  const auto role = parse_group_role(ctx.form.trimmed("role"));
  if (!user) co_return deps.not_found(ctx);
  const std::string back = group_url(req, g.id) + "/members";
  if (!role) {
    ctx.set_flash("groups.done.choose_role");
    co_return http::redirect(ctx.request, back + "/" + std::to_string(*user));
  }
  auto op = deps.service->set_role(req.membership.org_id, g.id, req.principal.user_id, *user, *role);
  const auto outcome = co_await std::move(op);
  if (outcome == MembershipOutcome::not_found) co_return deps.not_found(ctx);
  ctx.set_flash(outcome == MembershipOutcome::done ? "groups.done.role_changed" : refused_key(outcome));
  co_return http::redirect(ctx.request, back);
}

awaitable<Response> remove_member(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, Action::manage_members);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  const auto user = http::parse_id(ctx.param("user"));
  if (!user) co_return deps.not_found(ctx);
  auto op = deps.service->remove_member(req.membership.org_id, g.id, req.principal.user_id, *user);
  const auto outcome = co_await std::move(op);
  if (outcome == MembershipOutcome::not_found) co_return deps.not_found(ctx);
  ctx.set_flash(outcome == MembershipOutcome::done ? "groups.done.removed" : refused_key(outcome));
  co_return http::redirect(ctx.request, group_url(req, g.id) + "/members");
}

}  // namespace roundtable::groups::pages
