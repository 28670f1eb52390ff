// The list of groups, starting one, changing its details, archiving and restoring it (its home page is in
// group_home_page.cpp).
#include "groups/group_pages.hpp"

#include <charconv>
#include <iterator>

#include "groups/group_form.hpp"
#include "markdown/markdown.hpp"
#include "organisations/organisation_pages.hpp"
#include "security/tokens.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/govuk/summary_writer.hpp"
#include "view/html.hpp"

namespace roundtable::groups::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

constexpr int kGroupsPerPage = 50;

using view::s;

/// The group a page of the list starts after (?after=ID); none for the first page, or for anything else.
std::optional<long long> group_after(const RequestContext& ctx) {
  const auto query = ctx.query_params();
  const auto v = query.value("after");
  long long n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n < 1) return std::nullopt;
  return n;
}

/// The words every card of the list shares, looked up once a page rather than once a card (a page has 50 and more).
struct CardWords {
  std::string purpose, kind, you, people, not_in, archived, url_prefix;
  std::string kinds[std::size(kAllKinds)];
  /// " – at the Discover stage", ..., in kAllStages' order.
  std::string at_stage[std::size(kAllStages)];
  std::string roles[std::size(kAllGroupRoles)];

  CardWords(const core::Translator& t, const OrgRequest& req)
      : purpose(t("groups.home.purpose")),
        kind(t("groups.home.kind")),
        you(t("groups.list.you")),
        people(t("groups.list.people")),
        not_in(t("groups.list.not_in")),
        archived(t("groups.archived_tag")),
        url_prefix(groups_url(req) + "/") {
    for (Kind k : kAllKinds) kinds[static_cast<std::size_t>(k)] = kind_name(t, k);
    for (Stage st : kAllStages) {
      at_stage[static_cast<std::size_t>(st)] =
          " – " + core::format(t("groups.list.at_stage"), {{"stage", stage_name(t, st)}});
    }
    for (GroupRole r : kAllGroupRoles) roles[static_cast<std::size_t>(r)] = group_role_name(t, r);
  }

  /// "12 people": made once a page for each number of people the page shows (many groups share one).
  std::string_view people_count(const core::Translator& t, long long n) {
    if (n < 0 || n > 1000) return other_count = t.plural("groups.list.people_count", n);
    if (people_counts.size() <= static_cast<std::size_t>(n)) people_counts.resize(static_cast<std::size_t>(n) + 1);
    std::string& words = people_counts[static_cast<std::size_t>(n)];
    if (words.empty()) words = t.plural("groups.list.people_count", n);
    return words;
  }

 private:
  std::vector<std::string> people_counts;
  std::string other_count;
};

/// About what one card writes (a summary card of four rows), to reserve the page's room once rather than let it
/// grow by doubling, copying what was written each time.
constexpr std::size_t kCardBytes = 1280;

/// One group in the list: its name (and picture) as a card's title, what it is for, its kind and stage, the
/// viewer's part in it and how many people are in it. Written straight into the page (a page has 50 cards and more):
/// no row structs, and no buffer of its own for the title.
void group_card(Html& h, const core::Translator& t, CardWords& w, const GroupListed& g) {
  govuk::summary_card_start(h, 3);
  if (!g.picture_url.empty()) {
    // A small copy of the group's picture beside its name; the name says what it is, so it needs no words.
    h.raw("<img class=\"rt-group-thumb\" src=\"").text(g.picture_url).raw("\" alt=\"\">");
  }
  govuk::link(h, w.url_prefix + std::to_string(g.id), g.name);
  if (g.archived) {
    h.text(" ");
    govuk::tag(h, {.text = w.archived, .classes = "govuk-tag--grey"});
  }
  govuk::summary_card_content(h, 3);
  govuk::SummaryListWriter rows(h);
  rows.row(w.purpose, g.purpose);
  rows.key().text(w.kind);
  rows.value().text(w.kinds[static_cast<std::size_t>(g.kind)]);
  if (g.stage) h.text(w.at_stage[static_cast<std::size_t>(*g.stage)]);
  rows.end_row();
  rows.row(w.you, g.role ? w.roles[static_cast<std::size_t>(*g.role)] : w.not_in);
  rows.row(w.people, w.people_count(t, g.member_count));
  rows.end();
  govuk::summary_card_end(h);
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

}  // namespace

awaitable<Response> groups(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto after = group_after(ctx);
  // The organisation's admins see every group (members-only ones too), once two-step sign-in is passed.
  const bool all = sees_every_group(req);
  auto op = deps.service->list_groups(req.membership.org_id, req.principal.user_id, all, after, kGroupsPerPage);
  const auto list = co_await std::move(op);
  auto page = page_builder(ctx, deps, s(t("groups.list.title")));
  page.caption(req.membership.org_name).back_link("/o/" + req.membership.org_slug, s(t("groups.back_to_org")));
  Html& h = page.body();
  govuk::paragraph(h, t("groups.list.lead"));
  if (policy::allows(actor_of(req, std::nullopt), Action::create_group) != policy::Verdict::deny) {
    govuk::button(h, {.text = s(t("groups.list.create")), .href = groups_url(req) + "/new"});
  }
  CardWords words(t, req);
  h.reserve((list.mine.size() + list.others.size()) * kCardBytes);
  if (!list.mine.empty()) {
    govuk::heading(h, 2, "m", t("groups.list.yours"));
    for (const auto& g : list.mine) group_card(h, t, words, g);
  }
  if (!list.others.empty()) {
    // On the first page, "other groups" only when the person is in some; otherwise they are simply the groups.
    if (!list.mine.empty() || after) govuk::heading(h, 2, "m", t("groups.list.others"));
    for (const auto& g : list.others) group_card(h, t, words, g);
  } else if (after) {
    govuk::paragraph(h, t("groups.list.none_on_page"));
  } else {
    govuk::paragraph(h, t(list.mine.empty() ? "groups.list.none" : "groups.list.no_others"));
  }
  if (!list.mine.empty() || !list.others.empty()) {
    govuk::link_paragraph(h, groups_url(req) + ".csv", t("groups.csv.groups_link"));
  }
  if (after || list.next_after) {
    govuk::Pagination pagination{.landmark_label = s(t("pagination.label"))};
    if (after)
      pagination.previous = govuk::PaginationLink{.text = s(t("groups.list.first_page")), .href = groups_url(req)};
    if (list.next_after) {
      pagination.next = govuk::PaginationLink{.text = s(t("pagination.next")),
                                              .href = groups_url(req) + "?after=" + std::to_string(*list.next_after)};
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
