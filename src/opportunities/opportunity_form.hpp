/// The opportunities module's forms: what was typed, kept as typed for showing again, checked into catalogue keys.
#pragma once

#include <string>
#include <vector>

#include "accounts/account_form.hpp"
#include "opportunities/opportunity.hpp"

namespace roundtable::http {
class FormData;
}

namespace roundtable::opportunities {

using accounts::FormProblem;

inline constexpr std::size_t kMaxTitle = 120;
inline constexpr std::size_t kMaxDescription = 20000;
inline constexpr std::size_t kMaxShort = 300;
inline constexpr std::size_t kMaxSupport = 2000;
inline constexpr std::size_t kMaxMessage = 3000;
inline constexpr std::size_t kMaxHelp = 1000;

struct OpportunityForm {
  std::string title;
  std::string description;
  std::string time_asked;
  std::string payment;
  std::string support;
  /// The closing date as typed, in three boxes.
  std::string day, month, year;
  std::string audience;
  /// The form's random key: sent twice, it makes one opportunity.
  std::string create_key;
};

OpportunityForm read_opportunity(const http::FormData& form);
/// The form filled in from an opportunity's details (to edit them).
OpportunityForm form_of(const OpportunityDetails& details);
/// Problems in page order. The closing date must be a real date, today or later; creating: the create key must be
/// there too.
std::vector<FormProblem> check_opportunity(const OpportunityForm& form, bool creating, const Date& today);
/// The details of a form check_opportunity found nothing wrong with.
OpportunityDetails details_of(const OpportunityForm& form);

/// An expression of interest, in the person's own words or a recording (or both), and what would help them take part.
/// The recording itself is a file (field "recording"), checked by uploads; the form says whether to remove the one
/// there is.
struct InterestForm {
  std::string message;
  std::string help;
  /// "Remove the recording" was ticked.
  bool remove_recording = false;
};
InterestForm read_interest(const http::FormData& form);
/// has_recording: a new recording was given and accepted, or the one there is stays. Words are needed only without
/// a recording.
std::vector<FormProblem> check_interest(const InterestForm& form, bool has_recording = false);

}  // namespace roundtable::opportunities
