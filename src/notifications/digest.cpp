#include "notifications/digest.hpp"

#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "core/london_time.hpp"
#include "mail/compose.hpp"
#include "view/html.hpp"

namespace roundtable::notifications {

namespace {

using core::kDay;

/// 07:00 London time on the day `days` (days since 1970-01-01). 07:00 is never in an hour the clocks skip or repeat.
long long seven_am(long long days) {
  const core::WallClock d = core::civil_from_days(days);
  return core::from_london({d.year, d.month, d.day, 7, 0}).utc;
}

}  // namespace

std::string_view digest_code(DigestKind kind) { return kind == DigestKind::weekly ? "weekly" : "daily"; }

long long latest_due(DigestKind kind, long long now) {
  const core::WallClock today = core::to_london(now);
  long long day = core::days_from_civil(today.year, today.month, today.day);
  if (kind == DigestKind::weekly) {
    // 0 Sunday ... 6 Saturday: days back to Monday.
    day -= (core::weekday_of(today.year, today.month, today.day) + 6) % 7;
    return seven_am(day) <= now ? seven_am(day) : seven_am(day - 7);
  }
  return seven_am(day) <= now ? seven_am(day) : seven_am(day - 1);
}

std::vector<DigestGroup> group_digest(std::vector<DigestItem> items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const DigestItem& a, const DigestItem& b) { return a.notice_id < b.notice_id; });
  std::vector<DigestGroup> out;
  std::map<long long, std::size_t> at;
  for (auto& item : items) {
    auto [it, fresh] = at.try_emplace(item.group_id, out.size());
    if (fresh) out.push_back({item.group_id, item.group_name, {}});
    out[it->second].items.push_back(std::move(item));
  }
  std::stable_sort(out.begin(), out.end(), [](const DigestGroup& a, const DigestGroup& b) {
    return a.group_name != b.group_name ? a.group_name < b.group_name : a.group_id < b.group_id;
  });
  return out;
}

mail::Message digest_message(const DigestEmail& d) {
  core::Translator t(core::Messages::embedded(), d.lang);
  const bool weekly = d.kind == DigestKind::weekly;
  const std::string subject = core::format(
      t(weekly ? "notifications.digest.weekly_subject" : "notifications.digest.daily_subject"), {{"org", d.org_name}});
  const std::string intro = core::format(
      t(weekly ? "notifications.digest.weekly_intro" : "notifications.digest.daily_intro"), {{"org", d.org_name}});
  mail::Message m = mail::compose(d.to_address, d.to_name, d.lang, subject, {intro}, std::nullopt);
  std::string text;
  view::Html h;
  for (std::size_t i = 0; i < d.groups.size(); ++i) {
    const auto& g = d.groups[i];
    text += g.group_name + "\n" + std::string(g.group_name.size(), '=') + "\n";
    h.raw("<h2 style=\"font-size:22px;margin:32px 0 8px\">").text(g.group_name).raw("</h2>\n<ul>\n");
    for (const auto& item : g.items) {
      const std::string url = d.base_url + item.url;
      text += "- " + item.title + "\n  " + url + "\n";
      h.raw("<li><a href=\"").text(url).raw("\">").text(item.title).raw("</a></li>\n");
    }
    h.raw("</ul>\n");
    if (i < d.stop_urls.size()) {
      const std::string label = core::format(t("notifications.mail.stop"), {{"group", g.group_name}});
      text += "\n" + label + ":\n" + d.stop_urls[i] + "\n";
      h.raw("<p style=\"font-size:16px\"><a href=\"").text(d.stop_urls[i]).raw("\">").text(label).raw("</a></p>\n");
    }
    text += "\n";
  }
  const std::string settings(t("notifications.digest.settings"));
  text += settings + ":\n" + d.settings_url + "\n\n";
  h.raw("<p style=\"font-size:16px\"><a href=\"").text(d.settings_url).raw("\">").text(settings).raw("</a></p>\n");
  const auto sig = m.text.rfind("-- \n");
  m.text.insert(sig == std::string::npos ? m.text.size() : sig, text);
  const auto rule = m.html.rfind("<hr ");
  m.html.insert(rule == std::string::npos ? m.html.size() : rule, h.take());
  if (d.groups.size() == 1 && !d.stop_urls.empty()) m.list_unsubscribe = d.stop_urls.front();
  return m;
}

}  // namespace roundtable::notifications
