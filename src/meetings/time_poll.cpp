#include "meetings/time_poll.hpp"

#include <algorithm>

#include "meetings/london_time.hpp"

namespace roundtable::meetings {

std::string_view poll_answer_code(PollAnswer a) {
  switch (a) {
    case PollAnswer::yes: return "yes";
    case PollAnswer::if_need_be: return "if_need_be";
    case PollAnswer::no: return "no";
  }
  return "no";
}

std::optional<PollAnswer> parse_poll_answer(std::string_view code) {
  for (PollAnswer a : kAllPollAnswers) {
    if (poll_answer_code(a) == code) return a;
  }
  return std::nullopt;
}

TimeKind time_kind(long long starts_at) {
  const auto w = to_london(starts_at);
  const int weekday = weekday_of(w.year, w.month, w.day);
  if (weekday == 0 || weekday == 6) return TimeKind::weekend;
  return w.hour >= 17 ? TimeKind::weekday_evening : TimeKind::weekday_daytime;
}

std::string_view time_kind_code(TimeKind k) {
  switch (k) {
    case TimeKind::weekday_daytime: return "weekday_daytime";
    case TimeKind::weekday_evening: return "weekday_evening";
    case TimeKind::weekend: return "weekend";
  }
  return "weekday_daytime";
}

const PollOption* TimePoll::option(long long option_id) const {
  for (const auto& o : options) {
    if (o.id == option_id) return &o;
  }
  return nullptr;
}

std::optional<PollAnswer> PollPerson::answer_for(long long option_id) const {
  for (const auto& v : votes) {
    if (v.option_id == option_id) return v.answer;
  }
  return std::nullopt;
}

std::vector<OptionTally> count_answers(const std::vector<PollOption>& options, const std::vector<AnswerCount>& counts,
                                       long long people) {
  std::vector<OptionTally> out;
  for (const auto& o : options) {
    OptionTally t{.option = o};
    for (const auto& c : counts) {
      if (c.option_id != o.id) continue;
      if (c.answer == PollAnswer::yes) {
        t.yes += c.people;
      } else if (c.answer == PollAnswer::if_need_be) {
        t.if_need_be += c.people;
      } else {
        t.no += c.people;
      }
    }
    t.unanswered = std::max(0LL, people - t.yes - t.if_need_be - t.no);
    out.push_back(t);
  }
  return out;
}

std::vector<OptionTally> tally(const TimePoll& poll, const std::vector<PollPerson>& people) {
  std::vector<AnswerCount> counts;
  for (const auto& o : poll.options) {
    for (const auto& p : people) {
      if (const auto a = p.answer_for(o.id)) counts.push_back({o.id, *a, 1});
    }
  }
  auto out = count_answers(poll.options, counts, static_cast<long long>(people.size()));
  auto score = [](const OptionTally& t) { return std::pair{t.yes + t.if_need_be, t.yes}; };
  std::pair<long long, long long> top{0, 0};
  for (const auto& t : out) top = std::max(top, score(t));
  if (top.first > 0) {
    for (auto& t : out) t.best = score(t) == top;
  }
  std::stable_sort(out.begin(), out.end(), [&](const OptionTally& a, const OptionTally& b) {
    if (a.best != b.best) return a.best;
    return score(a) > score(b);
  });
  return out;
}

namespace {

SuggestedTime at(const WallClock& day, int sh, int sm, int eh, int em) {
  return {day.year, day.month, day.day, sh, sm, eh, em};
}

}  // namespace

std::vector<SuggestedTime> next_weekday_evenings(long long now, int count) {
  std::vector<SuggestedTime> out;
  const auto today = to_london(now);
  long long d = days_from_civil(today.year, today.month, today.day);
  while (static_cast<int>(out.size()) < count) {
    const auto day = civil_from_days(++d);
    const int weekday = weekday_of(day.year, day.month, day.day);
    if (weekday != 0 && weekday != 6) out.push_back(at(day, 18, 30, 20, 0));
  }
  return out;
}

std::vector<SuggestedTime> next_weekend_mornings(long long now) {
  std::vector<SuggestedTime> out;
  const auto today = to_london(now);
  long long d = days_from_civil(today.year, today.month, today.day);
  // The next Saturday after today, and the Sunday after it.
  while (true) {
    const auto day = civil_from_days(++d);
    if (weekday_of(day.year, day.month, day.day) == 6) {
      out.push_back(at(day, 10, 0, 12, 0));
      out.push_back(at(civil_from_days(d + 1), 10, 0, 12, 0));
      return out;
    }
  }
}

long long end_of_london_day(int year, int month, int day) {
  const auto next = civil_from_days(days_from_civil(year, month, day) + 1);
  // Midnight is never in the hour the clocks change.
  return from_london({next.year, next.month, next.day, 0, 0}).utc;
}

}  // namespace roundtable::meetings
