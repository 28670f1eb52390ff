// What the pages of series of open sessions share: finding the series, who may do what to it, and its words.
#include "meetings/series_page_parts.hpp"

#include <array>

#include "organisations/organisation.hpp"
#include "organisations/organisation_pages.hpp"

namespace roundtable::meetings::pages {

namespace {

using policy::Action;

policy::Facts series_facts(const series::Series& sr) {
  return {sr.group_visibility, sr.group_archived, false, false, sr.details.open_to_organisation};
}

}  // namespace

bool may_series(const OrgRequest& req, const series::SeriesForViewer& v, Action action) {
  return policy::allows(actor_of(req, v.group_role), action, series_facts(v.series)) != policy::Verdict::deny;
}

std::string group_series_url(const OrgRequest& req, long long group_id) {
  return "/o/" + req.membership.org_slug + "/groups/" + std::to_string(group_id) + "/series";
}

std::optional<Response> refused(OrgRequest& req, const PagesDeps& deps, policy::Verdict verdict) {
  switch (verdict) {
    case policy::Verdict::allow: return std::nullopt;
    case policy::Verdict::need_two_step: return http::redirect(req.ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: break;
  }
  return deps.not_found(req.ctx);
}

std::string member_type_words(const core::Translator& t, std::string_view code) {
  const auto type = organisations::parse_member_type(code);
  return type ? organisations::pages::member_type_name(t, *type) : std::string(code);
}

std::string rule_words(const core::Translator& t, const series::Rule& rule) {
  if (rule.months <= 0 || rule.member_type.empty()) return {};
  return core::format(t.plural("meetings.series.rule.sentence", rule.months),
                      {{"type", member_type_words(t, rule.member_type)}});
}

std::string date_words(const core::Translator& t, const series::Date& d) {
  // Straight from the date: a report writes two for each of its people, and writing each as text to read it back
  // (due_words) was a sixth of the report's CPU (docs/PERFORMANCE.md).
  static constexpr std::array<std::string_view, 12> kMonths{
      "date.month.1", "date.month.2", "date.month.3", "date.month.4",  "date.month.5",  "date.month.6",
      "date.month.7", "date.month.8", "date.month.9", "date.month.10", "date.month.11", "date.month.12"};
  if (d.month < 1 || d.month > 12) return series::date_text(d);
  return core::format(
      t("date.date"),
      {{"day", std::to_string(d.day)}, {"month", t(kMonths[d.month - 1])}, {"year", std::to_string(d.year)}});
}

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

}  // namespace roundtable::meetings::pages
