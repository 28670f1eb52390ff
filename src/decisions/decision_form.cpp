#include "decisions/decision_form.hpp"

#include "accounts/form_checks.hpp"
#include "core/london_time.hpp"
#include "core/text.hpp"
#include "http/form.hpp"
#include "meetings/meeting_form.hpp"

namespace roundtable::decisions {

namespace {

constexpr std::string_view kErrors = "decisions.error.";

std::string field(std::size_t n, const char* suffix = "") { return "option-" + std::to_string(n) + suffix; }

/// The closing instant of what was typed, when it is a real London date and time.
std::optional<long long> closes_at(const ProposalForm& f) {
  const auto d = core::small_number(f.closes_day), m = core::small_number(f.closes_month),
             y = core::small_number(f.closes_year);
  if (!d || !m || !y || f.closes_year.size() != 4 || !core::real_date(*y, *m, *d)) return std::nullopt;
  const auto time = meetings::parse_clock_time(f.closes_time);
  if (!time) return std::nullopt;
  const auto at = core::from_london({*y, *m, *d, time->first, time->second});
  if (at.kind == core::LondonInstant::Kind::missing) return std::nullopt;
  return at.utc;
}

}  // namespace

ProposalForm read_proposal(const http::FormData& form) {
  ProposalForm f;
  f.title = form.trimmed("title");
  f.body = form.trimmed("body");
  f.easy_read = form.trimmed("easy_read");
  f.process = form.trimmed("process");
  f.anonymous = form.trimmed("anonymous");
  f.eligibility = form.trimmed("eligibility");
  for (std::size_t i = 0; i < kOptionRows; ++i) {
    f.options[i] = {form.trimmed(field(i)), form.trimmed(field(i, "-easy"))};
  }
  f.closes_day = form.trimmed("closes-day");
  f.closes_month = form.trimmed("closes-month");
  f.closes_year = form.trimmed("closes-year");
  f.closes_time = form.trimmed("closes-time");
  f.create_key = form.trimmed("create_key");
  return f;
}

std::vector<FormProblem> check_proposal(const ProposalForm& f, long long now) {
  std::vector<FormProblem> out;
  accounts::check_required(out, f.title, kMaxTitle, "title", kErrors);
  accounts::check_required(out, f.body, kMaxBody, "body", kErrors);
  accounts::check_at_most(out, f.easy_read, kMaxEasyRead, "easy_read", kErrors);
  const auto process = parse_process(f.process);
  if (!process) out.push_back({"process", "decisions.error.process_missing"});
  if (process == Process::simple_poll) {
    std::size_t given = 0;
    for (std::size_t i = 0; i < f.options.size(); ++i) {
      const auto& o = f.options[i];
      if (!o.text.empty()) ++given;
      if (o.text.empty() && !o.easy_read.empty()) out.push_back({field(i), "decisions.error.option_easy_only"});
      if (core::characters(o.text) > kMaxOption) out.push_back({field(i), "decisions.error.option_long"});
      if (core::characters(o.easy_read) > kMaxOption) {
        out.push_back({field(i, "-easy"), "decisions.error.option_long"});
      }
    }
    if (given < kMinOptions) out.push_back({field(0), "decisions.error.options_few"});
  }
  if (!parse_eligibility(f.eligibility)) out.push_back({"eligibility", "decisions.error.eligibility_missing"});
  const bool none = f.closes_day.empty() && f.closes_month.empty() && f.closes_year.empty() && f.closes_time.empty();
  if (none) {
    out.push_back({"closes-day", "decisions.error.closes_missing"});
  } else if (const auto at = closes_at(f); !at) {
    out.push_back({"closes-day", "decisions.error.closes_real"});
  } else if (*at <= now) {
    out.push_back({"closes-day", "decisions.error.closes_past"});
  }
  // The key comes from the page, not the person: without it the page was not ours (or is very old).
  if (f.create_key.size() < 16 || f.create_key.size() > 64) out.push_back({"title", "decisions.error.form_expired"});
  return out;
}

ProposalDetails details_of(const ProposalForm& f) {
  ProposalDetails d;
  d.title = f.title;
  d.body = f.body;
  d.easy_read = f.easy_read;
  d.process = parse_process(f.process).value_or(Process::simple_poll);
  d.anonymous = d.process == Process::simple_poll && f.anonymous == "yes";
  d.eligibility = parse_eligibility(f.eligibility).value_or(Eligibility::members);
  d.closes_at = closes_at(f).value_or(0);
  if (d.process == Process::simple_poll) {
    for (const auto& o : f.options) {
      if (!o.text.empty()) d.options.push_back({0, o.text, o.easy_read});
    }
  }
  return d;
}

ResponseForm read_response(const http::FormData& form) { return {form.trimmed("answer"), form.trimmed("reason")}; }

std::vector<FormProblem> check_response(const ResponseForm& f) {
  std::vector<FormProblem> out;
  const auto a = parse_consent_answer(f.answer);
  if (!a) {
    out.push_back({"answer", "decisions.error.answer_missing"});
    return out;
  }
  if (*a == ConsentAnswer::object) accounts::check_required(out, f.reason, kMaxReason, "reason", kErrors);
  return out;
}

}  // namespace roundtable::decisions
