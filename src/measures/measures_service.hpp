/// The measures' reads: a group's measures, and an organisation's over the groups the person may see, on the readers.
/// A view reads the group (or the organisation's groups) with the organisation's measures version (migration 0054: it
/// goes up in the transaction of any change to what is counted, on whichever server made it). The figures worked out
/// for the same groups at the same version, still in the same months, are kept in memory and shown again; otherwise
/// two more queries read the rows — one for every kind of contribution together (each module's
/// ContributionKind::listing, joined to its loop item's kept first response) and one for the closed decisions — and
/// measures::compute counts them into months (ADR 0038).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "measures/measures.hpp"
#include "measures/measures_policy.hpp"
#include "module/module.hpp"

namespace roundtable::measures {

using boost::asio::awaitable;

/// Who is asking.
struct Who {
  long long user_id = 0;
  core::Role org_role = core::Role::member;
  bool two_step = false;
};

struct GroupMeasures {
  long long id = 0;
  std::string name;
  /// What the policy said; the measures are read only when it allows.
  policy::Verdict verdict = policy::Verdict::deny;
  Measures measures;
};

struct OrgMeasures {
  policy::Verdict verdict = policy::Verdict::deny;
  /// How many groups the figures add up.
  long long groups = 0;
  Measures measures;
};

class MeasuresService {
 public:
  MeasuresService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// The kinds every module registered (set once, when routes are added).
  void set_kinds(std::vector<module::ContributionKind> kinds) { kinds_ = std::move(kinds); }

  /// The group in org_id with its measures when the person may see them; nothing when there is no such group.
  awaitable<std::optional<GroupMeasures>> group(Who who, long long org_id, long long group_id);
  /// The organisation's measures over the groups the person may see.
  awaitable<OrgMeasures> organisation(Who who, long long org_id);

  /// The rows behind the measures of these groups since `since` (two queries; none when there are no groups).
  void rows(soci::session& s, const std::vector<long long>& group_ids, long long since,
            std::vector<ContributionRow>& contributions, std::vector<DecisionRow>& decisions) const;

  long long now() const { return clock_.now_seconds(); }

 private:
  /// Figures worked out at `at` from the data at `version`, right until `until` while the version stays.
  struct Kept {
    long long version = 0, at = 0, until = 0;
    Measures measures;
  };

  /// The figures for these groups of org_id: the ones kept when still right, else worked out from the rows and kept.
  Measures measures(soci::session& s, long long org_id, const std::vector<long long>& group_ids, long long version);

  db::Database& db_;
  const core::Clock& clock_;
  std::vector<module::ContributionKind> kinds_;
  std::mutex kept_mutex_;
  /// By organisation then group ids (in order).
  std::map<std::vector<long long>, Kept> kept_;
};

}  // namespace roundtable::measures
