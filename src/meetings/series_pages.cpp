// Series of open sessions (coffee mornings): a group's series, a series' page with the sessions to come, more dates,
// and the organisation's open sessions. Making and changing one: series_form_pages.cpp; the attendance report:
// series_report_pages.cpp.
#include "meetings/series_pages.hpp"

#include "markdown/markdown.hpp"
#include "meetings/london_time.hpp"
#include "meetings/series_page_parts.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::meetings::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

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
