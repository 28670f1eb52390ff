#include "meetings/meeting_reminders.hpp"

#include <vector>

#include "db/query.hpp"
#include "db/transaction.hpp"
#include "mail/compose.hpp"
#include "meetings/london_words.hpp"
#include "meetings/meeting.hpp"
#include "meetings/meeting_pages.hpp"
#include "notifications/notify.hpp"

namespace roundtable::meetings {

namespace {

struct Due {
  long long meeting_id = 0, org_id = 0, group_id = 0, user_id = 0, starts_at = 0, ends_at = 0;
  std::string title, online_url, venue, access, access_notes, org_slug, group_name, email, name, lang;
};

mail::Message reminder_message(const Due& d, core::Lang lang, const std::string& url) {
  core::Translator t(core::Messages::embedded(), lang);
  const std::vector<std::pair<std::string, std::string>> args{{"meeting", d.title}, {"group", d.group_name}};
  std::vector<std::string> paragraphs{
      core::format(t("meetings.mail.reminder.p1"), args),
      core::format(t("meetings.mail.reminder.when"), {{"when", when_text(t, d.starts_at, d.ends_at)}}) + "\n" +
          std::string(t("meetings.when.uk_time"))};
  if (!d.venue.empty()) paragraphs.push_back(core::format(t("meetings.mail.reminder.where"), {{"venue", d.venue}}));
  if (!d.online_url.empty()) {
    paragraphs.push_back(core::format(t("meetings.mail.reminder.online"), {{"url", d.online_url}}));
  }
  std::string access;
  for (Access a : parse_access_list(d.access)) access += "\n- " + pages::access_name(t, a);
  if (!d.access_notes.empty()) access += "\n" + d.access_notes;
  if (!access.empty()) paragraphs.push_back(std::string(t("meetings.mail.reminder.access")) + access);
  return mail::compose(d.email, d.name, lang, core::format(t("meetings.mail.reminder.subject"), args), paragraphs,
                       mail::Action{std::string(t("meetings.mail.reminder.button")), url});
}

}  // namespace

int send_reminders(soci::session& s, long long now, const std::string& base_url, long long queue_at) {
  db::WriteTransaction tx(s);
  std::vector<Due> due;
  db::query(s,
            "SELECT m.id, m.org_id, m.group_id, r.user_id, m.starts_at, m.ends_at, m.title, m.online_url, m.venue, "
            "m.access, m.access_notes, o.slug, g.name, u.email, u.name, u.lang FROM meetings m JOIN meeting_rsvps r ON "
            "r.meeting_id = m.id JOIN organisations o ON o.id = m.org_id JOIN org_groups g ON g.id = m.group_id JOIN "
            "users u ON u.id = r.user_id JOIN memberships ms ON ms.org_id = m.org_id AND ms.user_id = r.user_id "
            "LEFT JOIN meeting_reminders mr ON mr.meeting_id = m.id AND mr.user_id = r.user_id WHERE m.starts_at > $1 "
            "AND m.starts_at <= $2 AND m.cancelled_at IS NULL AND r.answer IN ('going', 'maybe') AND mr.user_id IS "
            "NULL ORDER BY m.id, r.user_id",
            {now, now + kReminderAhead}, [&](const db::Row& r) {
              due.push_back({r.integer(0), r.integer(1), r.integer(2), r.integer(3), r.integer(4), r.integer(5),
                             r.string(6), r.string(7), r.string(8), r.string(9), r.string(10), r.string(11),
                             r.string(12), r.string(13), r.string(14), r.string(15)});
            });
  int emails = 0;
  for (const auto& d : due) {
    // The claim: of two servers (or ticks) only one inserts the row; the other's insert does nothing.
    bool claimed = false;
    db::query(s,
              "INSERT INTO meeting_reminders (meeting_id, user_id, sent_at) VALUES ($1, $2, $3) ON CONFLICT "
              "(meeting_id, user_id) DO NOTHING RETURNING user_id",
              {d.meeting_id, d.user_id, now}, [&](const db::Row&) { claimed = true; });
    if (!claimed) continue;
    const std::string path = "/o/" + d.org_slug + "/meetings/" + std::to_string(d.meeting_id);
    const auto lang = core::parse_lang(d.lang).value_or(core::Lang::en);
    const auto routed = notifications::notify_now(
        s, {d.org_id, d.group_id, d.user_id, "meeting_reminder", d.title, path, d.group_name, base_url},
        reminder_message(d, lang, base_url + path), queue_at > 0 ? queue_at : now);
    if (routed == notifications::Routed::emailed) ++emails;
  }
  tx.commit();
  return emails;
}

}  // namespace roundtable::meetings
