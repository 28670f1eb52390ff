#include "loop/loop.hpp"

#include <charconv>

#include "accounts/form_checks.hpp"
#include "core/london_time.hpp"

namespace roundtable::loop {

std::string_view status_code(Status s) {
  switch (s) {
    case Status::under_way: return "under_way";
    case Status::changed: return "changed";
    case Status::decided_against: return "decided_against";
    case Status::not_now: return "not_now";
  }
  return "under_way";
}

std::optional<Status> parse_status(std::string_view code) {
  for (Status s : kAllStatuses) {
    if (status_code(s) == code) return s;
  }
  return std::nullopt;
}

namespace {

std::optional<int> number(std::string_view v) {
  int n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return n;
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::vector<FormProblem> check_status(const StatusForm& form, long long today, NewChange& out) {
  std::vector<FormProblem> problems;
  accounts::check_required(problems, form.you_said, kMaxYouSaid, "you_said", "loop.error.");
  const auto status = parse_status(form.status);
  if (!status) {
    problems.push_back({"status", "loop.error.status_missing"});
  } else {
    out.status = *status;
    // One box for what changed, why not, or more words: what it must hold depends on the status.
    if (form.detail.empty() && *status == Status::changed) {
      problems.push_back({"detail", "loop.error.what_changed_missing"});
    } else if (form.detail.empty() && *status == Status::decided_against) {
      problems.push_back({"detail", "loop.error.why_missing"});
    } else {
      accounts::check_at_most(problems, form.detail, kMaxDetail, "detail", "loop.error.");
    }
    if (*status == Status::not_now) {
      const auto d = number(form.until_day), m = number(form.until_month), y = number(form.until_year);
      if (form.until_day.empty() && form.until_month.empty() && form.until_year.empty()) {
        problems.push_back({"until-day", "loop.error.until_missing"});
      } else if (!d || !m || !y || *y < 1000 || *y > 9999 || !core::real_date(*y, *m, *d)) {
        problems.push_back({"until-day", "loop.error.until_invalid"});
      } else if (core::days_from_civil(*y, *m, *d) <= today) {
        problems.push_back({"until-day", "loop.error.until_past"});
      } else {
        out.until = std::to_string(*y) + "-" + two(*m) + "-" + two(*d);
      }
    }
  }
  accounts::check_at_most(problems, form.easy_read, kMaxEasyRead, "easy_read", "loop.error.");
  if (!problems.empty()) return problems;
  out.detail = form.detail;
  out.you_said = form.you_said;
  out.change_key = form.change_key;
  out.easy_read = form.easy_read;
  return problems;
}

}  // namespace roundtable::loop
