#include "decisions/decision_words.hpp"

#include "core/london_time.hpp"
#include "meetings/london_words.hpp"

namespace roundtable::decisions {

std::string when_words(const core::Translator& t, long long utc) {
  const auto w = core::to_london(utc);
  const std::string date =
      core::format(t("date.date"), {{"day", std::to_string(w.day)},
                                    {"month", std::string(t("date.month." + std::to_string(w.month)))},
                                    {"year", std::to_string(w.year)}});
  const int hour12 = w.hour % 12 == 0 ? 12 : w.hour % 12;
  const std::string minutes = (w.minute < 10 ? "0" : "") + std::to_string(w.minute);
  const std::string time = core::format(t(w.hour < 12 ? "date.time_am" : "date.time_pm"),
                                        {{"hour", std::to_string(hour12)}, {"minute", minutes}});
  return core::format(t("date.datetime"), {{"date", date}, {"time", time}});
}

std::string outcome_words(const core::Translator& t, const Proposal& p, const PollResult& poll) {
  if (p.withdrawn_at) return std::string(t("decisions.outcome.withdrawn"));
  const Outcome o = p.outcome.value_or(Outcome::no_votes);
  const bool times = p.details.process == Process::meeting_time;
  if (o == Outcome::chosen && poll.leaders.size() == 1) {
    const auto* option = p.option(poll.leaders.front());
    return core::format(t(times ? "decisions.outcome.time_chosen" : "decisions.outcome.chosen"),
                        {{"option", option ? option_label(t, *option) : std::string()}});
  }
  if (times && o == Outcome::no_votes) return std::string(t("decisions.outcome.no_time"));
  // What the counts say wins over an outcome stored as "chosen" without one leader (written by hand in SQL, say): the
  // sentence never goes out with its {option} unfilled.
  if (o == Outcome::tie || (o == Outcome::chosen && poll.leaders.size() > 1)) {
    std::string names;
    for (long long id : poll.leaders) {
      if (const auto* option = p.option(id)) names += (names.empty() ? "" : "; ") + option_label(t, *option);
    }
    return core::format(t("decisions.outcome.tie"), {{"options", names}});
  }
  if (o == Outcome::chosen) return std::string(t("decisions.outcome.no_votes"));
  return std::string(t("decisions.outcome." + std::string(outcome_code(o))));
}

std::string option_words(const Option& o) { return o.easy_read.empty() ? o.text : o.text + " (" + o.easy_read + ")"; }

std::string option_label(const core::Translator& t, const Option& o) {
  return o.is_time() ? meetings::when_text(t, o.starts_at, o.ends_at, true) : o.text;
}

std::string process_words(const core::Translator& t, Process p) {
  return std::string(t("decisions.process." + std::string(process_code(p))));
}

std::string member_type_words(const core::Translator& t, MemberType m) {
  return std::string(t("decisions.member_type." + std::string(organisations::member_type_code(m))));
}

std::string consent_answer_words(const core::Translator& t, ConsentAnswer a) {
  return std::string(t("decisions.consent.answer." + std::string(consent_answer_code(a))));
}

}  // namespace roundtable::decisions
