/// The statement form: what an organisation admin typed, and what is wrong with it (catalogue keys).
#pragma once

#include <string>
#include <vector>

#include "accessibility/statement.hpp"
#include "view/problems.hpp"

namespace roundtable::http {
class FormData;
}

namespace roundtable::accessibility {

/// What was typed, kept as typed for showing the form again.
struct StatementForm {
  std::string compliance;
  std::string known_problems;
  std::string contact_email;
  std::string contact_phone;
  std::string reply_days;
  /// "yes" or "no".
  std::string published;
};

/// A field (its input's id) and the catalogue key of what is wrong with it.
struct FormProblem {
  std::string field;
  std::string key;
};

inline constexpr size_t kMaxKnownProblems = 5000;

StatementForm read_statement(const http::FormData& form);
/// The form as the saved statement shows it (for editing).
StatementForm form_of(const Statement& statement);
/// Every problem, in the order of the fields on the page; empty when it can be saved.
std::vector<FormProblem> check_statement(const StatementForm& form);
/// The statement the form describes (check_statement found nothing wrong).
Statement statement_of(const StatementForm& form, long long org_id);

}  // namespace roundtable::accessibility
