#include "view/dates.hpp"

#include <charconv>
#include <cstddef>
#include <ctime>
#include <string_view>

namespace roundtable::view {

namespace {

std::tm local(long long unix_seconds) {
  std::time_t tt = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  localtime_r(&tt, &tm);
  return tm;
}

/// A small number as text without allocating: up to 11 characters fit in the buffer.
struct Digits {
  char buf[12];
  std::size_t n;
  explicit Digits(int v, bool two = false) {
    char* p = buf;
    if (two && v >= 0 && v < 10) *p++ = '0';
    p = std::to_chars(p, buf + sizeof buf, v).ptr;
    n = static_cast<std::size_t>(p - buf);
  }
  std::string_view view() const { return {buf, n}; }
};

std::string date_of(const core::Translator& t, const std::tm& tm) {
  static constexpr std::string_view kMonthKeys[] = {"date.month.1", "date.month.2",  "date.month.3",  "date.month.4",
                                                    "date.month.5", "date.month.6",  "date.month.7",  "date.month.8",
                                                    "date.month.9", "date.month.10", "date.month.11", "date.month.12"};
  const Digits day(tm.tm_mday), year(tm.tm_year + 1900);
  return core::format(
      t("date.date"),
      {{"day", day.view()}, {"month", t(kMonthKeys[static_cast<std::size_t>(tm.tm_mon) % 12])}, {"year", year.view()}});
}

}  // namespace

std::string format_date(const core::Translator& t, long long unix_seconds) { return date_of(t, local(unix_seconds)); }

std::string format_datetime(const core::Translator& t, long long unix_seconds) {
  const std::tm tm = local(unix_seconds);
  const int hour12 = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
  const Digits hour(hour12), minutes(tm.tm_min, true);
  const std::string time = core::format(t(tm.tm_hour < 12 ? "date.time_am" : "date.time_pm"),
                                        {{"hour", hour.view()}, {"minute", minutes.view()}});
  return core::format(t("date.datetime"), {{"date", date_of(t, tm)}, {"time", time}});
}

}  // namespace roundtable::view
