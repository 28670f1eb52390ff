// Inviting someone in the organisation into a group (the way into a members-only group), and the person's answer.
// The people who run the group find someone by name, among the organisation's members who are not in it.
#include "groups/group_pages.hpp"
#include "organisations/organisation_pages.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"

namespace roundtable::groups::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

using view::s;

constexpr std::size_t kMaxWords = 100;

}  // namespace

awaitable<Response> invite_form(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::invite);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  const auto query = ctx.query_params();
  std::string words = query.trimmed("name");
  if (words.size() > kMaxWords) words.resize(kMaxWords);
  std::vector<Candidate> found;
  if (!words.empty()) {
    auto op = deps.service->candidates(req.membership.org_id, g.id, words);
    found = co_await std::move(op);
  }
  const std::string base = group_url(req, g.id);
  auto page = page_builder(ctx, deps, s(t("groups.invite.title")));
  page.caption(g.details.name).back_link(base, s(t("groups.back")));
  Html& h = page.body();
  govuk::paragraph(h, t("groups.invite.lead"));
  govuk::form_start(h, {.action = base + "/invite", .get = true});
  govuk::input(h, {.id = "name",
                   .name = "name",
                   .type = "search",
                   .value = words,
                   .label = small_label(s(t("groups.invite.name"))),
                   .hint = {.text = s(t("groups.invite.name_hint"))},
                   .autocomplete = "off",
                   .spellcheck = false});
  submit_button(h, t("groups.invite.find"), "govuk-button--secondary");
  govuk::form_end(h);
  if (!words.empty()) {
    govuk::heading(h, 2, "m", t("groups.invite.results_title"));
    if (found.empty()) govuk::paragraph(h, t("groups.invite.none"));
    for (const auto& c : found) {
      govuk::SummaryList rows;
      std::string types;
      for (auto type : c.member_types) {
        types += (types.empty() ? "" : ", ") + organisations::pages::member_type_name(t, type);
      }
      rows.rows.push_back({.key = {.text = s(t("groups.requests.takes_part"))},
                           .value = {.text = types.empty() ? s(t("groups.members.no_types")) : types}});
      rows.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.text = c.name, .heading_level = 3}};
      govuk::summary_list(h, rows);
      if (c.request == RequestState::invited) {
        govuk::paragraph(h, t("groups.invite.already_invited"));
      } else {
        govuk::button_form(h, {.form = {.action = base + "/invite", .csrf_token = ctx.csrf_token},
                               .hidden = {{"user", std::to_string(c.user_id)}},
                               .button = {.text = core::format(t("groups.invite.button"), {{"name", c.name}})}});
        if (c.request == RequestState::pending) govuk::paragraph(h, t("groups.invite.asked_already"));
      }
    }
  }
  co_return page.respond();
}

awaitable<Response> invite(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, Action::invite);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  const auto user = http::parse_id(ctx.form.trimmed("user"));
  if (!user) co_return deps.not_found(ctx);
  auto op = deps.service->invite(req.membership.org_id, g.id, req.principal.user_id, *user);
  const auto outcome = co_await std::move(op);
  if (outcome == MembershipOutcome::not_found) co_return deps.not_found(ctx);
  if (outcome == MembershipOutcome::not_in_organisation) co_return deps.not_found(ctx);
  ctx.set_flash(outcome == MembershipOutcome::done ? "groups.done.invited" : "groups.done.already_member");
  co_return http::redirect(ctx.request, group_url(req, g.id) + "/invite");
}

awaitable<Response> answer_invitation(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, Action::answer_invitation);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  const auto choice = ctx.form.trimmed("answer");
  if (choice != "yes" && choice != "no") co_return deps.not_found(ctx);
  const bool accept = choice == "yes";
  auto op = deps.service->answer_invitation(req.membership.org_id, g.id, req.principal.user_id, accept);
  const auto outcome = co_await std::move(op);
  if (outcome != MembershipOutcome::done) co_return deps.not_found(ctx);
  if (accept) {
    ctx.set_flash("groups.done.invitation_accepted", {{"name", g.details.name}});
    co_return http::redirect(ctx.request, group_url(req, g.id));
  }
  ctx.set_flash("groups.done.invitation_declined", {{"name", g.details.name}});
  co_return http::redirect(ctx.request, "/");
}

}  // namespace roundtable::groups::pages
