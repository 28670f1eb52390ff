#include "measures/measures_service.hpp"

#include <algorithm>

#include "db/query.hpp"

namespace roundtable::measures {

namespace {

std::optional<groups::GroupRole> role_of(std::string_view code) {
  if (code.empty()) return std::nullopt;
  return groups::parse_group_role(code);
}

/// A kind's code goes into the SQL text as a literal: only lower case letters and "_" (module::ContributionKind).
bool plain_code(std::string_view code) {
  return !code.empty() &&
         std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

struct GroupRow {
  long long id = 0;
  std::string name;
  policy::GroupFacts facts;
  std::optional<groups::GroupRole> role;
};

GroupRow group_of(const db::Row& r) {
  // g.id, g.name, g.visibility, g.archived_at, gm.role
  return {r.integer(0),
          r.string(1),
          {groups::parse_visibility(r.text(2)).value_or(groups::Visibility::members), !r.null(3)},
          role_of(r.text(4))};
}

constexpr const char* kGroupColumns =
    "SELECT g.id, g.name, g.visibility, g.archived_at, gm.role FROM org_groups g LEFT JOIN group_members gm ON "
    "gm.group_id = g.id AND gm.user_id = $2 ";

}  // namespace

void MeasuresService::rows(soci::session& s, const std::vector<long long>& group_ids, long long since,
                           std::vector<ContributionRow>& contributions, std::vector<DecisionRow>& decisions) const {
  if (group_ids.empty()) return;
  std::vector<db::Param> params{since};
  const std::string list = db::id_list(params, group_ids);
  // Every kind's contributions in one query; each one's first response is its first loop change (loop_items has one
  // row per contribution with a status, by org_id, kind and contribution_id; loop_changes its changes by item).
  std::string sql;
  for (const auto& k : kinds_) {
    if (k.listing.empty() || !plain_code(k.kind)) continue;
    if (!sql.empty()) sql += " UNION ALL ";
    sql +=
        "SELECT x.created_at, (SELECT MIN(c.changed_at) FROM loop_items i JOIN loop_changes c ON c.item_id = i.id "
        "WHERE i.org_id = x.org_id AND i.kind = '" +
        std::string(k.kind) + "' AND i.contribution_id = x.id) FROM (" + std::string(k.listing) +
        ") x WHERE x.group_id IN (" + list + ") AND x.created_at >= $1";
  }
  if (!sql.empty()) {
    db::query(s, sql, params, [&](const db::Row& r) {
      ContributionRow c{r.integer(0), std::nullopt};
      if (!r.null(1)) c.first_response_at = r.integer(1);
      contributions.push_back(c);
    });
  }
  // The verdict kept when each closed (decisions.lived_took_part, rules_met: migration 0051).
  db::query(
      s,
      "SELECT closed_at, COALESCE(lived_took_part, 0), COALESCE(rules_met, 1) FROM decisions WHERE group_id IN (" +
          list + ") AND closed_at IS NOT NULL AND closed_at >= $1",
      params, [&](const db::Row& r) {
        decisions.push_back({r.integer(0), r.integer(1), r.integer(2) != 0});
      });
}

awaitable<std::optional<GroupMeasures>> MeasuresService::group(Who who, long long org_id, long long group_id) {
  auto op = db_.run([=, this](soci::session& s) -> std::optional<GroupMeasures> {
    std::optional<GroupRow> g;
    db::query(s, std::string(kGroupColumns) + "WHERE g.id = $1 AND g.org_id = $3", {group_id, who.user_id, org_id},
              [&](const db::Row& r) { g = group_of(r); });
    if (!g) return std::nullopt;
    GroupMeasures out;
    out.id = g->id;
    out.name = g->name;
    out.verdict =
        policy::allows({who.org_role, who.two_step, g->role, false}, policy::Action::see_group_measures, g->facts);
    if (out.verdict != policy::Verdict::allow) return out;
    const long long at = now();
    std::vector<ContributionRow> contributions;
    std::vector<DecisionRow> decisions;
    rows(s, {g->id}, window_start(at), contributions, decisions);
    out.measures = compute(contributions, decisions, at);
    return out;
  });
  co_return co_await std::move(op);
}

awaitable<OrgMeasures> MeasuresService::organisation(Who who, long long org_id) {
  auto op = db_.run([=, this](soci::session& s) {
    OrgMeasures out;
    const policy::Actor actor{who.org_role, who.two_step, std::nullopt, false};
    out.verdict = policy::allows(actor, policy::Action::see_org_measures);
    if (out.verdict != policy::Verdict::allow) return out;
    std::vector<long long> ids;
    db::query(s, std::string(kGroupColumns) + "WHERE g.org_id = $1 ORDER BY g.id", {org_id, who.user_id},
              [&](const db::Row& r) {
                const auto g = group_of(r);
                if (policy::allows({who.org_role, who.two_step, g.role, false}, policy::Action::see_org_measures,
                                   g.facts) == policy::Verdict::allow) {
                  ids.push_back(g.id);
                }
              });
    out.groups = static_cast<long long>(ids.size());
    const long long at = now();
    std::vector<ContributionRow> contributions;
    std::vector<DecisionRow> decisions;
    rows(s, ids, window_start(at), contributions, decisions);
    out.measures = compute(contributions, decisions, at);
    return out;
  });
  co_return co_await std::move(op);
}

}  // namespace roundtable::measures
