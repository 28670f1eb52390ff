#include "loop/loop_words.hpp"

#include <charconv>

#include "core/london_time.hpp"
#include "view/dates.hpp"

namespace roundtable::loop {

std::optional<long long> until_seconds(std::string_view until) {
  int y = 0, m = 0, d = 0;
  if (until.size() != 10) return std::nullopt;
  std::from_chars(until.data(), until.data() + 4, y);
  std::from_chars(until.data() + 5, until.data() + 7, m);
  std::from_chars(until.data() + 8, until.data() + 10, d);
  if (!core::real_date(y, m, d)) return std::nullopt;
  return core::days_from_civil(y, m, d) * 86400 + 12 * 3600;
}

std::string until_words(const core::Translator& t, std::string_view until) {
  const auto at = until_seconds(until);
  return at ? view::format_date(t, *at) : std::string();
}

std::string_view status_name(const core::Translator& t, Status s) {
  switch (s) {
    case Status::under_way: return t("loop.status.under_way");
    case Status::changed: return t("loop.status.changed");
    case Status::decided_against: return t("loop.status.decided_against");
    case Status::not_now: return t("loop.status.not_now");
  }
  return "";
}

std::string we_did(const core::Translator& t, Status s, const std::string& detail, const std::string& until) {
  std::string out;
  switch (s) {
    case Status::under_way: out = std::string(t("loop.we_did.under_way")); break;
    case Status::changed: return core::format(t("loop.we_did.changed"), {{"detail", detail}});
    case Status::decided_against: return core::format(t("loop.we_did.decided_against"), {{"detail", detail}});
    case Status::not_now: out = core::format(t("loop.we_did.not_now"), {{"date", until_words(t, until)}}); break;
  }
  if (!detail.empty()) out += " " + detail;
  return out;
}

std::string until_month_words(const core::Translator& t, std::string_view until) {
  if (!until_seconds(until)) return "";
  const std::string month = std::to_string((until[5] - '0') * 10 + (until[6] - '0'));
  return core::format(t("loop.easy.month_year"),
                      {{"month", std::string(t("date.month." + month))}, {"year", std::string(until.substr(0, 4))}});
}

std::vector<std::string> we_did_easy(const core::Translator& t, Status s, const std::string& detail,
                                     const std::string& easy_read, const std::string& until) {
  const std::string& words = easy_read.empty() ? detail : easy_read;
  std::vector<std::string> lines;
  switch (s) {
    case Status::under_way: lines.emplace_back(t("loop.easy.under_way")); break;
    case Status::changed: return {core::format(t("loop.easy.changed"), {{"detail", words}})};
    case Status::decided_against:
      return {std::string(t("loop.easy.decided_against")), core::format(t("loop.easy.why"), {{"detail", words}})};
    case Status::not_now:
      lines.emplace_back(t("loop.easy.not_now"));
      lines.push_back(core::format(t("loop.easy.not_now_until"), {{"when", until_month_words(t, until)}}));
      break;
  }
  if (!words.empty()) lines.push_back(words);
  return lines;
}

std::vector<std::string_view> easy_lines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const auto end = text.find('\n');
    auto line = text.substr(0, end);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty()) out.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace roundtable::loop
