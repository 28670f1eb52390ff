/// The only place the consensus finder's SQL lives. Every function takes the caller's session; changes run inside the
/// service's db::WriteTransaction. A conversation's page is a fixed number of queries however many statements.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "consensus/analysis.hpp"
#include "consensus/consensus.hpp"

namespace soci {
class session;
}
namespace roundtable::db {
class Batch;
}

namespace roundtable::consensus::store {

struct ConversationListed {
  Conversation conversation;
  long long statements = 0;
};

/// The new conversation's id, or 0 when one with this create key exists already.
long long insert_conversation(soci::session& s, long long org_id, long long group_id, std::string_view question,
                              std::string_view create_key, long long actor, long long now);
std::optional<long long> find_conversation_by_key(soci::session& s, long long org_id, std::string_view create_key);
std::vector<ConversationListed> conversations_of_group(soci::session& s, long long group_id);
void conversations_of_group(db::Batch& b, long long group_id, std::vector<ConversationListed>& out);
/// The conversation (in this organisation) with the viewer's role in its group.
std::optional<ConversationForViewer> find_conversation(soci::session& s, long long org_id, long long id,
                                                       long long viewer);
/// The conversation a statement belongs to (in this organisation).
std::optional<long long> conversation_of_statement(soci::session& s, long long org_id, long long statement_id);
/// Statements in play by age, then hidden ones, each with the viewer's answer.
std::vector<Statement> statements(soci::session& s, long long conversation_id, long long viewer);
/// People who answered at least one statement.
long long voters(soci::session& s, long long conversation_id);
long long count_statements(soci::session& s, long long conversation_id);

/// The new statement's id, or 0 when one with this create key exists already.
long long insert_statement(soci::session& s, long long org_id, long long conversation_id, std::string_view body,
                           std::string_view create_key, long long actor, long long now);
std::optional<long long> find_statement_by_key(soci::session& s, long long conversation_id,
                                               std::string_view create_key);
/// Takes the statement out of play with the reason; false when it was hidden already.
bool hide_statement(soci::session& s, long long statement_id, std::string_view reason, long long now);
/// Records (or changes) the person's answer.
void set_vote(soci::session& s, long long org_id, long long conversation_id, long long statement_id, long long user_id,
              Answer answer, long long now);
/// Bumps the conversation's votes version (the results worked out before are out of date).
void bump_version(soci::session& s, long long conversation_id, long long now);
/// After a membership ends (its votes went with it): every conversation of the organisation is out of date.
void bump_versions_of_org(soci::session& s, long long org_id);
void set_closed(soci::session& s, long long conversation_id, std::optional<long long> at, long long now);

/// Every vote on the statements in play, for the analysis (the statements in their order).
analysis::Input votes(soci::session& s, long long conversation_id);

}  // namespace roundtable::consensus::store
