/// The consensus finder (issue #15 item 8, ADR 0034): a group's conversations, each a question; members write short
/// statements and agree, disagree or pass on each one. Plain types shared by the store, the service and the pages
/// (no SOCI, no Beast).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "groups/group.hpp"

namespace roundtable::consensus {

using groups::GroupRole;

inline constexpr std::size_t kMaxQuestion = 200;
inline constexpr std::size_t kMaxStatement = 140;
inline constexpr std::size_t kMaxReason = 500;
/// Statements in one conversation (the analysis stays well under a second at 5,000 people x 200 statements).
inline constexpr long long kMaxStatements = 200;

/// 1 agree, -1 disagree, 0 pass.
enum class Answer { agree = 1, disagree = -1, pass = 0 };
std::optional<Answer> parse_answer(std::string_view code);
/// "agree", "disagree", "pass".
std::string_view answer_code(Answer a);

struct Conversation {
  long long id = 0;
  long long org_id = 0;
  long long group_id = 0;
  std::string group_name;
  groups::Visibility group_visibility = groups::Visibility::members;
  bool group_archived = false;
  std::string question;
  std::optional<long long> closed_at;
  long long votes_version = 0;
  long long created_at = 0;
};

/// A conversation as one person sees it: their role in its group (none when they are not in it).
struct ConversationForViewer {
  Conversation conversation;
  std::optional<GroupRole> role;
};

struct Statement {
  long long id = 0;
  long long conversation_id = 0;
  std::string body;
  std::optional<long long> hidden_at;
  std::string hidden_reason;
  /// The viewer's answer, when they gave one.
  std::optional<Answer> mine;
};

/// A conversation's page: the conversation, its statements (hidden ones too, last), and how many people voted.
struct ConversationPage {
  ConversationForViewer view;
  std::vector<Statement> statements;
  long long voters = 0;
  /// The first statement in play the viewer has not answered (none: they answered them all).
  const Statement* next() const;
  /// Statements in play.
  long long in_play() const;
  long long answered() const;
};

}  // namespace roundtable::consensus
