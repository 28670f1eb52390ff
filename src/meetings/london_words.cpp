#include "meetings/london_words.hpp"

#include "meetings/london_time.hpp"

namespace roundtable::meetings {

std::string day_text(const core::Translator& t, long long utc) {
  const auto w = to_london(utc);
  const std::string date =
      core::format(t("date.date"), {{"day", std::to_string(w.day)},
                                    {"month", std::string(t("date.month." + std::to_string(w.month)))},
                                    {"year", std::to_string(w.year)}});
  const auto weekday = std::string(t("meetings.weekday." + std::to_string(weekday_of(w.year, w.month, w.day))));
  return core::format(t("meetings.when.day"), {{"weekday", weekday}, {"date", date}});
}

std::string time_text(const core::Translator& t, long long utc, bool short_hours) {
  const auto w = to_london(utc);
  const int hour12 = w.hour % 12 == 0 ? 12 : w.hour % 12;
  const std::string minutes = (w.minute < 10 ? "0" : "") + std::to_string(w.minute);
  const bool am = w.hour < 12;
  if (short_hours && w.minute == 0) {
    return core::format(t(am ? "date.hour_am" : "date.hour_pm"), {{"hour", std::to_string(hour12)}});
  }
  return core::format(t(am ? "date.time_am" : "date.time_pm"), {{"hour", std::to_string(hour12)}, {"minute", minutes}});
}

std::string when_text(const core::Translator& t, long long starts_at, long long ends_at, bool short_hours) {
  return core::format(t("meetings.when.range"), {{"day", day_text(t, starts_at)},
                                                 {"start", time_text(t, starts_at, short_hours)},
                                                 {"end", time_text(t, ends_at, short_hours)}});
}

}  // namespace roundtable::meetings
