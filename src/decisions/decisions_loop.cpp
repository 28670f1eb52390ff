#include "decisions/decisions_loop.hpp"

#include <string>

#include "db/query.hpp"

namespace roundtable::decisions {

namespace {

/// The proposal for the viewer, without its supporters.
std::optional<module::Contribution> found(soci::session& s, long long org_id, long long id, long long viewer) {
  std::optional<module::Contribution> out;
  // The group's people see its proposals (decision_policy's see_decisions; an admin outside the group sees the loop
  // only through the group's "You said, we did" page).
  db::query(s,
            "SELECT g.id, g.name, g.visibility, g.archived_at, gm.role, u.id, u.name, d.title FROM decisions d JOIN "
            "org_groups g ON g.id = d.group_id JOIN group_members gm ON gm.group_id = d.group_id AND gm.user_id = $3 "
            "LEFT JOIN users u ON u.id = d.created_by WHERE d.id = $1 AND d.org_id = $2",
            {id, org_id, viewer}, [&](const db::Row& r) {
              module::Contribution c;
              c.group_id = r.integer(0);
              c.group_name = r.string(1);
              c.group_visibility = r.string(2);
              c.group_archived = !r.null(3);
              c.viewer_role = r.string(4);
              if (!r.null(5)) c.author_id = r.integer(5);
              c.author_name = r.string(6);
              c.title = r.string(7);
              c.href = "/decisions/" + std::to_string(id);
              out = std::move(c);
            });
  return out;
}

std::optional<module::Contribution> proposal(soci::session& s, long long org_id, long long id, long long viewer) {
  auto out = found(s, org_id, id, viewer);
  if (!out) return out;
  // Supporters: everyone who voted (never what they chose) or answered a consent proposal.
  db::query(s,
            "SELECT user_id FROM decision_voters WHERE decision_id = $1 UNION SELECT user_id FROM decision_responses "
            "WHERE decision_id = $1",
            {id}, [&](const db::Row& r) { out->supporters.push_back(r.integer(0)); });
  return out;
}

}  // namespace

std::vector<module::ContributionKind> contribution_kinds() {
  // A poll's supporters are all its voters (40,000 in bench/): a card's "Came from" and the boards' follow-ups on the
  // proposal's page find it without them. The easy-read "You said, we did" shows the proposal's easy-read wording
  // (Markdown, as the proposal's page draws it; ADR 0042).
  return {{"proposal", "loop.kind.proposal", proposal, "SELECT org_id, group_id, id, created_at FROM decisions", found,
           "SELECT id, easy_read FROM decisions WHERE easy_read <> ''", true}};
}

}  // namespace roundtable::decisions
