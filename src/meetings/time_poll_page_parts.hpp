/// What the "find a time" pages share (time_poll_pages.cpp, time_poll_form_pages.cpp): finding the poll in the
/// address, who may do what to it, and its words; and the parts a decision decided by "find a meeting time"
/// (src/decisions) shows the same way: the candidate times' fields, the answer radios and the results tables.
#pragma once

#include <string>
#include <variant>

#include "meetings/meeting_pages.hpp"
#include "meetings/time_poll_form.hpp"
#include "meetings/time_poll_service.hpp"

namespace roundtable::meetings::pages {

/// The person may do this to the poll (the policy does not deny it).
bool may_poll(const OrgRequest& req, const PollForViewer& v, policy::Action action, long long now);
/// "Weekday evening", "Weekend" ...
std::string kind_name(const core::Translator& t, TimeKind k);
/// "Yes", "If I have to", "No"
std::string answer_words(const core::Translator& t, PollAnswer a);
/// "Tuesday 8 December 2026, 6:30pm to 8:00pm (weekday evening)"
std::string option_text(const core::Translator& t, const PollOption& o);
/// Each time with its yes, if-need-be, no and unanswered counts, in the order given; `best_tag` on those marked best.
void answers_table(view::Html& h, const core::Translator& t, const std::vector<OptionTally>& tallies,
                   const std::string& best_tag, const std::string& caption);
/// Who answered what: a row per person, a column per time.
void who_answered_table(view::Html& h, const core::Translator& t, const std::vector<PollOption>& options,
                        const std::vector<PollPerson>& people);
/// A row of radios per time (fields "o-<option id>"), showing `shown`; the first carries the error.
void answer_radios(view::Html& h, const core::Translator& t, const std::vector<PollOption>& options,
                   const std::vector<PollVote>& shown, const std::vector<view::FieldError>& errors);
/// The candidate times' fields ("rows" hidden, then "c-<n>-day" ... per row), each row saying what sort of time it is.
void candidate_fields(view::Html& h, const core::Translator& t, const std::vector<CandidateRow>& rows,
                      const std::vector<view::FieldError>& errors);
/// The secondary buttons (name "add") that add the next weekday evenings, weekend mornings or empty rows.
void add_time_buttons(view::Html& h, const core::Translator& t, std::size_t rows);
/// The poll named by {poll} in the address, when the person may do this to it; otherwise the answer to send.
awaitable<std::variant<PollPage, Response>> load_poll(OrgRequest& req, const PagesDeps& deps, policy::Action action);

}  // namespace roundtable::meetings::pages
