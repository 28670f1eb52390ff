/// The agenda and minutes forms: read from http::FormData, checked into catalogue keys (meetings.error.*), with what
/// was typed kept for showing the form again.
#pragma once

#include <string>
#include <vector>

#include "accounts/account_form.hpp"
#include "http/form.hpp"

namespace roundtable::meetings {

using accounts::FormProblem;

inline constexpr std::size_t kMaxItemTitle = 150;
inline constexpr std::size_t kMaxItemNotes = 1000;
inline constexpr std::size_t kMaxDecision = 2000;
inline constexpr std::size_t kMaxActionWhat = 300;
inline constexpr std::size_t kMaxMinutes = 100000;

/// An agenda item: a title and a few words.
struct ItemForm {
  std::string title;
  std::string notes;
  std::string create_key;
};
ItemForm read_item(const http::FormData& form);
std::vector<FormProblem> check_item(const ItemForm& form);

/// An action: for which item, what, who (someone in the group), and by when.
struct ActionForm {
  std::string item;
  std::string what;
  std::string owner;
  std::string day, month, year;
  std::string create_key;
};
ActionForm read_action(const http::FormData& form);
std::vector<FormProblem> check_action(const ActionForm& form);
/// "YYYY-MM-DD" of a form check_action found nothing wrong with.
std::string due_on(const ActionForm& form);

/// A paper: its title and, when a second file is given, whether that is the easy-read or large-print version.
inline constexpr std::size_t kMaxPaperTitle = 150;
struct PaperForm {
  std::string title;
  std::string accessible_kind;
  std::string create_key;
};
PaperForm read_paper(const http::FormData& form);
/// has_version: a second file came with it (then it must say which version it is).
std::vector<FormProblem> check_paper(const PaperForm& form, bool has_version);

std::vector<FormProblem> check_decision(const std::string& decision);
std::vector<FormProblem> check_minutes(const std::string& minutes);

}  // namespace roundtable::meetings
