#include "consensus/consensus_store.hpp"

#include <algorithm>

#include "db/query.hpp"

namespace roundtable::consensus::store {

namespace {

Conversation conversation_of(const db::Row& r) {
  Conversation c;
  c.id = r.integer(0);
  c.org_id = r.integer(1);
  c.group_id = r.integer(2);
  c.group_name = r.string(3);
  c.group_visibility = groups::parse_visibility(r.text(4)).value_or(groups::Visibility::members);
  c.group_archived = !r.null(5);
  c.question = r.string(6);
  if (!r.null(7)) c.closed_at = r.integer(7);
  c.votes_version = r.integer(8);
  c.created_at = r.integer(9);
  return c;
}

constexpr std::string_view kColumns =
    "c.id, c.org_id, c.group_id, g.name, g.visibility, g.archived_at, c.question, c.closed_at, c.votes_version, "
    "c.created_at";

}  // namespace

long long insert_conversation(soci::session& s, long long org_id, long long group_id, std::string_view question,
                              std::string_view create_key, long long actor, long long now) {
  long long id = 0;
  db::query(s,
            "INSERT INTO consensus_conversations (org_id, group_id, question, create_key, created_by, created_at, "
            "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (org_id, create_key) DO NOTHING RETURNING id",
            {org_id, group_id, question, create_key, actor, now}, [&](const db::Row& r) { id = r.integer(0); });
  return id;
}

std::optional<long long> find_conversation_by_key(soci::session& s, long long org_id, std::string_view create_key) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM consensus_conversations WHERE org_id = $1 AND create_key = $2", {org_id, create_key},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

void conversations_of_group(db::Batch& b, long long group_id, std::vector<ConversationListed>& out) {
  b.add(std::string("SELECT ") + std::string(kColumns) +
            ", (SELECT COUNT(*) FROM consensus_statements st WHERE st.conversation_id = c.id AND st.hidden_at IS "
            "NULL) FROM consensus_conversations c JOIN org_groups g ON g.id = c.group_id WHERE c.group_id = $1 "
            "ORDER BY c.created_at DESC, c.id DESC",
        {group_id}, [&out](const db::Row& r) {
          out.push_back({conversation_of(r), r.integer(10)});
        });
}

std::vector<ConversationListed> conversations_of_group(soci::session& s, long long group_id) {
  return db::read_alone<std::vector<ConversationListed>>(
      s, [&](db::Batch& b, auto& out) { conversations_of_group(b, group_id, out); });
}

std::optional<ConversationForViewer> find_conversation(soci::session& s, long long org_id, long long id,
                                                       long long viewer) {
  std::optional<ConversationForViewer> out;
  db::query(s,
            std::string("SELECT ") + std::string(kColumns) +
                ", gm.role FROM consensus_conversations c JOIN org_groups g ON g.id = c.group_id LEFT JOIN "
                "group_members gm ON gm.group_id = c.group_id AND gm.user_id = $3 WHERE c.id = $2 AND c.org_id = $1",
            {org_id, id, viewer}, [&](const db::Row& r) {
              ConversationForViewer v{conversation_of(r), std::nullopt};
              if (!r.null(10)) v.role = groups::parse_group_role(r.text(10));
              out = std::move(v);
            });
  return out;
}

std::optional<long long> conversation_of_statement(soci::session& s, long long org_id, long long statement_id) {
  std::optional<long long> out;
  db::query(s, "SELECT conversation_id FROM consensus_statements WHERE id = $1 AND org_id = $2", {statement_id, org_id},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

std::vector<Statement> statements(soci::session& s, long long conversation_id, long long viewer) {
  std::vector<Statement> out;
  // The statements, and the viewer's answers to them: one range of consensus_votes_conversation (migration 0067), not
  // a search for the viewer's vote on each statement. Read together (one round trip on PostgreSQL), then matched.
  std::vector<std::pair<long long, long long>> answers;
  db::Batch b(s);
  b.add(
      "SELECT st.id, st.body, st.hidden_at, st.hidden_reason FROM consensus_statements st WHERE "
      "st.conversation_id = $1 ORDER BY CASE WHEN st.hidden_at IS NULL THEN 0 ELSE 1 END, st.id",
      {conversation_id}, [&](const db::Row& r) {
        Statement st;
        st.id = r.integer(0);
        st.conversation_id = conversation_id;
        st.body = r.string(1);
        if (!r.null(2)) st.hidden_at = r.integer(2);
        st.hidden_reason = r.string(3);
        out.push_back(std::move(st));
      });
  b.add("SELECT statement_id, vote FROM consensus_votes WHERE conversation_id = $1 AND user_id = $2",
        {conversation_id, viewer}, [&](const db::Row& r) { answers.emplace_back(r.integer(0), r.integer(1)); });
  b.run();
  if (out.empty() || answers.empty()) return out;
  std::vector<std::pair<long long, std::size_t>> at;
  at.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) at.emplace_back(out[i].id, i);
  std::sort(at.begin(), at.end());
  for (const auto& [id, vote] : answers) {
    const auto found = std::lower_bound(at.begin(), at.end(), std::pair<long long, std::size_t>{id, 0});
    if (found != at.end() && found->first == id) out[found->second].mine = static_cast<Answer>(vote);
  }
  return out;
}

long long voters(soci::session& s, long long conversation_id) {
  long long n = 0;
  db::query(s, "SELECT COUNT(DISTINCT user_id) FROM consensus_votes WHERE conversation_id = $1", {conversation_id},
            [&](const db::Row& r) { n = r.integer(0); });
  return n;
}

long long count_statements(soci::session& s, long long conversation_id) {
  long long n = 0;
  db::query(s, "SELECT COUNT(*) FROM consensus_statements WHERE conversation_id = $1", {conversation_id},
            [&](const db::Row& r) { n = r.integer(0); });
  return n;
}

long long insert_statement(soci::session& s, long long org_id, long long conversation_id, std::string_view body,
                           std::string_view create_key, long long actor, long long now) {
  long long id = 0;
  db::query(s,
            "INSERT INTO consensus_statements (org_id, conversation_id, body, create_key, created_by, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (conversation_id, create_key) DO NOTHING RETURNING id",
            {org_id, conversation_id, body, create_key, actor, now}, [&](const db::Row& r) { id = r.integer(0); });
  return id;
}

std::optional<long long> find_statement_by_key(soci::session& s, long long conversation_id,
                                               std::string_view create_key) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM consensus_statements WHERE conversation_id = $1 AND create_key = $2",
            {conversation_id, create_key}, [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

bool hide_statement(soci::session& s, long long statement_id, std::string_view reason, long long now) {
  return db::query(s,
                   "UPDATE consensus_statements SET hidden_at = $2, hidden_reason = $3 WHERE id = $1 AND hidden_at IS "
                   "NULL",
                   {statement_id, now, reason}) > 0;
}

void set_vote(soci::session& s, long long org_id, long long conversation_id, long long statement_id, long long user_id,
              Answer answer, long long now) {
  db::query(s,
            "INSERT INTO consensus_votes (statement_id, conversation_id, org_id, user_id, vote, voted_at) VALUES ($1, "
            "$2, $3, $4, $5, $6) ON CONFLICT (statement_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = "
            "excluded.voted_at",
            {statement_id, conversation_id, org_id, user_id, static_cast<long long>(answer), now});
}

void bump_version(soci::session& s, long long conversation_id, long long now) {
  db::query(s, "UPDATE consensus_conversations SET votes_version = votes_version + 1, updated_at = $2 WHERE id = $1",
            {conversation_id, now});
}

void bump_versions_of_org(soci::session& s, long long org_id) {
  db::query(s, "UPDATE consensus_conversations SET votes_version = votes_version + 1 WHERE org_id = $1", {org_id});
}

void set_closed(soci::session& s, long long conversation_id, std::optional<long long> at, long long now) {
  db::query(s, "UPDATE consensus_conversations SET closed_at = $2, updated_at = $3 WHERE id = $1",
            {conversation_id, at ? db::Param(*at) : db::Param(nullptr), now});
}

analysis::Input votes(soci::session& s, long long conversation_id) {
  analysis::Input in;
  db::query(s, "SELECT id FROM consensus_statements WHERE conversation_id = $1 AND hidden_at IS NULL ORDER BY id",
            {conversation_id}, [&](const db::Row& r) { in.statements.push_back(r.integer(0)); });
  db::query(s,
            "SELECT v.user_id, v.statement_id, v.vote FROM consensus_votes v JOIN consensus_statements st ON st.id = "
            "v.statement_id WHERE v.conversation_id = $1 AND st.hidden_at IS NULL",
            {conversation_id}, [&](const db::Row& r) {
              in.votes.push_back({r.integer(0), r.integer(1), static_cast<int>(r.integer(2))});
            });
  return in;
}

}  // namespace roundtable::consensus::store
