// Series of open sessions (coffee mornings): a group's series, making and changing one, its page with the sessions
// to come, more dates, the organisation's open sessions, and the attendance report (page and CSV).
#include "meetings/series_pages.hpp"

#include "markdown/markdown.hpp"
#include "meetings/london_time.hpp"
#include "meetings/series_form.hpp"
#include "organisations/organisation.hpp"
#include "organisations/organisation_pages.hpp"
#include "security/tokens.hpp"
#include "view/csv.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::meetings::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

policy::Facts series_facts(const series::Series& sr) {
  return {sr.group_visibility, sr.group_archived, false, false, sr.details.open_to_organisation};
}

bool may_series(const OrgRequest& req, const series::SeriesForViewer& v, Action action) {
  return policy::allows(actor_of(req, v.group_role), action, series_facts(v.series)) != policy::Verdict::deny;
}

std::string group_series_url(const OrgRequest& req, long long group_id) {
  return "/o/" + req.membership.org_slug + "/groups/" + std::to_string(group_id) + "/series";
}

/// The answer to send instead when the person may not do this (404, or two-step sign-in first).
std::optional<Response> refused(OrgRequest& req, const PagesDeps& deps, policy::Verdict verdict) {
  switch (verdict) {
    case policy::Verdict::allow: return std::nullopt;
    case policy::Verdict::need_two_step: return http::redirect(req.ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: break;
  }
  return deps.not_found(req.ctx);
}

/// "Wednesday" / "dydd Mercher".
std::string weekday_word(const core::Translator& t, int weekday) {
  return s(t("meetings.series.day." + std::to_string(weekday)));
}

/// "The first Wednesday of every month, 10:00am to 11:00am".
std::string pattern_words(const core::Translator& t, const series::SeriesDetails& d) {
  const auto weekday = weekday_word(t, d.recurrence.weekday);
  std::string pattern;
  switch (d.recurrence.frequency) {
    case series::Frequency::weekly:
      pattern = core::format(t("meetings.series.pattern.weekly"), {{"weekday", weekday}});
      break;
    case series::Frequency::fortnightly:
      pattern = core::format(t("meetings.series.pattern.fortnightly"), {{"weekday", weekday}});
      break;
    case series::Frequency::monthly:
      pattern = core::format(t("meetings.series.pattern.monthly." + std::to_string(d.recurrence.week_of_month)),
                             {{"weekday", weekday}});
      break;
  }
  // The clock times on the first date, as words ("10:00am").
  const auto first = series::slot_on(d.first, d.start_minute / 60, d.start_minute % 60, d.length_minutes);
  return core::format(
      t("meetings.series.pattern.times"),
      {{"pattern", pattern}, {"start", time_text(t, first.starts_at)}, {"end", time_text(t, first.ends_at)}});
}

std::string member_type_words(const core::Translator& t, std::string_view code) {
  const auto type = organisations::parse_member_type(code);
  return type ? organisations::pages::member_type_name(t, *type) : std::string(code);
}

/// "Staff who joined in the last 3 months must come to one session." ("" when there is no rule.)
std::string rule_words(const core::Translator& t, const series::Rule& rule) {
  if (rule.months <= 0 || rule.member_type.empty()) return {};
  return core::format(t.plural("meetings.series.rule.sentence", rule.months),
                      {{"type", member_type_words(t, rule.member_type)}});
}

/// "5 January 2027".
std::string date_words(const core::Translator& t, const series::Date& d) { return due_words(t, series::date_text(d)); }

void about_series(Html& h, const core::Translator& t, const series::Series& sr) {
  const auto& d = sr.details;
  govuk::SummaryList rows;
  {
    Html when;
    when.text(pattern_words(t, d));
    govuk::paragraph(when, t("meetings.when.uk_time"), "govuk-body-s govuk-!-margin-bottom-0");
    rows.rows.push_back({.key = {.text = s(t("meetings.series.about.when"))}, .value = {.html = std::move(when)}});
  }
  {
    std::string dates = core::format(t("meetings.series.about.from"), {{"date", date_words(t, d.first)}});
    if (d.last)
      dates = core::format(t("meetings.series.about.from_to"),
                           {{"from", date_words(t, d.first)}, {"to", date_words(t, *d.last)}});
    rows.rows.push_back({.key = {.text = s(t("meetings.series.about.dates"))}, .value = {.text = dates}});
  }
  if (!d.online_url.empty()) {
    Html online;
    govuk::link(online, d.online_url, t("meetings.about.join_online"));
    govuk::paragraph(online, d.online_url, "govuk-body-s govuk-!-margin-bottom-0 rt-pre-line");
    rows.rows.push_back({.key = {.text = s(t("meetings.about.online"))}, .value = {.html = std::move(online)}});
  }
  if (!d.venue.empty()) {
    rows.rows.push_back(
        {.key = {.text = s(t("meetings.about.venue"))}, .value = {.text = d.venue, .classes = "rt-pre-line"}});
  }
  if (!d.venue.empty() || !d.access.empty() || !d.access_notes.empty()) {
    Html access;
    if (d.access.empty()) {
      govuk::paragraph(access, t("meetings.about.access_none"), "govuk-body govuk-!-margin-bottom-0");
    } else {
      govuk::List items{.bullet = true};
      for (Access a : d.access) items.items.emplace_back(access_name(t, a));
      govuk::list(access, items);
    }
    if (!d.access_notes.empty()) govuk::paragraph(access, d.access_notes, "govuk-body rt-pre-line");
    rows.rows.push_back({.key = {.text = s(t("meetings.about.access"))}, .value = {.html = std::move(access)}});
  }
  rows.rows.push_back({.key = {.text = s(t("meetings.series.about.who"))},
                       .value = {.text = s(t(d.open_to_organisation ? "meetings.series.about.open"
                                                                    : "meetings.series.about.group_only"))}});
  govuk::summary_list(h, rows);
}

void render_form(OrgRequest& req, const PagesDeps& deps, view::PageBuilder& page, const std::string& action,
                 const SeriesForm& form, const std::vector<view::FieldError>& errors, bool creating) {
  (void)deps;
  auto& ctx = req.ctx;
  auto t = ctx.t();
  Html& h = page.body();
  if (creating) govuk::paragraph(h, t("meetings.series.new.lead"));
  govuk::form_start(h, {.action = action, .csrf_token = ctx.csrf_token});
  if (creating) govuk::hidden(h, "create_key", form.create_key);
  govuk::input(h, {.id = "title",
                   .name = "title",
                   .value = form.title,
                   .label = small_label(s(t("meetings.series.form.title"))),
                   .hint = {.text = s(t("meetings.series.form.title_hint"))},
                   .error_message = field_error_message(t, errors, "title")});
  govuk::textarea(h, {.id = "purpose",
                      .name = "purpose",
                      .rows = 5,
                      .value = form.purpose,
                      .label = small_label(s(t("meetings.series.form.purpose"))),
                      .hint = {.text = s(t("meetings.series.form.purpose_hint"))},
                      .error_message = field_error_message(t, errors, "purpose")});
  govuk::heading(h, 2, "m", t("meetings.series.form.when_title"));
  if (creating) {
    govuk::Radios frequency{.name = "frequency",
                            .value = form.frequency,
                            .fieldset = small_legend(s(t("meetings.series.form.frequency"))),
                            .error_message = field_error_message(t, errors, "frequency")};
    for (const char* code : {"weekly", "fortnightly", "monthly"}) {
      frequency.items.push_back({.text = s(t("meetings.series.frequency." + std::string(code))), .value = code});
    }
    govuk::radios(h, frequency);
    govuk::Select weekday{.id = "weekday",
                          .name = "weekday",
                          .value = form.weekday,
                          .label = small_label(s(t("meetings.series.form.weekday"))),
                          .error_message = field_error_message(t, errors, "weekday")};
    for (int day : {1, 2, 3, 4, 5, 6, 0}) {
      weekday.items.push_back({.value = std::to_string(day), .text = s(t("meetings.weekday." + std::to_string(day)))});
    }
    govuk::select(h, weekday);
    govuk::Select week{.id = "week_of_month",
                       .name = "week_of_month",
                       .value = form.week_of_month,
                       .label = small_label(s(t("meetings.series.form.week_of_month"))),
                       .hint = {.text = s(t("meetings.series.form.week_of_month_hint"))},
                       .error_message = field_error_message(t, errors, "week_of_month")};
    for (int n = 1; n <= series::kLastWeek; ++n) {
      week.items.push_back({.value = std::to_string(n), .text = s(t("meetings.series.week." + std::to_string(n)))});
    }
    govuk::select(h, week);
  } else {
    govuk::inset_text(h, {.text = s(t("meetings.series.edit.pattern_fixed"))});
  }
  govuk::input(h, {.id = "start",
                   .name = "start",
                   .value = form.start,
                   .label = small_label(s(t("meetings.series.form.start"))),
                   .hint = {.text = s(t("meetings.series.form.start_hint"))},
                   .error_message = field_error_message(t, errors, "start"),
                   .classes = "govuk-input--width-5",
                   .autocomplete = "off",
                   .spellcheck = false});
  govuk::input(h, {.id = "length",
                   .name = "length",
                   .inputmode = "numeric",
                   .value = form.length,
                   .label = small_label(s(t("meetings.series.form.length"))),
                   .hint = {.text = s(t("meetings.series.form.length_hint"))},
                   .error_message = field_error_message(t, errors, "length"),
                   .classes = "govuk-input--width-4",
                   .autocomplete = "off",
                   .spellcheck = false});
  if (creating) {
    date_fields(h, t, "first", {form.first_day, form.first_month, form.first_year}, s(t("meetings.series.form.first")),
                s(t("meetings.series.form.first_hint")), errors);
  }
  date_fields(h, t, "last", {form.last_day, form.last_month, form.last_year}, s(t("meetings.series.form.last")),
              s(t("meetings.series.form.last_hint")), errors);
  where_fields(h, t, {form.online_url, form.venue, form.access, form.access_notes}, errors);
  govuk::heading(h, 2, "m", t("meetings.series.form.who_title"));
  govuk::Checkboxes open{.name = "open",
                         .values = form.open ? std::vector<std::string>{"yes"} : std::vector<std::string>{}};
  open.items.push_back({.text = s(t("meetings.series.form.open")),
                        .value = "yes",
                        .hint = {.text = s(t("meetings.series.form.open_hint"))}});
  govuk::checkboxes(h, open);
  govuk::Radios type{.name = "rule_type",
                     .value = form.rule_type,
                     .fieldset = small_legend(s(t("meetings.series.form.rule_type"))),
                     .hint = {.text = s(t("meetings.series.form.rule_type_hint"))},
                     .error_message = field_error_message(t, errors, "rule_type")};
  type.items.push_back({.text = s(t("meetings.series.form.rule_none")), .value = ""});
  for (const char* code : kRuleMemberTypes) type.items.push_back({.text = member_type_words(t, code), .value = code});
  govuk::radios(h, type);
  govuk::input(h, {.id = "rule_months",
                   .name = "rule_months",
                   .inputmode = "numeric",
                   .value = form.rule_months,
                   .label = small_label(s(t("meetings.series.form.rule_months"))),
                   .hint = {.text = s(t("meetings.series.form.rule_months_hint"))},
                   .error_message = field_error_message(t, errors, "rule_months"),
                   .classes = "govuk-input--width-2",
                   .autocomplete = "off",
                   .spellcheck = false});
  submit_button(h, t(creating ? "meetings.series.new.button" : "meetings.series.edit.button"));
  govuk::form_end(h);
}

/// The series named by {series}, when the person may do this to it; otherwise the answer to send instead.
awaitable<std::variant<SeriesPage, Response>> load_series(OrgRequest& req, const PagesDeps& deps, Action action) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("series"));
  if (!id || !deps.series) co_return deps.not_found(ctx);
  auto op = deps.series->page(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto verdict =
      policy::allows(actor_of(req, found->series.group_role), action, series_facts(found->series.series));
  if (auto r = refused(req, deps, verdict)) co_return std::move(*r);
  co_return std::move(*found);
}

void session_rows(Html& h, const core::Translator& t, const OrgRequest& req, const std::vector<series::Session>& list,
                  bool past) {
  view::scroll_region_start(h, t, t(past ? "meetings.series.page.past" : "meetings.series.page.upcoming"));
  govuk::TableWriter table(h, {.head = {{.text = s(t("meetings.series.page.col_when"))},
                                        {.text = s(t("meetings.series.page.col_going")), .format = "numeric"},
                                        {.text = s(t("meetings.series.page.col_you"))}}});
  for (const auto& one : list) {
    table.begin_row();
    Html when;
    govuk::link(when, meeting_url(req, one.id), when_text(t, one.starts_at, one.ends_at));
    if (one.cancelled) {
      when.text(" ");
      govuk::tag(when, {.text = s(t("meetings.cancelled_tag")), .classes = "govuk-tag--red"});
    }
    table.cell({.html = std::move(when)});
    table.cell({.text = std::to_string(one.going), .format = "numeric"});
    if (one.mine) {
      table.cell({.text = answer_name(t, *one.mine)});
    } else if (!past && !one.cancelled) {
      Html reply;
      govuk::link(reply, meeting_url(req, one.id) + "/reply", t("meetings.series.page.reply"));
      table.cell({.html = std::move(reply)});
    } else {
      table.cell({.text = ""});
    }
    table.end_row();
  }
  table.end();
  view::scroll_region_end(h);
}

struct ReportRows {
  std::vector<std::string> head;
};

std::string types_words(const core::Translator& t, const std::vector<std::string>& types) {
  std::string out;
  for (const auto& type : types) out += (out.empty() ? "" : ", ") + member_type_words(t, type);
  return out;
}

std::string days_words(const core::Translator& t, const std::vector<long long>& starts) {
  std::string out;
  for (long long at : starts) out += (out.empty() ? "" : "; ") + day_text(t, at);
  return out;
}

}  // namespace

std::string series_url(const OrgRequest& req, long long id) {
  return "/o/" + req.membership.org_slug + "/series/" + std::to_string(id);
}

awaitable<Response> group_series(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto id = http::parse_id(ctx.param("group"));
  if (!id || !deps.series) co_return deps.not_found(ctx);
  auto op = deps.series->group_series(req.membership.org_id, *id, req.principal.user_id);
  const auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto& g = found->group;
  const auto actor = actor_of(req, g.role);
  if (auto r = refused(req, deps, policy::allows(actor, Action::list_meetings, group_facts(g.group)))) {
    co_return std::move(*r);
  }
  auto page = page_builder(ctx, deps, s(t("meetings.series.group.title")));
  page.caption(g.group.details.name)
      .back_link("/o/" + req.membership.org_slug + "/groups/" + std::to_string(g.group.id),
                 s(t("meetings.back_to_group")));
  Html& h = page.body();
  govuk::paragraph(h, t("meetings.series.group.lead"));
  if (policy::allows(actor, Action::schedule_meeting, group_facts(g.group)) != policy::Verdict::deny) {
    govuk::button(h, {.text = s(t("meetings.series.group.new")), .href = group_series_url(req, g.group.id) + "/new"});
  }
  if (found->series.empty()) {
    govuk::paragraph(h, t("meetings.series.group.none"));
  } else {
    govuk::List items{.bullet = true};
    for (const auto& [sid, title] : found->series) {
      Html item;
      govuk::link(item, series_url(req, sid), title);
      items.items.emplace_back(std::move(item));
    }
    govuk::list(h, items);
  }
  govuk::link_paragraph(h, "/o/" + req.membership.org_slug + "/open-sessions", t("meetings.series.open.link"));
  co_return page.respond();
}

awaitable<Response> new_series(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_group(req, deps, Action::schedule_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded).group;
  SeriesForm form;
  form.create_key = security::random_token(16);
  form.frequency = "monthly";
  form.weekday = "3";
  form.week_of_month = "1";
  form.length = "60";
  // Open to everyone by default in a group that is a series of open sessions.
  form.open = g.details.kind == groups::Kind::series;
  auto page = page_builder(ctx, deps, s(t("meetings.series.new.title")));
  const auto base = group_series_url(req, g.id);
  page.caption(g.details.name).back_link(base, s(t("meetings.series.back")));
  render_form(req, deps, page, base, form, {}, true);
  co_return page.respond();
}

awaitable<Response> create_series(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_group(req, deps, Action::schedule_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded).group;
  const auto form = read_series(ctx.form);
  const auto base = group_series_url(req, g.id);
  const auto errors = field_errors(t, check_series(form, true, deps.service->now()));
  if (!errors.empty()) {
    auto page = page_builder(ctx, deps, s(t("meetings.series.new.title")));
    page.caption(g.details.name).back_link(base, s(t("meetings.series.back"))).errors(t, errors);
    render_form(req, deps, page, base, form, errors, true);
    co_return page.respond();
  }
  auto op = deps.series->create(who_of(req), req.membership.org_id, g.id, details_of(form), form.create_key);
  const long long id = co_await std::move(op);
  if (id == 0) co_return deps.not_found(ctx);
  ctx.set_flash("meetings.series.done.created", {{"title", form.title}});
  co_return http::redirect(ctx.request, series_url(req, id));
}

awaitable<Response> series_page(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_series(req, deps, Action::see_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& p = std::get<SeriesPage>(loaded);
  const auto& sr = p.series.series;
  const long long now = deps.service->now();
  const auto base = series_url(req, sr.id);
  auto page = page_builder(ctx, deps, sr.details.title);
  page.caption(sr.group_name);
  if (may_series(req, p.series, Action::list_meetings)) {
    page.back_link(group_series_url(req, sr.group_id), s(t("meetings.series.back")));
  } else {
    page.back_link("/o/" + req.membership.org_slug + "/open-sessions", s(t("meetings.series.open.back")));
  }
  Html& h = page.body();
  about_series(h, t, sr);
  if (const auto rule = rule_words(t, sr.details.rule); !rule.empty()) {
    govuk::inset_text(h, {.text = rule});
  }
  govuk::heading(h, 2, "m", t("meetings.series.page.purpose_title"));
  markdown::render(h, sr.details.purpose, {.top_heading_level = 3});

  std::vector<series::Session> upcoming, past;
  for (const auto& one : p.sessions) (one.ends_at > now ? upcoming : past).push_back(one);
  govuk::heading(h, 2, "m", t("meetings.series.page.upcoming"));
  if (upcoming.empty()) {
    govuk::paragraph(h, t("meetings.series.page.none_upcoming"));
  } else {
    session_rows(h, t, req, upcoming, false);
  }
  if (!past.empty()) {
    govuk::heading(h, 2, "m", t("meetings.series.page.past"));
    std::reverse(past.begin(), past.end());
    session_rows(h, t, req, past, true);
  }

  const bool runs = may_series(req, p.series, Action::schedule_meeting) && !sr.group_archived;
  const bool reports = may_series(req, p.series, Action::see_checklist);
  if (runs || reports) {
    govuk::heading(h, 2, "m", t("meetings.series.page.run_title"));
    if (reports) govuk::link_paragraph(h, base + "/report", t("meetings.series.page.report_link"));
    if (runs) {
      govuk::link_paragraph(h, base + "/edit", t("meetings.series.page.edit_link"));
      govuk::paragraph(h, t("meetings.series.page.cancel_one"));
      govuk::paragraph(h, t.plural("meetings.series.page.more_lead", series::kMonthsAhead));
      govuk::button_form(
          h, {.form = {.action = base + "/dates", .csrf_token = ctx.csrf_token},
              .button = {.text = s(t("meetings.series.page.more_button")), .classes = "govuk-button--secondary"}});
    }
  }
  co_return page.respond();
}

awaitable<Response> edit_series(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_series(req, deps, Action::schedule_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& sr = std::get<SeriesPage>(loaded).series.series;
  if (sr.group_archived) co_return deps.not_found(ctx);
  const auto base = series_url(req, sr.id);
  auto page = page_builder(ctx, deps, s(t("meetings.series.edit.title")));
  page.caption(sr.details.title).back_link(base, s(t("meetings.series.back_to_series")));
  render_form(req, deps, page, base + "/edit", form_of(sr.details), {}, false);
  co_return page.respond();
}

awaitable<Response> save_series(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_series(req, deps, Action::schedule_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& sr = std::get<SeriesPage>(loaded).series.series;
  const auto base = series_url(req, sr.id);
  auto form = read_series(ctx.form);
  // The first date cannot change; it is checked against the last.
  form.first_day = std::to_string(sr.details.first.day);
  form.first_month = std::to_string(sr.details.first.month);
  form.first_year = std::to_string(sr.details.first.year);
  const auto errors = field_errors(t, check_series(form, false, deps.service->now()));
  if (!errors.empty()) {
    auto page = page_builder(ctx, deps, s(t("meetings.series.edit.title")));
    page.caption(sr.details.title).back_link(base, s(t("meetings.series.back_to_series"))).errors(t, errors);
    render_form(req, deps, page, base + "/edit", form, errors, false);
    co_return page.respond();
  }
  auto op = deps.series->update(who_of(req), req.membership.org_id, sr.id, details_of(form));
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash("meetings.series.done.saved");
  co_return http::redirect(ctx.request, base);
}

awaitable<Response> add_series_dates(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load_series(req, deps, Action::schedule_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& sr = std::get<SeriesPage>(loaded).series.series;
  auto op = deps.series->add_dates(who_of(req), req.membership.org_id, sr.id);
  const auto made = co_await std::move(op);
  if (!made) co_return deps.not_found(ctx);
  ctx.set_flash(*made > 0 ? "meetings.series.done.more" : "meetings.series.done.no_more",
                {{"count", std::to_string(*made)}});
  co_return http::redirect(ctx.request, series_url(req, sr.id));
}

awaitable<Response> series_report(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_series(req, deps, Action::see_checklist);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& sr = std::get<SeriesPage>(loaded).series.series;
  auto op = deps.series->report(who_of(req), req.membership.org_id, sr.id);
  const auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto& rule = sr.details.rule;
  const auto base = series_url(req, sr.id);
  auto page = page_builder(ctx, deps, s(t("meetings.series.report.title")));
  page.caption(sr.details.title).back_link(base, s(t("meetings.series.back_to_series")));
  Html& h = page.body();
  if (const auto words = rule_words(t, rule); !words.empty()) {
    govuk::inset_text(h, {.text = words});
    govuk::heading(h, 2, "m", t("meetings.series.report.not_yet_title"));
    if (found->report.not_yet.empty()) {
      govuk::paragraph(h, t("meetings.series.report.not_yet_none"));
    } else {
      govuk::paragraph(
          h, t.plural("meetings.series.report.not_yet_count", static_cast<long long>(found->report.not_yet.size())));
      view::scroll_region_start(h, t, t("meetings.series.report.not_yet_title"));
      govuk::TableWriter table(h, {.head = {{.text = s(t("meetings.series.report.col_name"))},
                                            {.text = s(t("meetings.series.report.col_type"))},
                                            {.text = s(t("meetings.series.report.col_joined"))},
                                            {.text = s(t("meetings.series.report.col_due"))},
                                            {.text = s(t("meetings.series.report.col_going"))}}});
      for (const auto& p : found->report.not_yet) {
        table.begin_row();
        table.cell({.text = p.name});
        table.cell({.text = types_words(t, p.member_types)});
        table.cell({.text = date_words(t, series::london_date(p.joined_at))});
        table.cell({.text = date_words(t, series::due_by(series::london_date(p.joined_at), rule.months))});
        table.cell({.text = p.going.empty() ? s(t("meetings.series.report.going_none")) : days_words(t, p.going)});
        table.end_row();
      }
      table.end();
      view::scroll_region_end(h);
    }
  } else {
    govuk::paragraph(h, t("meetings.series.report.no_rule"));
  }
  govuk::heading(h, 2, "m", t("meetings.series.report.came_title"));
  if (found->report.came.empty()) {
    govuk::paragraph(h, t("meetings.series.report.came_none"));
  } else {
    view::scroll_region_start(h, t, t("meetings.series.report.came_title"));
    govuk::TableWriter table(h, {.head = {{.text = s(t("meetings.series.report.col_name"))},
                                          {.text = s(t("meetings.series.report.col_type"))},
                                          {.text = s(t("meetings.series.report.col_joined"))},
                                          {.text = s(t("meetings.series.report.col_came"))}}});
    for (const auto& p : found->report.came) {
      table.begin_row();
      table.cell({.text = p.name});
      table.cell({.text = types_words(t, p.member_types)});
      table.cell({.text = date_words(t, series::london_date(p.joined_at))});
      table.cell({.text = days_words(t, p.attended)});
      table.end_row();
    }
    table.end();
    view::scroll_region_end(h);
  }
  govuk::paragraph(h, t("meetings.series.report.how"));
  govuk::link_paragraph(h, base + "/report.csv", t("meetings.series.report.csv_link"));
  co_return page.respond();
}

awaitable<Response> series_report_csv(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_series(req, deps, Action::see_checklist);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& sr = std::get<SeriesPage>(loaded).series.series;
  auto op = deps.series->report(who_of(req), req.membership.org_id, sr.id);
  const auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto& rule = sr.details.rule;
  view::Csv csv;
  csv.row({t("meetings.series.report.col_name"), t("meetings.series.report.col_type"),
           t("meetings.series.report.col_joined"), t("meetings.series.report.col_due"),
           t("meetings.series.report.col_status"), t("meetings.series.report.col_came"),
           t("meetings.series.report.col_going")});
  const auto row = [&](const series::ReportPerson& p, bool came) {
    const auto joined = series::london_date(p.joined_at);
    const auto due = rule.months > 0 ? series::date_text(series::due_by(joined, rule.months)) : std::string();
    const auto status = s(t(came ? "meetings.series.report.status_came" : "meetings.series.report.status_not_yet"));
    csv.row({p.name, types_words(t, p.member_types), series::date_text(joined), due, status, days_words(t, p.attended),
             days_words(t, p.going)});
  };
  for (const auto& p : found->report.not_yet) row(p, false);
  for (const auto& p : found->report.came) row(p, true);
  co_return view::csv_download(ctx, "series-" + std::to_string(sr.id) + "-attendance.csv", csv);
}

awaitable<Response> open_sessions(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  if (!deps.series) co_return deps.not_found(ctx);
  auto op = deps.series->open_sessions(req.membership.org_id);
  const auto list = co_await std::move(op);
  auto page = page_builder(ctx, deps, s(t("meetings.series.open.title")));
  page.caption(req.membership.org_name)
      .back_link("/o/" + req.membership.org_slug, s(t("meetings.series.open.back_to_org")));
  Html& h = page.body();
  govuk::paragraph(h, t("meetings.series.open.lead"));
  if (list.empty()) {
    govuk::paragraph(h, t("meetings.series.open.none"));
    co_return page.respond();
  }
  for (const auto& o : list) {
    govuk::SummaryList rows;
    rows.rows.push_back({.key = {.text = s(t("meetings.series.open.group"))}, .value = {.text = o.group_name}});
    rows.rows.push_back(
        {.key = {.text = s(t("meetings.series.open.next"))},
         .value = {.text = o.next_starts_at ? day_text(t, o.next_starts_at) + ", " + time_text(t, o.next_starts_at)
                                            : s(t("meetings.series.open.no_next"))}});
    Html title;
    govuk::link(title, series_url(req, o.id), o.title);
    rows.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.html = std::move(title), .heading_level = 2}};
    govuk::summary_list(h, rows);
  }
  co_return page.respond();
}

}  // namespace roundtable::meetings::pages
