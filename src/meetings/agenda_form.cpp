#include "meetings/agenda_form.hpp"

#include <charconv>

namespace roundtable::meetings {

namespace {

/// Characters, not bytes (UTF-8): Welsh and other letters count once.
std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void required(std::vector<FormProblem>& out, const std::string& value, std::size_t max, const char* field) {
  if (value.empty()) {
    out.push_back({field, "meetings.error." + std::string(field) + "_missing"});
  } else if (length(value) > max) {
    out.push_back({field, "meetings.error." + std::string(field) + "_long"});
  }
}

int number(const std::string& s) {
  int n = -1;
  if (s.empty() || s.size() > 4) return -1;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  return ec == std::errc() && p == s.data() + s.size() ? n : -1;
}

bool real_date(int y, int m, int d) {
  if (y < 2000 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace

ItemForm read_item(const http::FormData& form) {
  return {form.trimmed("title"), form.trimmed("notes"), form.trimmed("create_key")};
}

std::vector<FormProblem> check_item(const ItemForm& f) {
  std::vector<FormProblem> out;
  required(out, f.title, kMaxItemTitle, "item_title");
  if (length(f.notes) > kMaxItemNotes) out.push_back({"item_notes", "meetings.error.item_notes_long"});
  return out;
}

ActionForm read_action(const http::FormData& form) {
  return {form.trimmed("item"),      form.trimmed("what"),     form.trimmed("owner"),     form.trimmed("due-day"),
          form.trimmed("due-month"), form.trimmed("due-year"), form.trimmed("create_key")};
}

std::vector<FormProblem> check_action(const ActionForm& f) {
  std::vector<FormProblem> out;
  if (f.item.empty()) out.push_back({"item", "meetings.error.action_item_missing"});
  required(out, f.what, kMaxActionWhat, "action_what");
  if (f.owner.empty()) out.push_back({"owner", "meetings.error.action_owner_missing"});
  if (f.day.empty() && f.month.empty() && f.year.empty()) {
    out.push_back({"due-day", "meetings.error.due_missing"});
  } else if (!real_date(number(f.year), number(f.month), number(f.day))) {
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
  required(out, f.title, kMaxPaperTitle, "paper_title");
  if (has_version && f.accessible_kind != "easy_read" && f.accessible_kind != "large_print") {
    out.push_back({"accessible_kind", "meetings.error.accessible_kind_missing"});
  }
  return out;
}

std::vector<FormProblem> check_decision(const std::string& decision) {
  std::vector<FormProblem> out;
  if (length(decision) > kMaxDecision) out.push_back({"decision", "meetings.error.decision_long"});
  return out;
}

std::vector<FormProblem> check_minutes(const std::string& minutes) {
  std::vector<FormProblem> out;
  if (minutes.size() > kMaxMinutes) out.push_back({"minutes", "meetings.error.minutes_long"});
  return out;
}

}  // namespace roundtable::meetings
