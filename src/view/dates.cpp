#include "view/dates.hpp"

#include <ctime>

namespace roundtable::view {

namespace {

std::tm local(long long unix_seconds) {
  std::time_t tt = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  localtime_r(&tt, &tm);
  return tm;
}

std::string date_of(const core::Translator& t, const std::tm& tm) {
  const std::string month_key = "date.month." + std::to_string(tm.tm_mon + 1);
  return core::format(
      t("date.date"),
      {{"day", std::to_string(tm.tm_mday)}, {"month", t(month_key)}, {"year", std::to_string(tm.tm_year + 1900)}});
}

}  // namespace

std::string format_date(const core::Translator& t, long long unix_seconds) { return date_of(t, local(unix_seconds)); }

std::string format_datetime(const core::Translator& t, long long unix_seconds) {
  const std::tm tm = local(unix_seconds);
  const int hour12 = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
  std::string minutes = (tm.tm_min < 10 ? "0" : "") + std::to_string(tm.tm_min);
  std::string time = core::format(t(tm.tm_hour < 12 ? "date.time_am" : "date.time_pm"),
                                  {{"hour", std::to_string(hour12)}, {"minute", minutes}});
  return core::format(t("date.datetime"), {{"date", date_of(t, tm)}, {"time", time}});
}

}  // namespace roundtable::view
