/// The consensus finder's use cases: conversations started, closed and reopened; statements written and hidden;
/// answers given and changed; the results worked out from the votes. Each change is one database visit in one
/// transaction that asks the policy again with the person's role in the group at that moment. The results are worked
/// out when asked for and kept in memory for the conversation's votes version, so a page view costs a few reads until
/// someone votes again (ADR 0034).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "consensus/analysis.hpp"
#include "consensus/consensus.hpp"
#include "consensus/consensus_policy.hpp"
#include "consensus/consensus_store.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace roundtable::consensus {

using boost::asio::awaitable;

/// The person changing something, for the policy.
struct Who {
  long long user_id = 0;
  core::Role org_role = core::Role::member;
  bool two_step = false;
};

enum class Change { done, refused };

/// A new statement: its id, or why there is none.
struct Added {
  enum class Outcome { done, full, refused } outcome = Outcome::refused;
  long long id = 0;
};

/// A statement's page: the statement with the viewer's answer, and its conversation.
struct StatementPage {
  ConversationForViewer view;
  Statement statement;
};

/// The results page: the conversation, its statements (by id) and the analysis of its votes.
struct ResultsPage {
  ConversationForViewer view;
  std::vector<Statement> statements;
  std::shared_ptr<const analysis::Result> result;
  const Statement* statement(long long id) const;
};

class ConsensusService {
 public:
  ConsensusService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  awaitable<std::optional<groups::GroupForViewer>> group_for(long long org_id, long long group_id, long long viewer,
                                                             groups::AlongWithGroup along = {});
  /// The group's conversations, read along with the group (group_for).
  static groups::AlongWithGroup conversations_along(std::vector<store::ConversationListed>& out);
  awaitable<std::vector<store::ConversationListed>> group_conversations(long long group_id);
  /// The same create key twice makes one conversation (0: refused).
  awaitable<long long> create_conversation(Who who, long long org_id, long long group_id, std::string question,
                                           std::string create_key);
  awaitable<std::optional<ConversationPage>> conversation_page(long long org_id, long long id, long long viewer);
  awaitable<std::optional<StatementPage>> statement_page(long long org_id, long long statement_id, long long viewer);
  /// The result is worked out (or taken from memory) only when `who` may see the conversation; otherwise it is null
  /// and the page answers as the policy says.
  awaitable<std::optional<ResultsPage>> results(Who who, long long org_id, long long id);

  /// The same create key twice makes one statement; full at kMaxStatements.
  awaitable<Added> add_statement(Who who, long long org_id, long long conversation_id, std::string body,
                                 std::string create_key);
  /// Records or changes the person's answer to a statement in play.
  awaitable<Change> answer(Who who, long long org_id, long long statement_id, Answer answer);
  awaitable<Change> hide(Who who, long long org_id, long long statement_id, std::string reason);
  awaitable<Change> set_open(Who who, long long org_id, long long conversation_id, bool open);

  /// For demo data and tests, on the calling thread (no policy).
  long long create_conversation_now(long long org_id, long long group_id, long long actor, const std::string& question,
                                    const std::string& key);
  long long add_statement_now(long long org_id, long long conversation_id, long long actor, const std::string& body,
                              const std::string& key);
  void answer_now(long long org_id, long long statement_id, long long user_id, Answer answer);

  long long now() const { return clock_.now_seconds(); }

 private:
  struct Cached {
    long long version = -1;
    std::shared_ptr<const analysis::Result> result;
  };
  /// The cached result for this version, or nullptr.
  std::shared_ptr<const analysis::Result> cached(long long conversation_id, long long version);
  void keep(long long conversation_id, long long version, std::shared_ptr<const analysis::Result> result);
  /// How many people have answered, counted once per votes version (COUNT(DISTINCT) over every vote: a million rows
  /// for 5,000 people x 200 statements), kept beside the results.
  long long voters(soci::session& s, long long conversation_id, long long version);
  std::map<long long, std::pair<long long, long long>> voters_;  // conversation -> (votes version, people)

  db::Database& db_;
  const core::Clock& clock_;
  std::mutex mutex_;
  std::map<long long, Cached> cache_;
};

}  // namespace roundtable::consensus
