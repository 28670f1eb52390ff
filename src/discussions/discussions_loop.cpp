#include "discussions/discussions_loop.hpp"

#include <string>

#include "db/query.hpp"
#include "markdown/markdown.hpp"

namespace roundtable::discussions {

namespace {

/// About a line of plain text: the first `max` bytes, cut at a character's start, with "…" when cut.
std::string excerpt(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

/// The columns every resolver reads first (group, the viewer's role, the author), from a row joined as g, gm, u.
constexpr const char* kCommon = "g.id, g.name, g.visibility, g.archived_at, gm.role, u.id, u.name";

module::Contribution common_of(const db::Row& r) {
  module::Contribution c;
  c.group_id = r.integer(0);
  c.group_name = r.string(1);
  c.group_visibility = r.string(2);
  c.group_archived = !r.null(3);
  c.viewer_role = r.string(4);
  if (!r.null(5)) c.author_id = r.integer(5);
  c.author_name = r.string(6);
  return c;
}

/// The people who reacted to the post (agree, thanks, me too), each once.
void reaction_authors(soci::session& s, long long post_id, std::vector<long long>& out) {
  db::query(s, "SELECT DISTINCT user_id FROM discussion_reactions WHERE post_id = $1", {post_id},
            [&](const db::Row& r) { out.push_back(r.integer(0)); });
}

/// A topic for the loop; `supporters`: also who reacted to its opening post or asked to raise it (the loop's
/// pages), which the other modules' follow-ups on the topic's own page do not need (a query fewer on every topic).
std::optional<module::Contribution> topic_of(soci::session& s, long long org_id, long long id, long long viewer,
                                             bool supporters) {
  std::optional<module::Contribution> out;
  // Only the group's people see a topic (discussion_policy's see_discussion).
  const std::string from =
      " FROM discussion_topics t JOIN org_groups g ON g.id = t.group_id JOIN group_members gm ON gm.group_id = "
      "t.group_id AND gm.user_id = $3 LEFT JOIN users u ON u.id = t.author_id";
  long long opening = 0;
  const auto found = [&](const db::Row& r) {
    out = common_of(r);
    out->title = r.string(7);
    if (supporters) opening = r.integer(8);
  };
  if (supporters) {
    db::query(s,
              std::string("SELECT ") + kCommon + ", t.title, p.id" + from +
                  " JOIN discussion_posts p ON p.topic_id = t.id AND p.number = 1 WHERE t.id = $1 AND t.org_id = $2",
              {id, org_id, viewer}, found);
  } else {
    db::query(s, std::string("SELECT ") + kCommon + ", t.title" + from + " WHERE t.id = $1 AND t.org_id = $2",
              {id, org_id, viewer}, found);
  }
  if (!out) return out;
  out->href = "/topics/" + std::to_string(id);
  if (!supporters) return out;
  // Supporters: the reactions to its opening post and the people who asked to raise it at the next meeting.
  db::query(s,
            "SELECT user_id FROM discussion_reactions WHERE post_id = $1 UNION SELECT user_id FROM discussion_raises "
            "WHERE topic_id = $2",
            {opening, id}, [&](const db::Row& r) { out->supporters.push_back(r.integer(0)); });
  return out;
}

std::optional<module::Contribution> topic(soci::session& s, long long org_id, long long id, long long viewer) {
  return topic_of(s, org_id, id, viewer, true);
}

std::optional<module::Contribution> topic_alone(soci::session& s, long long org_id, long long id, long long viewer) {
  return topic_of(s, org_id, id, viewer, false);
}

std::optional<module::Contribution> reply(soci::session& s, long long org_id, long long id, long long viewer) {
  std::optional<module::Contribution> out;
  db::query(s,
            std::string("SELECT ") + kCommon +
                ", p.body, p.topic_id, p.number FROM discussion_posts p JOIN discussion_topics t ON t.id = p.topic_id "
                "JOIN org_groups g ON g.id = p.group_id JOIN group_members gm ON gm.group_id = p.group_id AND "
                "gm.user_id = $3 LEFT JOIN users u ON u.id = p.author_id WHERE p.id = $1 AND t.org_id = $2 AND "
                "p.number > 1 AND p.deleted_at IS NULL AND p.hidden_at IS NULL",
            {id, org_id, viewer}, [&](const db::Row& r) {
              out = common_of(r);
              out->title = excerpt(markdown::to_plain_text(r.text(7)), 120);
              out->href = "/topics/" + std::to_string(r.integer(8)) + "#post-" + std::to_string(r.integer(9));
            });
  if (out) reaction_authors(s, id, out->supporters);
  return out;
}

}  // namespace

std::vector<module::ContributionKind> contribution_kinds() {
  return {
      {"topic", "loop.kind.topic", topic, "SELECT org_id, group_id, id, created_at FROM discussion_topics", topic_alone,
       // The facilitators' easy-read summary (plain text), for the easy-read "You said, we did".
       "SELECT id, easy_read FROM discussion_topics WHERE easy_read <> ''"},
      {"reply", "loop.kind.reply", reply,
       "SELECT t.org_id, p.group_id, p.id, p.created_at FROM discussion_posts p JOIN discussion_topics t ON t.id = "
       "p.topic_id WHERE p.number > 1 AND p.deleted_at IS NULL AND p.hidden_at IS NULL"}};
}

}  // namespace roundtable::discussions
