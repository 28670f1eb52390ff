#include "consensus/consensus_loop.hpp"

#include <string>

#include "db/query.hpp"

namespace roundtable::consensus {

namespace {

std::optional<module::Contribution> statement(soci::session& s, long long org_id, long long id, long long viewer) {
  std::optional<module::Contribution> out;
  // The group's people see its conversations' statements (consensus_policy's see).
  db::query(s,
            "SELECT g.id, g.name, g.visibility, g.archived_at, gm.role, u.id, u.name, st.body FROM "
            "consensus_statements st JOIN consensus_conversations c ON c.id = st.conversation_id JOIN org_groups g ON "
            "g.id = c.group_id JOIN group_members gm ON gm.group_id = c.group_id AND gm.user_id = $3 LEFT JOIN users u "
            "ON u.id = st.created_by WHERE st.id = $1 AND st.org_id = $2 AND st.hidden_at IS NULL",
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
              c.href = "/statements/" + std::to_string(id);
              out = std::move(c);
            });
  if (!out) return out;
  // Supporters: everyone who agreed.
  db::query(s, "SELECT user_id FROM consensus_votes WHERE statement_id = $1 AND vote = 1", {id},
            [&](const db::Row& r) { out->supporters.push_back(r.integer(0)); });
  return out;
}

}  // namespace

std::vector<module::ContributionKind> contribution_kinds() {
  // Hidden statements are not counted: nobody is waiting to hear what became of words taken down.
  return {{"statement", "consensus.kind.statement", statement,
           "SELECT st.org_id, c.group_id, st.id, st.created_at FROM consensus_statements st JOIN "
           "consensus_conversations c ON c.id = st.conversation_id WHERE st.hidden_at IS NULL"}};
}

}  // namespace roundtable::consensus
