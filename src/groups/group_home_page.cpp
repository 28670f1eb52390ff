// A group's home page: what it is for, its stage, its people, its documents and what has been going on.
#include <iterator>

#include "groups/group_pages.hpp"
#include "markdown/markdown.hpp"
#include "organisations/organisation_pages.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/govuk/summary_writer.hpp"
#include "view/html.hpp"

namespace roundtable::groups::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

using view::s;

/// A document and its easy-read version (Markdown), when the group wrote one: the easy-read version opens from a
/// "details" below the standard one, or stands alone when it is the only one.
void document(Html& h, const core::Translator& t, const char* title_key, const TwoVersions& doc) {
  if (doc.empty()) return;
  govuk::heading(h, 2, "m", t(title_key));
  if (!doc.standard.empty()) markdown::render(h, doc.standard);
  if (!doc.easy_read.empty()) {
    Html easy;
    markdown::render(easy, doc.easy_read);
    if (doc.standard.empty()) {
      h.append(easy);
    } else {
      govuk::details(h, {.summary_text = s(t("groups.home.easy_read")), .html = std::move(easy)});
    }
  }
}

/// "Former member" for someone erased since: the name, or the catalogue's words (both outlive the call).
std::string_view name_or_former(const core::Translator& t, const std::string& name) {
  return name.empty() ? t("groups.former_member") : std::string_view(name);
}

std::string activity_sentence(const core::Translator& t, const Activity& a) {
  std::string_view detail = a.detail;
  std::string named;  // a stage's or a role's name in the reader's language
  if (a.kind == ActivityKind::stage_moved) {
    if (auto st = parse_stage(a.detail)) detail = named = stage_name(t, *st);
  } else if (a.kind == ActivityKind::role_changed) {
    if (auto r = parse_group_role(a.detail)) detail = named = group_role_name(t, *r);
  }
  // The sentence's key built on the stack, and the names as views: a page describes up to 50 entries.
  constexpr std::string_view prefix = "groups.activity.";
  const std::string_view code = activity_code(a.kind);
  char key[64];
  const std::size_t n = prefix.copy(key, prefix.size()) + code.copy(key + prefix.size(), sizeof key - prefix.size());
  return core::format(
      t(std::string_view(key, n)),
      {{"actor", name_or_former(t, a.actor)}, {"subject", name_or_former(t, a.subject)}, {"detail", detail}});
}

/// Who is involved: names, roles and how each takes part; each name leads to the person's page in the organisation,
/// which shows what they bring (as far as they chose to share it).
void people_list(Html& h, const core::Translator& t, std::string_view org_slug,
                 const std::vector<GroupMember>& people) {
  // Each role's and member type's words looked up once for the list, not once per person.
  std::string roles[std::size(kAllGroupRoles)];
  for (auto r : kAllGroupRoles) roles[static_cast<size_t>(r)] = group_role_name(t, r);
  std::string types[std::size(organisations::kAllMemberTypes)];
  for (auto m : organisations::kAllMemberTypes) {
    types[static_cast<size_t>(m)] = organisations::pages::member_type_name(t, m);
  }
  const std::string people_url = "/o/" + std::string(org_slug) + "/people/";
  govuk::SummaryListWriter list(h);
  for (const auto& p : people) {
    govuk::link(list.key(), people_url + std::to_string(p.user_id), p.name);
    Html& what = list.value();
    what.text(roles[static_cast<size_t>(p.role)]);
    for (auto type : p.member_types) what.text(", ").text(types[static_cast<size_t>(type)]);
    list.end_row();
  }
  list.end();
}

}  // namespace

std::string describe_activity(const core::Translator& t, const Activity& a) { return activity_sentence(t, a); }

awaitable<Response> group_home(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto id = ctx.id_param("group");
  if (!id) co_return deps.not_found(ctx);
  // One visit: the group as this person sees it, then what the policy lets them see of it.
  auto op =
      deps.service->group_page(req.membership.org_id, *id, req.principal.user_id, [&req](const GroupForViewer& v) {
        return PageWants{allowed(req, v, Action::see_group), allowed(req, v, Action::see_members),
                         allowed(req, v, Action::answer_requests)};
      });
  const auto gp = co_await std::move(op);
  if (!gp) co_return deps.not_found(ctx);
  if (!gp->allowed) {
    // An organisation admin without two-step sign-in is sent to turn it on; everyone else is told nothing.
    if (policy::allows(actor_of(req, gp->viewer), Action::see_group, facts_of(gp->viewer.group)) ==
        policy::Verdict::need_two_step) {
      co_return http::redirect(ctx.request, deps.two_step_path + "?required=1");
    }
    co_return deps.not_found(ctx);
  }
  const auto& v = gp->viewer;
  const auto& g = v.group;
  const bool see_members = gp->people_are_everyone;
  const bool answers = allowed(req, v, Action::answer_requests);
  const std::string base = group_url(req, g.id);
  auto page = page_builder(ctx, deps, g.details.name);
  page.caption(req.membership.org_name).back_link(groups_url(req), s(t("groups.back_to_list")));
  Html& h = page.body();
  if (g.archived()) {
    govuk::inset_text(
        h, {.text = core::format(t("groups.home.archived"), {{"date", view::format_date(t, *g.archived_at)}})});
  }
  group_picture(h, g);
  govuk::paragraph(h, g.details.purpose, "govuk-body-l rt-pre-line");
  govuk::SummaryList about;
  about.rows.push_back({.key = {.text = s(t("groups.home.kind"))}, .value = {.text = kind_name(t, g.details.kind)}});
  about.rows.push_back({.key = {.text = s(t("groups.home.level"))}, .value = {.text = level_name(t, g.details.level)}});
  about.rows.push_back(
      {.key = {.text = s(t("groups.home.visibility"))}, .value = {.text = visibility_name(t, g.details.visibility)}});
  about.rows.push_back({.key = {.text = s(t("groups.list.you"))},
                        .value = {.text = v.role ? group_role_name(t, *v.role) : s(t("groups.list.not_in"))}});
  govuk::summary_list(h, about);
  if (g.details.visibility == Visibility::everyone && !g.archived()) {
    govuk::link_paragraph(h, "/groups/" + req.membership.org_slug + "/" + std::to_string(g.id),
                          t("groups.home.public_link"));
  }

  // Joining: an invitation to answer, a request to make, or where the request is.
  if (!v.role && !g.archived()) {
    if (v.request == RequestState::invited) {
      govuk::inset_text(h, {.text = s(t("groups.home.invited"))});
      govuk::button_form(h, {.form = {.action = base + "/invitation", .csrf_token = ctx.csrf_token},
                             .hidden = {{"answer", "yes"}},
                             .button = {.text = s(t("groups.home.invitation_yes"))}});
      govuk::button_form(h,
                         {.form = {.action = base + "/invitation", .csrf_token = ctx.csrf_token},
                          .hidden = {{"answer", "no"}},
                          .button = {.text = s(t("groups.home.invitation_no")), .classes = "govuk-button--secondary"}});
    } else if (v.request == RequestState::pending) {
      govuk::inset_text(h, {.text = s(t("groups.home.request_waiting"))});
    } else if (may(req, v, Action::ask_to_join)) {
      if (v.request == RequestState::declined) govuk::paragraph(h, t("groups.home.request_declined"));
      govuk::button(h, {.text = s(t("groups.home.ask")), .href = base + "/join"});
    } else if (g.details.visibility == Visibility::members) {
      govuk::paragraph(h, t("groups.home.by_invitation"));
    }
  }
  if (answers && gp->pending_requests > 0) {
    Html waiting;
    govuk::link(waiting, base + "/requests", t.plural("groups.home.requests_waiting", gp->pending_requests));
    govuk::inset_text(h, {.html = std::move(waiting)});
  }

  if (g.details.stage || g.details.kind == Kind::project) {
    govuk::heading(h, 2, "m", t("groups.home.stage_title"));
    stage_picture(h, t, g.details.stage);
    govuk::link_paragraph(
        h, base + "/stage",
        t(may(req, v, Action::move_stage) ? "groups.home.stage_move_link" : "groups.home.stage_link"));
  }

  govuk::heading(h, 2, "m", t("groups.home.people_title"));
  govuk::paragraph(h, t.plural("groups.list.people_count", g.member_count));
  if (gp->people_are_everyone) {
    govuk::paragraph(h, t("groups.home.people_lead"));
    if (static_cast<long long>(gp->people.size()) < g.member_count) {
      govuk::paragraph(h, core::format(t("groups.home.people_first"), {{"shown", std::to_string(gp->people.size())}}));
    }
    people_list(h, t, req.membership.org_slug, gp->people);
    govuk::link_paragraph(
        h, base + "/members",
        t(may(req, v, Action::manage_members) ? "groups.home.members_manage_link" : "groups.home.members_link"));
    if (may(req, v, Action::see_support_needs)) {
      govuk::link_paragraph(h, base + "/support", t("groups.home.support_link"));
    }
    if (may(req, v, Action::invite)) govuk::link_paragraph(h, base + "/invite", t("groups.home.invite_link"));
  } else if (!gp->people.empty()) {
    govuk::paragraph(h, t("groups.home.run_by"));
    people_list(h, t, req.membership.org_slug, gp->people);
  }

  // The other modules' places in the group (discussion, meetings, opportunities...).
  for (const auto& tool : deps.tools) {
    govuk::heading(h, 2, "m", t(tool.title_key));
    govuk::paragraph(h, t(tool.lead_key));
    govuk::link_paragraph(h, base + tool.path, t(tool.link_key));
  }

  document(h, t, "groups.home.terms_title", g.details.terms);
  document(h, t, "groups.home.ground_rules_title", g.details.ground_rules);
  document(h, t, "groups.home.principles_title", g.details.principles);

  if (see_members) {
    govuk::heading(h, 2, "m", t("groups.home.activity_title"));
    if (gp->recent.empty()) {
      govuk::paragraph(h, t("groups.activity.none"));
    } else {
      std::vector<govuk::Content> items;
      for (const auto& a : gp->recent) {
        items.emplace_back(activity_sentence(t, a) + " (" + view::format_date(t, a.at) + ")");
      }
      govuk::list(h, {.items = std::move(items), .bullet = true});
    }
    govuk::link_paragraph(h, base + "/activity", t("groups.home.activity_link"));
  }

  // Running the group, and leaving it.
  const bool edits = may(req, v, Action::edit_group);
  const bool archives = may(req, v, Action::archive_group);
  const bool restores = may(req, v, Action::restore_group);
  if (edits || archives || restores) {
    govuk::heading(h, 2, "m", t("groups.home.run_title"));
    if (edits) {
      govuk::link_paragraph(h, base + "/edit", t("groups.home.edit_link"));
      govuk::link_paragraph(h, base + "/picture",
                            t(g.picture_url.empty() ? "groups.home.picture_add_link" : "groups.home.picture_link"));
    }
    if (archives) {
      govuk::button_form(h, {.form = {.action = base + "/archive", .csrf_token = ctx.csrf_token},
                             .button = {.text = s(t("groups.home.archive")), .classes = "govuk-button--secondary"}});
    }
    if (restores) {
      govuk::button_form(h, {.form = {.action = base + "/restore", .csrf_token = ctx.csrf_token},
                             .button = {.text = s(t("groups.home.restore"))}});
    }
  }
  if (v.role) govuk::link_paragraph(h, base + "/leave", t("groups.home.leave_link"));
  // A member who opens the group has seen what is new in it (their home page stops saying so).
  if (v.role && v.latest_activity > v.seen_activity) {
    auto seen = deps.service->mark_seen(req.principal.user_id, g.id, v.latest_activity);
    co_await std::move(seen);
  }
  co_return page.respond();
}

}  // namespace roundtable::groups::pages
