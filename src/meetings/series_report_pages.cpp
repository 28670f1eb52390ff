// Series of open sessions: the attendance report, as a page and as a spreadsheet file.
#include "http/form.hpp"
#include "meetings/series_page_parts.hpp"
#include "meetings/series_pages.hpp"
#include "view/csv.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/keyset_pagination.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::meetings::pages {

namespace {

namespace govuk = view::govuk;

/// People on one page of the report.
constexpr int kReportPageSize = 50;
using policy::Action;
using view::Html;

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

/// The attendance report of the series named by {series} for the page and the spreadsheet, or the answer to send
/// instead (as every page of the series answers: 404, or two-step sign-in first).
awaitable<std::variant<SeriesReport, Response>> load_report(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_series(req, deps, Action::see_checklist);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto op = deps.series->report(who_of(req), req.membership.org_id, std::get<SeriesPage>(loaded).series.series.id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(req.ctx);
  co_return std::move(*found);
}

}  // namespace

awaitable<Response> series_report(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  // Who may see it, as every page of the series answers (404, or two-step sign-in first).
  auto loaded_op = load_series(req, deps, Action::see_checklist);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto params = ctx.query_params();
  series_store::ReportQuery query;
  query.not_yet_only = params.trimmed("show") == "not_yet";
  query.after = http::parse_id(params.trimmed("after")).value_or(0);
  query.before = http::parse_id(params.trimmed("before")).value_or(0);
  query.limit = kReportPageSize;
  auto op = deps.series->report_page(who_of(req), req.membership.org_id, std::get<SeriesPage>(loaded).series.series.id,
                                     query);
  const auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto& sr = found->series.series;
  const auto& rule = sr.details.rule;
  const bool has_rule = !rule_words(t, rule).empty();
  const auto& sum = found->summary;
  const auto base = series_url(req, sr.id);
  auto page = page_builder(ctx, deps, s(t("meetings.series.report.title")));
  page.caption(sr.details.title).back_link(base, s(t("meetings.series.back_to_series")));
  Html& h = page.body();
  // The counts first: how many must come, have come and have not yet, whichever page this is.
  if (has_rule) {
    govuk::inset_text(h, {.text = rule_words(t, rule)});
    govuk::summary_list(
        h,
        {.rows = {
             {.key = {.text = s(t("meetings.series.report.sum_must"))}, .value = {.text = std::to_string(sum.must)}},
             {.key = {.text = s(t("meetings.series.report.sum_must_came"))},
              .value = {.text = std::to_string(sum.must_came)}},
             {.key = {.text = s(t("meetings.series.report.sum_not_yet"))},
              .value = {.text = std::to_string(sum.not_yet)}},
             {.key = {.text = s(t("meetings.series.report.sum_came"))}, .value = {.text = std::to_string(sum.came)}}}});
    // A GET form: the filter is in the address, works without JavaScript and survives paging.
    govuk::form_start(h, {.action = base + "/report", .get = true});
    govuk::checkboxes(h, {.name = "show",
                          .items = {{.text = s(t("meetings.series.report.filter_not_yet")), .value = "not_yet"}},
                          .values = {query.not_yet_only ? std::string("not_yet") : std::string()},
                          .classes = "govuk-checkboxes--small"});
    submit_button(h, t("meetings.series.report.filter_button"), "govuk-button--secondary");
    govuk::form_end(h);
  } else {
    govuk::paragraph(h, t("meetings.series.report.no_rule"));
    govuk::summary_list(h, {.rows = {{.key = {.text = s(t("meetings.series.report.sum_came"))},
                                      .value = {.text = std::to_string(sum.came)}}}});
  }
  govuk::heading(
      h, 2, "m",
      t(query.not_yet_only ? "meetings.series.report.not_yet_title" : "meetings.series.report.people_title"));
  const auto& rows = found->page.rows;
  if (rows.empty()) {
    govuk::paragraph(
        h, t(query.not_yet_only ? "meetings.series.report.not_yet_none"
                                : (has_rule ? "meetings.series.report.none" : "meetings.series.report.came_none")));
  } else {
    view::scroll_region_start(h, t, t("meetings.series.report.title"));
    govuk::TableWriter table(h, {.head = {{.text = s(t("meetings.series.report.col_name"))},
                                          {.text = s(t("meetings.series.report.col_type"))},
                                          {.text = s(t("meetings.series.report.col_joined"))},
                                          {.text = s(t("meetings.series.report.col_due"))},
                                          {.text = s(t("meetings.series.report.col_came"))},
                                          {.text = s(t("meetings.series.report.col_going"))}}});
    for (const auto& row : rows) {
      const auto& p = row.person;
      const auto joined = series::london_date(p.joined_at);
      table.begin_row();
      table.cell({.text = p.name});
      table.cell({.text = types_words(t, p.member_types)});
      table.cell({.text = date_words(t, joined)});
      table.cell({.text = row.must ? date_words(t, series::due_by(joined, rule.months))
                                   : s(t("meetings.series.report.due_none"))});
      table.cell(
          {.text = p.attended.empty() ? s(t("meetings.series.report.status_not_yet")) : days_words(t, p.attended)});
      table.cell({.text = p.going.empty() ? s(t("meetings.series.report.going_none")) : days_words(t, p.going)});
      table.end_row();
    }
    table.end();
    view::scroll_region_end(h);
  }
  if (!rows.empty()) {
    // Keyset pages by name then id.
    view::keyset_pagination(
        h, t, base + "/report?" + (query.not_yet_only ? "show=not_yet&" : ""),
        {found->page.more_before, rows.front().person.user_id, found->page.more_after, rows.back().person.user_id});
  }
  govuk::paragraph(h, t("meetings.series.report.how"));
  govuk::link_paragraph(h, base + "/report.csv", t("meetings.series.report.csv_link"));
  co_return page.respond();
}

awaitable<Response> series_report_csv(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto op = load_report(req, deps);
  auto loaded = co_await std::move(op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto* found = &std::get<SeriesReport>(loaded);
  const auto& sr = found->series.series;
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

}  // namespace roundtable::meetings::pages
