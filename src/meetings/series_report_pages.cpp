// Series of open sessions: the attendance report, as a page and as a spreadsheet file.
#include "meetings/series_page_parts.hpp"
#include "meetings/series_pages.hpp"
#include "view/csv.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::meetings::pages {

namespace {

namespace govuk = view::govuk;
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
  auto op = load_report(req, deps);
  auto loaded = co_await std::move(op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto* found = &std::get<SeriesReport>(loaded);
  const auto& sr = found->series.series;
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
