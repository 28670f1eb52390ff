#include "view/dates.hpp"

#include <charconv>
#include <cstddef>
#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.hpp"

namespace roundtable::view {

namespace {

using core::kDay;

/// Local time (the fields the words below use: day, month, year, hour and minute). localtime_r looks through the
/// zone's rules on every call, the dearest part of a date; a page of dates (a topic's posts, a list of notices) asks
/// about the same few days again and again. So each thread keeps, for the UTC days it has seen, the zone's offset
/// when it is the same from the day's first second to its last (every day but the two a year the clocks change, which
/// are always asked of localtime_r), and turns the others into local time by that offset.
std::tm local(long long unix_seconds) {
  struct Kept {
    /// The zone they were read in (the TZ variable; the server sets it once at start, a test may change it): another
    /// zone forgets them.
    std::string zone;
    /// UTC day -> seconds east of UTC all that day.
    std::unordered_map<long long, long> offsets;
  };
  thread_local Kept kept;
  // Not glibc's tzname[]: localtime_r in another thread sets both to NULL for a moment while it works out the zone
  // again, and a std::string made from that NULL stopped the release server (a crash under load, on PostgreSQL,
  // 2026-12-07). TZ is only written before the threads start (and by single-threaded tests).
  const char* tz = std::getenv("TZ");
  const std::string_view zone = tz ? tz : "";
  if (kept.zone != zone) {
    kept.offsets.clear();
    kept.zone = zone;
  }
  auto& offsets = kept.offsets;
  const long long day = unix_seconds >= 0 ? unix_seconds / kDay : (unix_seconds - kDay + 1) / kDay;
  std::tm tm{};
  if (const auto kept = offsets.find(day); kept != offsets.end()) {
    const std::time_t shifted = static_cast<std::time_t>(unix_seconds + kept->second);
    gmtime_r(&shifted, &tm);
    tm.tm_gmtoff = kept->second;
    return tm;
  }
  const std::time_t tt = static_cast<std::time_t>(unix_seconds);
  localtime_r(&tt, &tm);
  const std::time_t first_second = static_cast<std::time_t>(day * kDay), last_second = first_second + kDay - 1;
  std::tm first{}, last{};
  localtime_r(&first_second, &first);
  localtime_r(&last_second, &last);
  if (first.tm_gmtoff == tm.tm_gmtoff && last.tm_gmtoff == tm.tm_gmtoff) {
    // Bounded: about eleven years of days, then it starts again.
    if (offsets.size() >= 4096) offsets.clear();
    offsets.emplace(day, tm.tm_gmtoff);
  }
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
