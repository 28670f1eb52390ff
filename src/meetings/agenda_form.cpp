#include "meetings/agenda_form.hpp"

#include "accounts/form_checks.hpp"
#include "core/london_time.hpp"
#include "core/text.hpp"

namespace roundtable::meetings {

namespace {

using accounts::check_at_most;
using accounts::check_required;

/// The start of this form's error keys.
constexpr std::string_view kAgendaErrors = "meetings.error.";

/// A typed part of a date, or -1 when it is not a small number.
int number(const std::string& s) { return core::small_number(s).value_or(-1); }

/// A real day from 2000 to 2200: the years an action's due date has always been allowed.
bool real_due_date(int y, int m, int d) { return y >= 2000 && y <= 2200 && core::real_date(y, m, d); }

}  // namespace

ItemForm read_item(const http::FormData& form) {
  return {form.trimmed("title"), form.trimmed("notes"), form.trimmed("create_key")};
}

std::vector<FormProblem> check_item(const ItemForm& f) {
  std::vector<FormProblem> out;
  check_required(out, f.title, kMaxItemTitle, "item_title", kAgendaErrors);
  check_at_most(out, f.notes, kMaxItemNotes, "item_notes", kAgendaErrors);
  return out;
}

ActionForm read_action(const http::FormData& form) {
  return {form.trimmed("item"),      form.trimmed("what"),     form.trimmed("owner"),     form.trimmed("due-day"),
          form.trimmed("due-month"), form.trimmed("due-year"), form.trimmed("create_key")};
}

std::vector<FormProblem> check_action(const ActionForm& f) {
  std::vector<FormProblem> out;
  if (f.item.empty()) out.push_back({"item", "meetings.error.action_item_missing"});
  check_required(out, f.what, kMaxActionWhat, "action_what", kAgendaErrors);
  if (f.owner.empty()) out.push_back({"owner", "meetings.error.action_owner_missing"});
  if (f.day.empty() && f.month.empty() && f.year.empty()) {
    out.push_back({"due-day", "meetings.error.due_missing"});
  } else if (!real_due_date(number(f.year), number(f.month), number(f.day))) {
    out.push_back({"due-day", "meetings.error.due_real"});
  }
  return out;
}

std::string due_on(const ActionForm& f) {
  const int y = number(f.year), m = number(f.month), d = number(f.day);
  std::string out = std::to_string(y) + "-";
  out += (m < 10 ? "0" : "") + std::to_string(m) + "-";
  out += (d < 10 ? "0" : "") + std::to_string(d);
  return out;
}

PaperForm read_paper(const http::FormData& form) {
  return {form.trimmed("paper_title"), form.trimmed("accessible_kind"), form.trimmed("create_key")};
}

std::vector<FormProblem> check_paper(const PaperForm& f, bool has_version) {
  std::vector<FormProblem> out;
  check_required(out, f.title, kMaxPaperTitle, "paper_title", kAgendaErrors);
  if (has_version && f.accessible_kind != "easy_read" && f.accessible_kind != "large_print") {
    out.push_back({"accessible_kind", "meetings.error.accessible_kind_missing"});
  }
  return out;
}

std::vector<FormProblem> check_decision(const std::string& decision) {
  std::vector<FormProblem> out;
  check_at_most(out, decision, kMaxDecision, "decision", kAgendaErrors);
  return out;
}

std::vector<FormProblem> check_minutes(const std::string& minutes) {
  std::vector<FormProblem> out;
  if (minutes.size() > kMaxMinutes) out.push_back({"minutes", "meetings.error.minutes_long"});
  return out;
}

}  // namespace roundtable::meetings
