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

/// What a thread keeps for the zone it was asked in (the TZ variable; the server sets it once at start, a test may
/// change it): another zone forgets it all.
struct Kept {
  std::string zone;
  /// UTC day -> seconds east of UTC all that day.
  std::unordered_map<long long, long> offsets;
  /// The words already written for a local day (format_date) and a local minute (format_datetime), by language, in
  /// the catalogue they were written from.
  const core::Messages* messages = nullptr;
  std::unordered_map<long long, std::string> dates, datetimes;
};

Kept& kept_for_zone() {
  thread_local Kept kept;
  // Not glibc's tzname[]: localtime_r in another thread sets both to NULL for a moment while it works out the zone
  // again, and a std::string made from that NULL stopped the release server (a crash under load, on PostgreSQL,
  // 2026-12-07). TZ is only written before the threads start (and by single-threaded tests).
  const char* tz = std::getenv("TZ");
  const std::string_view zone = tz ? tz : "";
  if (kept.zone != zone) {
    kept.offsets.clear();
    kept.dates.clear();
    kept.datetimes.clear();
    kept.zone = zone;
  }
  return kept;
}

long long utc_day(long long unix_seconds) {
  return unix_seconds >= 0 ? unix_seconds / kDay : (unix_seconds - kDay + 1) / kDay;
}

/// Local time (the fields the words below use: day, month, year, hour and minute). localtime_r looks through the
/// zone's rules on every call, the dearest part of a date; a page of dates (a topic's posts, a list of notices) asks
/// about the same few days again and again. So each thread keeps, for the UTC days it has seen, the zone's offset
/// when it is the same from the day's first second to its last (every day but the two a year the clocks change, which
/// are always asked of localtime_r), and turns the others into local time by that offset.
std::tm local(Kept& kept, long long unix_seconds) {
  auto& offsets = kept.offsets;
  const long long day = utc_day(unix_seconds);
  std::tm tm{};
  if (const auto found = offsets.find(day); found != offsets.end()) {
    const std::time_t shifted = static_cast<std::time_t>(unix_seconds + found->second);
    gmtime_r(&shifted, &tm);
    tm.tm_gmtoff = found->second;
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

/// The words kept for this moment, or written by write(local time) and kept: a page of dates (a group's people, a
/// topic's posts, a list of notices) asks for the same few days and minutes again and again, and writing them out
/// was a tenth of such a page's CPU (docs/PERFORMANCE.md). Kept only on the days whose offset is kept (every day but
/// the two a year the clocks change), by the local day or minute (unit seconds) and the language.
template <class Write>
std::string words(const core::Translator& t, long long unix_seconds, bool with_time, Write&& write) {
  Kept& kept = kept_for_zone();
  if (kept.messages != &t.messages()) {
    kept.dates.clear();
    kept.datetimes.clear();
    kept.messages = &t.messages();
  }
  const auto offset = kept.offsets.find(utc_day(unix_seconds));
  if (offset == kept.offsets.end()) return write(local(kept, unix_seconds));
  const long long unit = with_time ? 60 : kDay;
  const long long shifted = unix_seconds + offset->second;
  const long long at = shifted >= 0 ? shifted / unit : (shifted - unit + 1) / unit;
  const long long key = at * 4 + static_cast<long long>(t.lang());
  auto& kept_words = with_time ? kept.datetimes : kept.dates;
  if (const auto found = kept_words.find(key); found != kept_words.end()) return found->second;
  std::string written = write(local(kept, unix_seconds));
  // Bounded: a page asks for tens; the thread starts again past a few thousand.
  if (kept_words.size() >= 4096) kept_words.clear();
  kept_words.emplace(key, written);
  return written;
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

std::string format_date(const core::Translator& t, long long unix_seconds) {
  return words(t, unix_seconds, false, [&](const std::tm& tm) { return date_of(t, tm); });
}

std::string format_datetime(const core::Translator& t, long long unix_seconds) {
  return words(t, unix_seconds, true, [&](const std::tm& tm) {
    const int hour12 = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
    const Digits hour(hour12), minutes(tm.tm_min, true);
    const std::string time = core::format(t(tm.tm_hour < 12 ? "date.time_am" : "date.time_pm"),
                                          {{"hour", hour.view()}, {"minute", minutes.view()}});
    return core::format(t("date.datetime"), {{"date", date_of(t, tm)}, {"time", time}});
  });
}

}  // namespace roundtable::view
