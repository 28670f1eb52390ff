#include "consensus/consensus.hpp"

namespace roundtable::consensus {

std::optional<Answer> parse_answer(std::string_view code) {
  if (code == "agree") return Answer::agree;
  if (code == "disagree") return Answer::disagree;
  if (code == "pass") return Answer::pass;
  return std::nullopt;
}

std::string_view answer_code(Answer a) {
  switch (a) {
    case Answer::agree: return "agree";
    case Answer::disagree: return "disagree";
    case Answer::pass: return "pass";
  }
  return "pass";
}

const Statement* ConversationPage::next() const {
  for (const auto& s : statements) {
    if (!s.hidden_at && !s.mine) return &s;
  }
  return nullptr;
}

long long ConversationPage::in_play() const {
  long long n = 0;
  for (const auto& s : statements) n += s.hidden_at ? 0 : 1;
  return n;
}

long long ConversationPage::answered() const {
  long long n = 0;
  for (const auto& s : statements) n += !s.hidden_at && s.mine ? 1 : 0;
  return n;
}

}  // namespace roundtable::consensus
