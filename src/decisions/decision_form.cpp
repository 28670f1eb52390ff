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
  f.dot_budget = form.trimmed("dot_budget");
  f.dot_most = form.trimmed("dot_most");
  f.score_highest = form.trimmed("score_highest");
  f.times = meetings::read_candidate_rows(form);
  f.add = form.trimmed("add");
  return f;
}

std::vector<FormProblem> check_proposal(const ProposalForm& f, long long now) {
  std::vector<FormProblem> out;
  accounts::check_required(out, f.title, kMaxTitle, "title", kErrors);
  accounts::check_required(out, f.body, kMaxBody, "body", kErrors);
  accounts::check_at_most(out, f.easy_read, kMaxEasyRead, "easy_read", kErrors);
  const auto process = parse_process(f.process);
  if (!process) out.push_back({"process", "decisions.error.process_missing"});
  if (process == Process::meeting_time) {
    meetings::check_candidate_rows(out, f.times, now);
  } else if (process && has_options(*process)) {
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
  if (process == Process::dot_vote) {
    const auto budget = core::small_number(f.dot_budget);
    if (!budget || *budget < 1 || *budget > kMaxDotBudget) out.push_back({"dot_budget", "decisions.error.dot_budget"});
    if (!f.dot_most.empty()) {
      const auto most = core::small_number(f.dot_most);
      if (!most || *most < 1 || (budget && *most > *budget)) out.push_back({"dot_most", "decisions.error.dot_most"});
    }
  }
  if (process == Process::score) {
    const auto highest = core::small_number(f.score_highest);
    if (!highest || *highest < 1 || *highest > kMaxScore) {
      out.push_back({"score_highest", "decisions.error.score_highest"});
    }
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
  d.anonymous = has_options(d.process) && f.anonymous == "yes";
  d.eligibility = parse_eligibility(f.eligibility).value_or(Eligibility::members);
  d.closes_at = closes_at(f).value_or(0);
  if (d.process == Process::meeting_time) {
    for (const auto& o : meetings::options_of_rows(f.times)) d.options.push_back({0, "", "", o.starts_at, o.ends_at});
  } else if (has_options(d.process)) {
    for (const auto& o : f.options) {
      if (!o.text.empty()) d.options.push_back({0, o.text, o.easy_read});
    }
  }
  if (d.process == Process::dot_vote) {
    d.dot_budget = core::small_number(f.dot_budget).value_or(0);
    d.dot_most = f.dot_most.empty() ? 0 : core::small_number(f.dot_most).value_or(0);
  }
  if (d.process == Process::score) d.score_highest = core::small_number(f.score_highest).value_or(0);
  return d;
}

const std::string* BallotForm::of(long long option_id) const {
  for (const auto& [id, text] : typed) {
    if (id == option_id) return &text;
  }
  return nullptr;
}

BallotForm read_ballot(const http::FormData& form, const std::vector<Option>& options) {
  BallotForm f;
  for (const auto& o : options) f.typed.emplace_back(o.id, form.trimmed("option-" + std::to_string(o.id)));
  return f;
}

std::variant<std::vector<std::pair<long long, long long>>, FormProblem> ballot_rows(const ProposalDetails& d,
                                                                                    const BallotForm& form) {
  std::vector<std::pair<long long, long long>> rows;
  for (const auto& [id, text] : form.typed) {
    if (text.empty()) continue;
    const auto n = core::small_number(text);
    if (!n) {
      const char* key = d.process == Process::dot_vote ? "decisions.dots.not_number"
                        : d.process == Process::score  ? "decisions.scores.out_of_range"
                                                       : "decisions.ranked.unknown_option";
      return FormProblem{"option-" + std::to_string(id), key};
    }
    rows.emplace_back(id, *n);
  }
  return rows;
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
