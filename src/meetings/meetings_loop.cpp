#include "meetings/meetings_loop.hpp"

#include <string>

#include "db/query.hpp"

namespace roundtable::meetings {

namespace {

/// The group, the viewer's role and the author from a row starting g.id, g.name, g.visibility, g.archived_at,
/// gm.role, u.id, u.name; then the title.
module::Contribution contribution_of(const db::Row& r) {
  module::Contribution c;
  c.group_id = r.integer(0);
  c.group_name = r.string(1);
  c.group_visibility = r.string(2);
  c.group_archived = !r.null(3);
  c.viewer_role = r.string(4);
  if (!r.null(5)) c.author_id = r.integer(5);
  c.author_name = r.string(6);
  c.title = r.string(7);
  return c;
}

std::optional<module::Contribution> agenda_item(soci::session& s, long long org_id, long long id, long long viewer) {
  std::optional<module::Contribution> out;
  db::query(
      s,
      "SELECT g.id, g.name, g.visibility, g.archived_at, gm.role, u.id, u.name, i.title, i.meeting_id FROM "
      "meeting_agenda_items i JOIN org_groups g ON g.id = i.group_id JOIN group_members gm ON gm.group_id = "
      "i.group_id AND gm.user_id = $3 LEFT JOIN users u ON u.id = i.proposed_by WHERE i.id = $1 AND i.org_id = $2",
      {id, org_id, viewer}, [&](const db::Row& r) {
        out = contribution_of(r);
        out->href = "/meetings/" + std::to_string(r.integer(8)) + "/agenda";
      });
  return out;
}

std::optional<module::Contribution> meeting_action(soci::session& s, long long org_id, long long id, long long viewer) {
  std::optional<module::Contribution> out;
  db::query(s,
            "SELECT g.id, g.name, g.visibility, g.archived_at, gm.role, u.id, u.name, a.what, a.meeting_id FROM "
            "meeting_actions a JOIN meetings m ON m.id = a.meeting_id JOIN org_groups g ON g.id = m.group_id JOIN "
            "group_members gm ON gm.group_id = m.group_id AND gm.user_id = $3 LEFT JOIN users u ON u.id = a.owner_id "
            "WHERE a.id = $1 AND m.org_id = $2",
            {id, org_id, viewer}, [&](const db::Row& r) {
              out = contribution_of(r);
              out->href = "/meetings/" + std::to_string(r.integer(8)) + "/minutes";
            });
  return out;
}

}  // namespace

std::vector<module::ContributionKind> contribution_kinds() {
  return {{"agenda_item", "loop.kind.agenda_item", agenda_item,
           "SELECT org_id, group_id, id, created_at FROM meeting_agenda_items"},
          {"meeting_action", "loop.kind.meeting_action", meeting_action,
           "SELECT m.org_id, m.group_id, a.id, a.created_at FROM meeting_actions a JOIN meetings m ON m.id = "
           "a.meeting_id"}};
}

}  // namespace roundtable::meetings
