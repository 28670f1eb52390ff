// The list of groups, starting one, its home page, changing its details, archiving and restoring it.
#include "groups/group_pages.hpp"

#include <charconv>
#include <iterator>

#include "groups/group_form.hpp"
#include "markdown/markdown.hpp"
#include "organisations/organisation_pages.hpp"
#include "security/tokens.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"

namespace roundtable::groups::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

constexpr int kPerPage = 50;

std::string s(std::string_view v) { return std::string(v); }

int page_number(const RequestContext& ctx) {
  const auto query = ctx.query_params();
  const auto v = query.value("page");
  int n = 1;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < 1 || n > 100000) return 1;
  return n;
}

/// Radios for one of a group's enumerated settings, each choice with its hint.
template <class E, std::size_t N>
void choice_radios(Html& h, const core::Translator& t, const char* name, const E (&all)[N], std::string_view (*code)(E),
                   const std::string& value, const std::vector<view::FieldError>& errors, const char* legend_key,
                   const char* hint_key = nullptr) {
  govuk::Radios r{.name = name,
                  .value = value,
                  .fieldset = small_legend(s(t(legend_key))),
                  .error_message = field_error_message(t, errors, name)};
  if (hint_key) r.hint = {.text = s(t(hint_key))};
  for (E e : all) {
    const std::string c(code(e));
    r.items.push_back({.text = s(t("groups." + std::string(name) + "." + c)),
                       .value = c,
                       .hint = {.text = s(t("groups." + std::string(name) + "_hint." + c))}});
  }
  govuk::radios(h, r);
}

/// A document with its easy-read version beside it: two text boxes under one legend.
void document_fields(Html& h, const core::Translator& t, const char* name, const std::string& standard,
                     const std::string& easy, const std::vector<view::FieldError>& errors) {
  const std::string field(name), easy_field = field + "_easy";
  Html inside;
  govuk::paragraph(inside, t("groups.form." + field + "_hint"), "govuk-hint");
  govuk::textarea(inside, {.id = field,
                           .name = field,
                           .rows = 6,
                           .value = standard,
                           .label = {.text = s(t("groups.form.standard_version"))},
                           .hint = {.text = s(t("groups.form.markdown_hint"))},
                           .error_message = field_error_message(t, errors, field)});
  govuk::textarea(inside, {.id = easy_field,
                           .name = easy_field,
                           .rows = 6,
                           .value = easy,
                           .label = {.text = s(t("groups.form.easy_version"))},
                           .hint = {.text = s(t("groups.form.easy_version_hint"))},
                           .error_message = field_error_message(t, errors, easy_field)});
  auto fieldset = small_legend(s(t("groups.form." + field)));
  fieldset.html = std::move(inside);
  govuk::fieldset(h, fieldset);
}

Response render_form(OrgRequest& req, const PagesDeps& deps, const GroupForm& form,
                     const std::vector<view::FieldError>& errors, std::optional<long long> group_id) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const bool creating = !group_id;
  auto page = page_builder(ctx, deps, s(t(creating ? "groups.new.title" : "groups.edit.title")));
  page.caption(creating ? req.membership.org_name : form.name)
      .back_link(creating ? groups_url(req) : group_url(req, *group_id), s(t("groups.back")))
      .errors(t, errors);
  Html& h = page.body();
  if (creating) govuk::paragraph(h, t("groups.new.lead"));
  govuk::form_start(
      h, {.action = creating ? groups_url(req) : group_url(req, *group_id) + "/edit", .csrf_token = ctx.csrf_token});
  if (creating) govuk::hidden(h, "create_key", form.create_key);
  govuk::input(h, {.id = "name",
                   .name = "name",
                   .value = form.name,
                   .label = small_label(s(t("groups.form.name"))),
                   .hint = {.text = s(t("groups.form.name_hint"))},
                   .error_message = field_error_message(t, errors, "name")});
  govuk::textarea(h, {.id = "purpose",
                      .name = "purpose",
                      .rows = 3,
                      .value = form.purpose,
                      .label = small_label(s(t("groups.form.purpose"))),
                      .hint = {.text = s(t("groups.form.purpose_hint"))},
                      .error_message = field_error_message(t, errors, "purpose")});
  choice_radios(h, t, "kind", kAllKinds, kind_code, form.kind, errors, "groups.form.kind");
  if (creating) {
    govuk::Radios stage{.name = "stage",
                        .value = form.stage,
                        .fieldset = small_legend(s(t("groups.form.stage"))),
                        .hint = {.text = s(t("groups.form.stage_hint"))},
                        .error_message = field_error_message(t, errors, "stage")};
    stage.items.push_back({.text = s(t("groups.form.stage_none")), .value = "none"});
    for (Stage st : kAllStages) stage.items.push_back({.text = stage_name(t, st), .value = s(stage_code(st))});
    govuk::radios(h, stage);
  }
  choice_radios(h, t, "level", kAllLevels, level_code, form.level, errors, "groups.form.level",
                "groups.form.level_hint");
  choice_radios(h, t, "visibility", kAllVisibilities, visibility_code, form.visibility, errors,
                "groups.form.visibility");
  document_fields(h, t, "terms", form.terms, form.terms_easy, errors);
  document_fields(h, t, "ground_rules", form.ground_rules, form.ground_rules_easy, errors);
  document_fields(h, t, "principles", form.principles, form.principles_easy, errors);
  submit_button(h, t(creating ? "groups.new.button" : "groups.edit.button"));
  govuk::form_end(h);
  return page.respond();
}

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

std::string activity_sentence(const core::Translator& t, const Activity& a) {
  std::string detail = a.detail;
  if (a.kind == ActivityKind::stage_moved) {
    if (auto st = parse_stage(a.detail)) detail = stage_name(t, *st);
  } else if (a.kind == ActivityKind::role_changed) {
    if (auto r = parse_group_role(a.detail)) detail = group_role_name(t, *r);
  }
  return core::format(t("groups.activity." + std::string(activity_code(a.kind))),
                      {{"actor", person_name(t, a.actor)}, {"subject", person_name(t, a.subject)}, {"detail", detail}});
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
  govuk::SummaryList list;
  list.rows.reserve(people.size());
  for (const auto& p : people) {
    std::string what = roles[static_cast<size_t>(p.role)];
    for (auto type : p.member_types) {
      what += ", ";
      what += types[static_cast<size_t>(type)];
    }
    Html name;
    govuk::link(name, people_url + std::to_string(p.user_id), p.name);
    list.rows.push_back({.key = {.html = std::move(name)}, .value = {.text = std::move(what)}});
  }
  govuk::summary_list(h, list);
}

}  // namespace

std::string describe_activity(const core::Translator& t, const Activity& a) { return activity_sentence(t, a); }

awaitable<Response> groups(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const int page_no = page_number(ctx);
  // The organisation's admins see every group (members-only ones too), once two-step sign-in is passed.
  const bool all = sees_every_group(req);
  auto op = deps.service->list_groups(req.membership.org_id, req.principal.user_id, all, page_no, kPerPage);
  const auto list = co_await std::move(op);
  auto page = page_builder(ctx, deps, s(t("groups.list.title")));
  page.caption(req.membership.org_name).back_link("/o/" + req.membership.org_slug, s(t("groups.back_to_org")));
  Html& h = page.body();
  govuk::paragraph(h, t("groups.list.lead"));
  if (policy::allows(actor_of(req, std::nullopt), Action::create_group) != policy::Verdict::deny) {
    govuk::button(h, {.text = s(t("groups.list.create")), .href = groups_url(req) + "/new"});
  }
  if (list.groups.empty()) {
    govuk::paragraph(h, t(page_no == 1 ? "groups.list.none" : "groups.list.none_on_page"));
  } else {
    govuk::heading(h, 2, "m", t.plural("groups.list.count", list.total));
    for (const auto& g : list.groups) {
      govuk::SummaryList rows;
      rows.rows.push_back({.key = {.text = s(t("groups.home.purpose"))}, .value = {.text = g.purpose}});
      std::string kind = kind_name(t, g.kind);
      if (g.stage) kind += " – " + core::format(t("groups.list.at_stage"), {{"stage", stage_name(t, *g.stage)}});
      rows.rows.push_back({.key = {.text = s(t("groups.home.kind"))}, .value = {.text = kind}});
      rows.rows.push_back({.key = {.text = s(t("groups.list.you"))},
                           .value = {.text = g.role ? group_role_name(t, *g.role) : s(t("groups.list.not_in"))}});
      rows.rows.push_back({.key = {.text = s(t("groups.list.people"))},
                           .value = {.text = t.plural("groups.list.people_count", g.member_count)}});
      Html title;
      if (!g.picture_url.empty()) {
        // A small copy of the group's picture beside its name; the name says what it is, so it needs no words.
        title.raw("<img class=\"rt-group-thumb\" src=\"").text(g.picture_url).raw("\" alt=\"\">");
      }
      govuk::link(title, group_url(req, g.id), g.name);
      if (g.archived) {
        title.text(" ");
        govuk::tag(title, {.text = s(t("groups.archived_tag")), .classes = "govuk-tag--grey"});
      }
      rows.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.html = std::move(title), .heading_level = 3}};
      govuk::summary_list(h, rows);
    }
  }
  if (!list.groups.empty()) govuk::link_paragraph(h, groups_url(req) + ".csv", t("groups.csv.groups_link"));
  const long long pages = (list.total + kPerPage - 1) / kPerPage;
  if (pages > 1) {
    govuk::Pagination pagination{.landmark_label = s(t("pagination.label"))};
    if (page_no > 1) {
      pagination.previous = govuk::PaginationLink{.text = s(t("pagination.previous")),
                                                  .href = groups_url(req) + "?page=" + std::to_string(page_no - 1)};
    }
    if (page_no < pages) {
      pagination.next = govuk::PaginationLink{.text = s(t("pagination.next")),
                                              .href = groups_url(req) + "?page=" + std::to_string(page_no + 1)};
    }
    govuk::pagination(h, pagination);
  }
  co_return page.respond();
}

awaitable<Response> new_group(OrgRequest& req, const PagesDeps& deps) {
  GroupForm form;
  form.kind = "project";
  form.stage = "discover";
  form.level = "group";
  form.visibility = "organisation";
  form.create_key = security::random_token(16);
  co_return render_form(req, deps, form, {}, std::nullopt);
}

awaitable<Response> create_group(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto form = read_group(ctx.form);
  const auto errors = field_errors(t, check_group(form, true));
  if (!errors.empty()) co_return render_form(req, deps, form, errors, std::nullopt);
  auto op = deps.service->create_group(req.membership.org_id, req.principal.user_id, details_of(form), form.create_key);
  const long long id = co_await std::move(op);
  ctx.set_flash("groups.done.created", {{"name", form.name}});
  co_return http::redirect(ctx.request, group_url(req, id));
}

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

awaitable<Response> edit_group(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::edit_group);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  co_return render_form(req, deps, form_of(g.details), {}, g.id);
}

awaitable<Response> save_group(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::edit_group);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  auto form = read_group(ctx.form);
  form.stage = g.details.stage ? s(stage_code(*g.details.stage)) : "none";
  const auto errors = field_errors(t, check_group(form, false));
  if (!errors.empty()) co_return render_form(req, deps, form, errors, g.id);
  auto details = details_of(form);
  details.stage = g.details.stage;
  auto op = deps.service->update_group(req.membership.org_id, g.id, req.principal.user_id, std::move(details));
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash("groups.done.saved");
  co_return http::redirect(ctx.request, group_url(req, g.id));
}

namespace {

awaitable<Response> set_archived(OrgRequest& req, const PagesDeps& deps, bool archived) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, archived ? Action::archive_group : Action::restore_group);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  auto op = deps.service->set_archived(req.membership.org_id, g.id, req.principal.user_id, archived);
  if (co_await std::move(op)) {
    ctx.set_flash(archived ? "groups.done.archived" : "groups.done.restored", {{"name", g.details.name}});
  }
  co_return http::redirect(ctx.request, group_url(req, g.id));
}

}  // namespace

awaitable<Response> archive_group(OrgRequest& req, const PagesDeps& deps) { return set_archived(req, deps, true); }
awaitable<Response> restore_group(OrgRequest& req, const PagesDeps& deps) { return set_archived(req, deps, false); }

}  // namespace roundtable::groups::pages
