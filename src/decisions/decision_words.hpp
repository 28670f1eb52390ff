/// Words shared by the decisions pages and email: London times, outcomes, processes and member types.
#pragma once

#include <string>

#include "core/i18n.hpp"
#include "decisions/decision.hpp"
#include "decisions/results.hpp"

namespace roundtable::decisions {

/// "8 December 2026 at 6:30pm" (London time).
std::string when_words(const core::Translator& t, long long utc);
/// What came of a closed proposal, as a sentence ("Most people chose: Saturday mornings.").
std::string outcome_words(const core::Translator& t, const Proposal& p, const PollResult& poll);
/// An option as the reader sees it: its words, or (finding a meeting time) its time, "Tuesday 3 March 2027, 6pm to
/// 7:30pm" (London time).
std::string option_label(const core::Translator& t, const Option& o);
/// An option's words with its easy read words after them in brackets, when it has some.
std::string option_words(const Option& o);
std::string process_words(const core::Translator& t, Process p);
std::string member_type_words(const core::Translator& t, MemberType m);
std::string consent_answer_words(const core::Translator& t, ConsentAnswer a);

}  // namespace roundtable::decisions
