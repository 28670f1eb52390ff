#include "boards/boards_loop.hpp"

#include <string>

#include "db/query.hpp"

namespace roundtable::boards {

namespace {

std::optional<module::Contribution> card(soci::session& s, long long org_id, long long id, long long viewer) {
  std::optional<module::Contribution> out;
  // The group's people see its boards' cards (board_policy's see_boards; an admin outside the group sees the loop only
  // through the group's "You said, we did" page).
  db::query(s,
            "SELECT g.id, g.name, g.visibility, g.archived_at, gm.role, u.id, u.name, c.title FROM board_cards c JOIN "
            "boards b ON b.id = c.board_id JOIN org_groups g ON g.id = b.group_id JOIN group_members gm ON "
            "gm.group_id = b.group_id AND gm.user_id = $3 LEFT JOIN users u ON u.id = c.created_by WHERE c.id = $1 "
            "AND c.org_id = $2",
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
              c.href = "/cards/" + std::to_string(id);
              out = std::move(c);
            });
  if (!out) return out;
  // Supporters: everyone who gave it a dot.
  db::query(s, "SELECT user_id FROM board_dots WHERE card_id = $1 AND dots > 0", {id},
            [&](const db::Row& r) { out->supporters.push_back(r.integer(0)); });
  return out;
}

}  // namespace

std::vector<module::ContributionKind> contribution_kinds() {
  return {{"card", "loop.kind.card", card,
           "SELECT c.org_id, b.group_id, c.id, c.created_at FROM board_cards c JOIN boards b ON b.id = c.board_id"}};
}

}  // namespace roundtable::boards
