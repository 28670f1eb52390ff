// The dashboards: headline figures in plain words, the last 12 months as charts with a table of the same numbers, and
// the monthly figures as CSV.
#include "measures/measures_pages.hpp"

#include <cstdio>

#include "view/bar_chart.hpp"
#include "view/csv.hpp"
#include "view/govuk/govuk.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::measures::pages {

namespace {

namespace govuk = view::govuk;
using view::Html;

using view::s;

Who who_of(const OrgRequest& req) { return {req.principal.user_id, req.membership.role, req.principal.two_step}; }

std::string month_words(const core::Translator& t, const Month& m) {
  return s(t("date.month." + std::to_string(m.month))) + " " + std::to_string(m.year);
}

/// "2026-03"
std::string month_code(const Month& m) {
  return std::to_string(m.year) + "-" + (m.month < 10 ? "0" : "") + std::to_string(m.month);
}

long long percent(long long part, long long whole) { return whole == 0 ? 0 : (part * 100 + whole / 2) / whole; }

/// "4 days", "1 day", "less than a day".
std::string days_words(const core::Translator& t, long long seconds) {
  const long long days = whole_days(seconds);
  if (days == 0) return s(t("measures.days.under_one"));
  return t.plural("measures.days.count", days);
}

/// "4.5": days with one decimal, for the CSV.
std::string days_decimal(long long seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", static_cast<double>(seconds) / (24.0 * 60 * 60));
  return buffer;
}

std::string of(const core::Translator& t, std::string_view key, long long part, long long whole) {
  return core::format(t(key), {{"part", std::to_string(part)}, {"whole", std::to_string(whole)}});
}

void headlines(Html& h, const core::Translator& t, const Figures& f) {
  govuk::heading(h, 2, "m", t("measures.said.title"));
  if (f.contributions == 0) {
    govuk::paragraph(h, t("measures.said.none"));
  } else {
    govuk::paragraph(h, of(t, "measures.said.headline", f.responded, f.contributions), "govuk-body-l");
    if (f.median_seconds) {
      govuk::paragraph(h, core::format(t("measures.said.took"), {{"time", days_words(t, *f.median_seconds)}}));
      govuk::paragraph(h, t("measures.said.median_means"), "govuk-body-s");
    }
  }
  govuk::heading(h, 2, "m", t("measures.decisions.title"));
  if (f.decisions == 0) {
    govuk::paragraph(h, t("measures.decisions.none"));
    return;
  }
  govuk::paragraph(h, of(t, "measures.decisions.lived", f.with_lived, f.decisions), "govuk-body-l");
  govuk::paragraph(h, of(t, "measures.decisions.rules", f.rules_met, f.decisions), "govuk-body-l");
}

void charts(Html& h, const core::Translator& t, const Measures& m) {
  govuk::heading(h, 2, "m", t("measures.months.title"));
  govuk::paragraph(h, t("measures.months.lead"));
  std::vector<view::Bar> answered, took, lived, rules;
  long long longest = 0;
  for (const auto& month : m.months) {
    if (month.figures.median_seconds) longest = std::max(longest, whole_days(*month.figures.median_seconds));
  }
  for (const auto& month : m.months) {
    const auto& f = month.figures;
    const std::string name = month_words(t, month);
    answered.push_back({name + ": " + of(t, "measures.chart.answered", f.responded, f.contributions),
                        percent(f.responded, f.contributions), 100});
    took.push_back(
        {name + ": " + (f.median_seconds ? days_words(t, *f.median_seconds) : s(t("measures.chart.no_answers"))),
         f.median_seconds ? whole_days(*f.median_seconds) : 0, std::max(1LL, longest)});
    lived.push_back({name + ": " + of(t, "measures.chart.lived", f.with_lived, f.decisions),
                     percent(f.with_lived, f.decisions), 100});
    rules.push_back({name + ": " + of(t, "measures.chart.rules", f.rules_met, f.decisions),
                     percent(f.rules_met, f.decisions), 100});
  }
  view::bar_chart(h, "measures-answered", s(t("measures.chart.answered_title")), answered);
  view::bar_chart(h, "measures-took", s(t("measures.chart.took_title")), took);
  view::bar_chart(h, "measures-lived", s(t("measures.chart.lived_title")), lived);
  view::bar_chart(h, "measures-rules", s(t("measures.chart.rules_title")), rules);

  view::scroll_region_start(h, t, t("measures.table.caption"));
  auto number = [](long long n) { return govuk::TableCell{.text = std::to_string(n), .format = "numeric"}; };
  govuk::TableWriter table(h, {.head = {{.text = s(t("measures.table.month"))},
                                        {.text = s(t("measures.table.said")), .format = "numeric"},
                                        {.text = s(t("measures.table.answered")), .format = "numeric"},
                                        {.text = s(t("measures.table.took")), .format = "numeric"},
                                        {.text = s(t("measures.table.decisions")), .format = "numeric"},
                                        {.text = s(t("measures.table.lived")), .format = "numeric"},
                                        {.text = s(t("measures.table.rules")), .format = "numeric"}},
                               .caption = s(t("measures.table.caption")),
                               .caption_classes = "govuk-table__caption--s",
                               .first_cell_is_header = true});
  for (const auto& month : m.months) {
    const auto& f = month.figures;
    table.row({{.text = month_words(t, month)},
               number(f.contributions),
               number(f.responded),
               {.text = f.median_seconds ? days_words(t, *f.median_seconds) : s(t("measures.table.none")),
                .format = "numeric"},
               number(f.decisions),
               number(f.with_lived),
               number(f.rules_met)});
  }
  table.end();
  view::scroll_region_end(h);
}

/// The dashboard's body: the empty state, or the headlines, the months and the CSV link.
void dashboard(Html& h, const core::Translator& t, const Measures& m, const std::string& csv_href) {
  if (m.empty()) {
    govuk::inset_text(h, {.text = s(t("measures.empty"))});
    return;
  }
  headlines(h, t, m.total);
  charts(h, t, m);
  govuk::link_paragraph(h, csv_href, t("measures.csv.link"));
}

view::Csv csv_of(const core::Translator& t, const Measures& m) {
  view::Csv csv;
  csv.row({t("measures.csv.month"), t("measures.table.said"), t("measures.table.answered"), t("measures.csv.took"),
           t("measures.table.decisions"), t("measures.table.lived"), t("measures.table.rules")});
  for (const auto& month : m.months) {
    const auto& f = month.figures;
    const std::string code = month_code(month), said = std::to_string(f.contributions),
                      answered = std::to_string(f.responded),
                      took = f.median_seconds ? days_decimal(*f.median_seconds) : std::string(),
                      decisions = std::to_string(f.decisions), lived = std::to_string(f.with_lived),
                      rules = std::to_string(f.rules_met);
    csv.row({code, said, answered, took, decisions, lived, rules});
  }
  return csv;
}

std::string group_url(const OrgRequest& req, long long id) {
  return "/o/" + req.membership.org_slug + "/groups/" + std::to_string(id);
}

/// The group named by {group} with its measures, or the answer to send (404, or two-step sign-in first).
awaitable<std::variant<GroupMeasures, Response>> load_group(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  const auto id = ctx.id_param("group");
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = deps.service->group(who_of(req), req.membership.org_id, *id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  switch (found->verdict) {
    case policy::Verdict::allow: co_return std::move(*found);
    case policy::Verdict::need_two_step: co_return http::redirect(ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: break;
  }
  co_return deps.not_found(ctx);
}

awaitable<std::variant<OrgMeasures, Response>> load_org(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  if (!deps.service) co_return deps.not_found(ctx);
  auto op = deps.service->organisation(who_of(req), req.membership.org_id);
  auto found = co_await std::move(op);
  switch (found.verdict) {
    case policy::Verdict::allow: co_return std::move(found);
    case policy::Verdict::need_two_step: co_return http::redirect(ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: break;
  }
  co_return deps.not_found(ctx);
}

}  // namespace

awaitable<Response> group_measures(OrgRequest& req, const PagesDeps& deps) {
  auto loaded = co_await load_group(req, deps);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupMeasures>(loaded);
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const std::string base = group_url(req, g.id);
  auto page = page_builder(ctx, deps, s(t("measures.group.title")));
  page.caption(g.name).back_link(base, s(t("measures.back_to_group")));
  Html& h = page.body();
  govuk::paragraph(h, t("measures.group.lead"));
  dashboard(h, t, g.measures, base + "/measures.csv");
  co_return page.respond();
}

awaitable<Response> group_measures_csv(OrgRequest& req, const PagesDeps& deps) {
  auto loaded = co_await load_group(req, deps);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupMeasures>(loaded);
  auto t = req.ctx.t();
  co_return view::csv_download(req.ctx, "group-" + std::to_string(g.id) + "-measures.csv", csv_of(t, g.measures));
}

awaitable<Response> org_measures(OrgRequest& req, const PagesDeps& deps) {
  auto loaded = co_await load_org(req, deps);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& o = std::get<OrgMeasures>(loaded);
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const std::string base = "/o/" + req.membership.org_slug;
  auto page = page_builder(ctx, deps, s(t("measures.org.title")));
  page.caption(req.membership.org_name).back_link(base, s(t("measures.back_to_org")));
  Html& h = page.body();
  govuk::paragraph(h, t.plural("measures.org.lead", o.groups));
  dashboard(h, t, o.measures, base + "/measures.csv");
  co_return page.respond();
}

awaitable<Response> org_measures_csv(OrgRequest& req, const PagesDeps& deps) {
  auto loaded = co_await load_org(req, deps);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& o = std::get<OrgMeasures>(loaded);
  auto t = req.ctx.t();
  co_return view::csv_download(req.ctx, req.membership.org_slug + "-measures.csv", csv_of(t, o.measures));
}

}  // namespace roundtable::measures::pages
