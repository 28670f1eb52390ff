// The loop's pages: a contribution's timeline, "Say what happened next", a group's "You said, we did" and a
// person's "What happened to what I said".
#include "loop/loop_pages.hpp"

#include "http/form.hpp"
#include "loop/loop_page_parts.hpp"
#include "loop/loop_words.hpp"
#include "module/follow_ups_section.hpp"
#include "security/tokens.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::loop::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

using view::s;

policy::Actor actor_of(const OrgRequest& req, std::optional<groups::GroupRole> role) {
  return {req.membership.role, req.principal.two_step, role};
}

std::optional<groups::GroupRole> role_of(std::string_view code) {
  if (code.empty()) return std::nullopt;
  return groups::parse_group_role(code);
}

policy::Facts facts_of(const module::Contribution& c) {
  return {groups::parse_visibility(c.group_visibility).value_or(groups::Visibility::members), c.group_archived, true};
}

bool may(const OrgRequest& req, const Timeline& tl, Action action) {
  return policy::allows(actor_of(req, role_of(tl.contribution.viewer_role)), action, facts_of(tl.contribution)) ==
         policy::Verdict::allow;
}

/// The contribution named by {kind} and {id}, when the person may do this with it; otherwise the answer to send.
awaitable<std::variant<Timeline, Response>> load(OrgRequest& req, const PagesDeps& deps, Action action) {
  auto& ctx = req.ctx;
  const auto id = ctx.id_param("id");
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = deps.service->timeline(req.membership.org_id, std::string(ctx.param("kind")), *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found || !may(req, *found, action)) co_return deps.not_found(ctx);
  co_return std::move(*found);
}

/// A status as a tag ("Changed"), coloured by what it is.
void status_tag(Html& h, const core::Translator& t, Status st) {
  const char* colour = st == Status::changed           ? "govuk-tag--green"
                       : st == Status::decided_against ? "govuk-tag--red"
                       : st == Status::not_now         ? "govuk-tag--grey"
                                                       : "govuk-tag--blue";
  govuk::tag(h, {.text = s(status_name(t, st)), .classes = colour});
}

/// One contribution's "You said" and "We did", as a summary card; its title links to the timeline when `href` is
/// set (for the people who may see the contribution).
void entry_card(Html& h, const core::Translator& t, const Entry& e, const std::string& href, const std::string& where) {
  govuk::SummaryList list;
  Html title;
  status_tag(title, t, e.status);
  list.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.html = std::move(title), .heading_level = 2}};
  if (!href.empty()) {
    list.card->actions.items.push_back(
        {.href = href, .text = s(t("loop.entry.see")), .visually_hidden_text = s(t("loop.entry.see_hidden"))});
  }
  list.rows.push_back({.key = {.text = s(t("loop.entry.you_said"))}, .value = {.text = e.said}});
  list.rows.push_back(
      {.key = {.text = s(t("loop.entry.we_did"))}, .value = {.text = we_did(t, e.status, e.detail, e.until)}});
  if (!where.empty()) list.rows.push_back({.key = {.text = s(t("loop.entry.where"))}, .value = {.text = where}});
  list.rows.push_back(
      {.key = {.text = s(t("loop.entry.when"))}, .value = {.text = view::format_date(t, e.changed_at)}});
  govuk::summary_list(h, list);
}

/// The list of a group's entries ("You said, we did"), with links to each timeline for the group's people.
void group_entries(Html& h, const core::Translator& t, const GroupPage& found, bool links, const std::string& base,
                   bool has_before) {
  if (found.page.entries.empty()) {
    govuk::paragraph(h, t(has_before ? "loop.list.no_more" : "loop.group.none"));
    return;
  }
  for (const auto& e : found.page.entries) {
    entry_card(h, t, e, links ? timeline_url(found.group.org_slug, e.kind, e.id) : std::string(), "");
  }
  pagination(h, t, base, has_before, found.page);
}

Response render_form(OrgRequest& req, const PagesDeps& deps, const Timeline& tl, const StatusForm& form,
                     const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const std::string back = timeline_url(req.membership.org_slug, tl.kind, tl.id);
  auto page = page_builder(ctx, deps, s(t("loop.form.title")));
  page.caption(tl.contribution.title).back_link(back, s(t("loop.back_to_timeline"))).errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, core::format(t("loop.form.lead"), {{"group", tl.contribution.group_name}}));
  govuk::form_start(h, {.action = back + "/status", .csrf_token = ctx.csrf_token});
  govuk::hidden(h, "change_key", form.change_key);
  govuk::Radios status{.name = "status",
                       .value = form.status,
                       .fieldset = small_legend(s(t("loop.form.status"))),
                       .error_message = field_error_message(t, errors, "status")};
  for (Status st : kAllStatuses) {
    status.items.push_back({.text = s(status_name(t, st)),
                            .value = s(status_code(st)),
                            .hint = {.text = s(t("loop.form.hint." + s(status_code(st))))}});
  }
  govuk::radios(h, status);
  govuk::textarea(h, {.id = "detail",
                      .name = "detail",
                      .rows = 4,
                      .value = form.detail,
                      .label = small_label(s(t("loop.form.detail"))),
                      .hint = {.text = s(t("loop.form.detail_hint"))},
                      .error_message = field_error_message(t, errors, "detail")});
  // Beside the standard words, the same in easy read: shown on the easy-read "You said, we did" instead.
  govuk::textarea(h, {.id = "easy_read",
                      .name = "easy_read",
                      .rows = 3,
                      .value = form.easy_read,
                      .label = small_label(s(t("loop.form.easy_read"))),
                      .hint = {.text = s(t("loop.form.easy_read_hint"))},
                      .error_message = field_error_message(t, errors, "easy_read")});
  govuk::date_input(h, {.id = "until",
                        .name_prefix = "until",
                        .day = govuk::DateInputItem{.name = "day",
                                                    .label = s(t("loop.form.day")),
                                                    .value = form.until_day,
                                                    .classes = "govuk-input--width-2"},
                        .month = govuk::DateInputItem{.name = "month",
                                                      .label = s(t("loop.form.month")),
                                                      .value = form.until_month,
                                                      .classes = "govuk-input--width-2"},
                        .year = govuk::DateInputItem{.name = "year",
                                                     .label = s(t("loop.form.year")),
                                                     .value = form.until_year,
                                                     .classes = "govuk-input--width-4"},
                        .fieldset = small_legend(s(t("loop.form.until"))),
                        .hint = {.text = s(t("loop.form.until_hint"))},
                        .error_message = field_error_message(t, errors, "until-day")});
  govuk::textarea(h, {.id = "you_said",
                      .name = "you_said",
                      .rows = 3,
                      .value = form.you_said,
                      .label = small_label(s(t("loop.form.you_said"))),
                      .hint = {.text = s(t("loop.form.you_said_hint"))},
                      .error_message = field_error_message(t, errors, "you_said")});
  govuk::paragraph(h, t("loop.form.who_is_told"));
  submit_button(h, t("loop.form.button"));
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<Response> timeline(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::see_timeline);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& tl = std::get<Timeline>(loaded);
  const auto& c = tl.contribution;
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const std::string slug = req.membership.org_slug;
  auto page = page_builder(ctx, deps, s(t("loop.timeline.title")));
  page.caption(c.group_name).back_link("/o/" + slug + c.href, s(t("loop.back_to_contribution")));
  Html& h = page.body();
  govuk::SummaryList about;
  about.rows.push_back({.key = {.text = s(t("loop.timeline.kind"))}, .value = {.text = s(t(tl.kind_key))}});
  about.rows.push_back({.key = {.text = s(t("loop.timeline.contribution"))}, .value = {.text = c.title}});
  about.rows.push_back({.key = {.text = s(t("loop.timeline.by"))},
                        .value = {.text = c.author_id ? c.author_name : s(t("loop.former_member"))}});
  about.rows.push_back(
      {.key = {.text = s(t("loop.timeline.supporters"))},
       .value = {.text = t.plural("loop.timeline.supporter_count", static_cast<long long>(c.supporters.size()))}});
  govuk::summary_list(h, about);
  govuk::link_paragraph(h, "/o/" + slug + c.href, t("loop.timeline.open"));
  govuk::heading(h, 2, "m", t("loop.timeline.now"));
  if (tl.changes.empty()) {
    govuk::paragraph(h, t("loop.timeline.no_status"));
  } else {
    const auto& latest = tl.changes.front();
    Html tag;
    status_tag(tag, t, latest.status);
    govuk::paragraph(h, std::move(tag));
    govuk::paragraph(h, core::format(t("loop.timeline.you_said"), {{"what", tl.you_said}}), "govuk-body rt-pre-line");
    govuk::paragraph(
        h, core::format(t("loop.timeline.we_did"), {{"what", we_did(t, latest.status, latest.detail, latest.until)}}),
        "govuk-body rt-pre-line");
    if (!latest.easy_read.empty()) {
      govuk::paragraph(h, core::format(t("loop.timeline.easy_read"), {{"what", latest.easy_read}}),
                       "govuk-body rt-pre-line");
    }
  }
  if (may(req, tl, Action::set_status)) {
    govuk::button(h, {.text = s(t("loop.timeline.say")),
                      .href = timeline_url(slug, tl.kind, tl.id) + "/status",
                      .classes = "govuk-button--secondary"});
  }
  module::follow_ups_section(h, t, t("loop.timeline.follow_ups"), slug, tl.follow_ups);
  if (!tl.changes.empty()) {
    govuk::heading(h, 2, "m", t("loop.timeline.changes"));
    govuk::Table table{.caption = s(t("loop.timeline.changes_caption")),
                       .caption_classes = "govuk-visually-hidden",
                       .first_cell_is_header = true};
    table.head = {{.text = s(t("loop.timeline.when"))},
                  {.text = s(t("loop.timeline.status"))},
                  {.text = s(t("loop.timeline.what"))},
                  {.text = s(t("loop.timeline.who"))}};
    for (const auto& ch : tl.changes) {
      table.rows.push_back({{.text = view::format_datetime(t, ch.at)},
                            {.text = s(status_name(t, ch.status))},
                            {.text = we_did(t, ch.status, ch.detail, ch.until)},
                            {.text = ch.by_name.empty() ? s(t("loop.former_member")) : ch.by_name}});
    }
    // Four columns do not fit a phone: the table scrolls sideways in its own region instead of widening the page.
    view::scroll_region_start(h, t, t("loop.timeline.changes_caption"));
    govuk::table(h, table);
    view::scroll_region_end(h);
  }
  govuk::link_paragraph(h, "/o/" + slug + "/groups/" + std::to_string(c.group_id) + "/you-said-we-did",
                        t("loop.timeline.group_page"));
  co_return page.respond();
}

awaitable<Response> status_form(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::set_status);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& tl = std::get<Timeline>(loaded);
  StatusForm form;
  form.you_said = tl.you_said.empty() ? tl.contribution.title : tl.you_said;
  form.change_key = security::random_token(16);
  co_return render_form(req, deps, tl, form, {});
}

awaitable<Response> save_status(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::set_status);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& tl = std::get<Timeline>(loaded);
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const StatusForm form{ctx.form.trimmed("status"),      ctx.form.trimmed("detail"),     ctx.form.trimmed("until-day"),
                        ctx.form.trimmed("until-month"), ctx.form.trimmed("until-year"), ctx.form.trimmed("you_said"),
                        ctx.form.trimmed("change_key"),  ctx.form.trimmed("easy_read")};
  NewChange change;
  if (const auto problems = check_status(form, deps.service->today(), change); !problems.empty()) {
    co_return render_form(req, deps, tl, form, field_errors(t, problems));
  }
  if (change.change_key.empty()) change.change_key = security::random_token(16);
  auto op = deps.service->set_status({req.principal.user_id, req.membership.role, req.principal.two_step},
                                     req.membership.org_id, tl.kind, tl.id, std::move(change));
  const auto saved = co_await std::move(op);
  if (saved == Saved::refused) co_return deps.not_found(ctx);
  if (saved == Saved::done) ctx.set_flash("loop.done.saved");
  co_return http::redirect(ctx.request, timeline_url(req.membership.org_slug, tl.kind, tl.id));
}

std::string timeline_url(const std::string& slug, std::string_view kind, long long id) {
  return "/o/" + slug + "/loop/" + std::string(kind) + "/" + std::to_string(id);
}

void pagination(Html& h, const core::Translator& t, const std::string& base, bool has_before, const EntryPage& p) {
  if (!has_before && p.older.empty()) return;
  govuk::Pagination pagination{.landmark_label = s(t("pagination.label"))};
  if (has_before) pagination.previous = govuk::PaginationLink{.text = s(t("loop.list.newest")), .href = base};
  if (!p.older.empty()) {
    pagination.next = govuk::PaginationLink{.text = s(t("loop.list.older")), .href = base + "?before=" + p.older};
  }
  govuk::pagination(h, pagination);
}

void other_version_link(Html& h, const core::Translator& t, const std::string& href, bool to_easy_read) {
  govuk::link_paragraph(h, href, t(to_easy_read ? "loop.easy.link" : "loop.easy.standard_link"));
}

awaitable<std::variant<FoundGroup, Response>> load_group(OrgRequest& req, const PagesDeps& deps, Version version) {
  auto& ctx = req.ctx;
  const auto id = ctx.id_param("group");
  if (!id || !deps.service) co_return deps.not_found(ctx);
  const auto before = parse_page_key(ctx.query_params().value("before"));
  auto op = deps.service->group_page(req.membership.org_id, *id, req.principal.user_id, before, version);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto& g = found->group;
  const policy::Facts facts{g.visibility, g.archived, false};
  switch (policy::allows(actor_of(req, g.role), Action::see_group_page, facts)) {
    case policy::Verdict::allow: break;
    case policy::Verdict::need_two_step: co_return http::redirect(ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: co_return deps.not_found(ctx);
  }
  const bool sees = policy::allows(actor_of(req, g.role), Action::see_contributions, facts) == policy::Verdict::allow;
  std::string url = "/o/" + req.membership.org_slug + "/groups/" + std::to_string(g.id);
  co_return FoundGroup{std::move(*found), before, std::move(url), sees};
}

awaitable<std::variant<FoundGroup, Response>> load_public_group(RequestContext& ctx, const PagesDeps& deps) {
  const auto id = ctx.id_param("group");
  if (!id || !deps.service) co_return deps.not_found(ctx);
  const auto before = parse_page_key(ctx.query_params().value("before"));
  auto op = deps.service->public_group_page(std::string(ctx.param("org")), *id, before);
  auto found = co_await std::move(op);
  if (!found ||
      policy::allows({}, Action::see_public_page, {found->group.visibility, false, false}) != policy::Verdict::allow) {
    co_return deps.not_found(ctx);
  }
  std::string url = "/groups/" + found->group.org_slug + "/" + std::to_string(found->group.id);
  // Nobody's name, and no links into the organisation.
  co_return FoundGroup{std::move(*found), before, std::move(url), false};
}

awaitable<std::optional<FoundMine>> load_mine(RequestContext& ctx, const PagesDeps& deps, Version version) {
  if (!ctx.principal || !deps.service) co_return std::nullopt;
  const auto before = parse_page_key(ctx.query_params().value("before"));
  auto op = deps.service->mine(ctx.principal->user_id, before, version);
  auto page = co_await std::move(op);
  co_return FoundMine{std::move(page), before};
}

awaitable<Response> group_page(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_group(req, deps, Version::standard);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& l = std::get<FoundGroup>(loaded);
  const auto& g = l.found.group;
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const std::string list_url = l.group_url + "/you-said-we-did";
  auto page = page_builder(ctx, deps, s(t("loop.group.title")));
  page.caption(g.name).back_link(l.group_url, s(t("loop.back_to_group")));
  Html& h = page.body();
  govuk::paragraph(h, t("loop.group.lead"));
  other_version_link(h, t, list_url + "/easy-read", true);
  if (g.visibility == groups::Visibility::everyone) {
    govuk::link_paragraph(h, "/groups/" + req.membership.org_slug + "/" + std::to_string(g.id) + "/you-said-we-did",
                          t("loop.group.public_link"));
  }
  group_entries(h, t, l.found, l.sees_contributions, list_url, l.before.has_value());
  co_return page.respond();
}

awaitable<Response> public_group_page(RequestContext& ctx, const PagesDeps& deps) {
  auto loaded_op = load_public_group(ctx, deps);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& l = std::get<FoundGroup>(loaded);
  const auto& g = l.found.group;
  auto t = ctx.t();
  const std::string list_url = l.group_url + "/you-said-we-did";
  auto page = page_builder(ctx, deps, s(t("loop.group.title")));
  page.caption(g.name).back_link(l.group_url, s(t("loop.back_to_group")));
  Html& h = page.body();
  govuk::paragraph(h, core::format(t("loop.group.public_lead"), {{"org", g.org_name}}));
  other_version_link(h, t, list_url + "/easy-read", true);
  group_entries(h, t, l.found, false, list_url, l.before.has_value());
  co_return page.respond();
}

awaitable<Response> mine(RequestContext& ctx, const PagesDeps& deps) {
  auto loaded_op = load_mine(ctx, deps, Version::standard);
  const auto loaded = co_await std::move(loaded_op);
  if (!loaded) co_return deps.not_found(ctx);
  const auto& found = loaded->page;
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, s(t("loop.mine.title")));
  page.back_link("/account", s(t("loop.back_to_account")));
  Html& h = page.body();
  govuk::paragraph(h, t("loop.mine.lead"));
  other_version_link(h, t, "/account/what-happened/easy-read", true);
  if (found.entries.empty()) {
    govuk::paragraph(h, t(loaded->before ? "loop.list.no_more" : "loop.mine.none"));
  }
  for (const auto& e : found.entries) {
    const std::string where = core::format(t("loop.mine.where"), {{"group", e.group_name}, {"org", e.org_name}});
    entry_card(h, t, e, timeline_url(e.org_slug, e.kind, e.id), where);
  }
  pagination(h, t, "/account/what-happened", loaded->before.has_value(), found);
  co_return page.respond();
}

}  // namespace roundtable::loop::pages
