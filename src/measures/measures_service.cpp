#include "measures/measures_service.hpp"

#include <algorithm>

#include "core/london_time.hpp"
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

/// The group's columns, then the organisation's measures version (migration 0054: 0 before anything was counted).
constexpr const char* kGroupColumns =
    "SELECT g.id, g.name, g.visibility, g.archived_at, gm.role, COALESCE(v.version, 0) FROM org_groups g LEFT JOIN "
    "group_members gm ON gm.group_id = g.id AND gm.user_id = $2 LEFT JOIN measures_versions v ON v.org_id = g.org_id ";

/// How many sets of figures a server keeps (each about 1 KB); past it, it forgets them all and starts again.
constexpr std::size_t kKeptMost = 512;

/// Until when figures worked out at `now` from these rows stay right while the data does not change: the first
/// instant of the next London month (the 12 months move on), or sooner, the first row dated after now (it counts
/// from its own time on).
long long right_until(long long now, const std::vector<ContributionRow>& contributions,
                      const std::vector<DecisionRow>& decisions) {
  const auto w = core::to_london(now);
  long long until =
      core::from_london({w.month == 12 ? w.year + 1 : w.year, w.month == 12 ? 1 : w.month + 1, 1, 0, 0}).utc;
  for (const auto& c : contributions) {
    if (c.created_at > now) until = std::min(until, c.created_at);
  }
  for (const auto& d : decisions) {
    if (d.closed_at > now) until = std::min(until, d.closed_at);
  }
  return until;
}

}  // namespace

void MeasuresService::rows(soci::session& s, const std::vector<long long>& group_ids, long long since,
                           std::vector<ContributionRow>& contributions, std::vector<DecisionRow>& decisions) const {
  if (group_ids.empty()) return;
  std::vector<db::Param> params{since};
  const std::string list = db::id_list(params, group_ids);
  // Every kind's contributions in one query; each one's first response is kept on its loop item (loop_items has one
  // row per contribution with a status, by org_id, kind and contribution_id, the unique index the join looks up;
  // first_changed_at is its earliest change, migration 0054).
  std::string sql;
  for (const auto& k : kinds_) {
    if (k.listing.empty() || !plain_code(k.kind)) continue;
    if (!sql.empty()) sql += " UNION ALL ";
    sql += "SELECT x.created_at, i.first_changed_at FROM (" + std::string(k.listing) +
           ") x LEFT JOIN loop_items i ON i.org_id = x.org_id AND i.kind = '" + std::string(k.kind) +
           "' AND i.contribution_id = x.id WHERE x.group_id IN (" + list + ") AND x.created_at >= $1";
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

Measures MeasuresService::measures(soci::session& s, long long org_id, const std::vector<long long>& group_ids,
                                   long long version) {
  const long long at = now();
  std::vector<long long> key{org_id};
  key.insert(key.end(), group_ids.begin(), group_ids.end());
  {
    std::lock_guard lock(kept_mutex_);
    auto it = kept_.find(key);
    if (it != kept_.end() && it->second.version == version && at >= it->second.at && at < it->second.until) {
      return it->second.measures;
    }
  }
  std::vector<ContributionRow> contributions;
  std::vector<DecisionRow> decisions;
  rows(s, group_ids, window_start(at), contributions, decisions);
  Kept kept{version, at, right_until(at, contributions, decisions), compute(contributions, decisions, at)};
  std::lock_guard lock(kept_mutex_);
  if (kept_.size() >= kKeptMost) kept_.clear();
  // The version was read before the rows: figures newer than their version are only worked out again once more.
  auto& slot = kept_[std::move(key)];
  slot = std::move(kept);
  return slot.measures;
}

awaitable<std::optional<GroupMeasures>> MeasuresService::group(Who who, long long org_id, long long group_id) {
  // Only reads: the group and the organisation's version, then (when the figures kept for it are out of date) the rows.
  auto op = db_.read([=, this](soci::session& s) -> std::optional<GroupMeasures> {
    std::optional<GroupRow> g;
    long long version = 0;
    db::query(s, std::string(kGroupColumns) + "WHERE g.id = $1 AND g.org_id = $3", {group_id, who.user_id, org_id},
              [&](const db::Row& r) {
                g = group_of(r);
                version = r.integer(5);
              });
    if (!g) return std::nullopt;
    GroupMeasures out;
    out.id = g->id;
    out.name = g->name;
    out.verdict =
        policy::allows({who.org_role, who.two_step, g->role, false}, policy::Action::see_group_measures, g->facts);
    if (out.verdict != policy::Verdict::allow) return out;
    out.measures = measures(s, org_id, {g->id}, version);
    return out;
  });
  co_return co_await std::move(op);
}

awaitable<OrgMeasures> MeasuresService::organisation(Who who, long long org_id) {
  auto op = db_.read([=, this](soci::session& s) {
    OrgMeasures out;
    const policy::Actor actor{who.org_role, who.two_step, std::nullopt, false};
    out.verdict = policy::allows(actor, policy::Action::see_org_measures);
    if (out.verdict != policy::Verdict::allow) return out;
    // Three reads however many groups: the version, the viewer's roles in the organisation's groups (few, from
    // group_members_user alone), and each group's id, visibility and whether it is archived (from the covering index
    // org_groups_listed, without the names; in no order, sorted here). Joining each of 500 groups to the viewer's
    // membership and the version was most of the page (270 µs on SQLite, bench/).
    long long version = 0;
    db::query(s, "SELECT version FROM measures_versions WHERE org_id = $1", {org_id},
              [&](const db::Row& r) { version = r.integer(0); });
    std::vector<std::pair<long long, groups::GroupRole>> roles;
    db::query(s, "SELECT group_id, role FROM group_members WHERE user_id = $1 AND org_id = $2", {who.user_id, org_id},
              [&](const db::Row& r) {
                if (const auto role = role_of(r.text(1))) roles.emplace_back(r.integer(0), *role);
              });
    std::sort(roles.begin(), roles.end());
    std::vector<long long> ids;
    db::query(
        s, "SELECT id, visibility, archived_at FROM org_groups WHERE org_id = $1", {org_id}, [&](const db::Row& r) {
          const long long id = r.integer(0);
          const policy::GroupFacts facts{groups::parse_visibility(r.text(1)).value_or(groups::Visibility::members),
                                         !r.null(2)};
          const auto mine = std::lower_bound(roles.begin(), roles.end(), std::pair{id, groups::GroupRole{}},
                                             [](const auto& a, const auto& b) { return a.first < b.first; });
          const auto role =
              mine != roles.end() && mine->first == id ? std::optional<groups::GroupRole>(mine->second) : std::nullopt;
          if (policy::allows({who.org_role, who.two_step, role, false}, policy::Action::see_org_measures, facts) ==
              policy::Verdict::allow) {
            ids.push_back(id);
          }
        });
    std::sort(ids.begin(), ids.end());
    out.groups = static_cast<long long>(ids.size());
    out.measures = measures(s, org_id, ids, version);
    return out;
  });
  co_return co_await std::move(op);
}

}  // namespace roundtable::measures
