#include "meetings/meeting_invitation.hpp"

#include <limits>

#include "mail/compose.hpp"
#include "meetings/agenda_store.hpp"
#include "meetings/meeting_ics.hpp"
#include "meetings/meeting_store.hpp"
#include "meetings/series_store.hpp"
#include "notifications/notify.hpp"
#include "organisations/organisation_store.hpp"

namespace roundtable::meetings {

namespace pages {
// meeting_page_parts.cpp: "Tuesday 8 December 2026, 6pm to 8pm" in the reader's language (London time).
std::string when_text(const core::Translator& t, long long starts_at, long long ends_at);
}  // namespace pages

bool invited(const InviteeFacts& f) {
  if (f.in_group) return true;
  if (!f.open_session) return false;
  if (f.reply) return *f.reply != Answer::not_going;
  return f.rule_covers && !f.came;
}

std::vector<Recipient> invitees(soci::session& s, const Meeting& m, long long now) {
  if (m.series_id == 0 || !m.open_to_organisation) return store::group_people(s, m.group_id);
  const auto sr = series_store::find_for_viewer(s, m.org_id, m.series_id, 0);
  if (!sr) return store::group_people(s, m.group_id);
  const auto& rule = sr->series.details.rule;
  const bool has_rule = rule.months > 0 && !rule.member_type.empty();
  // With no rule nobody is covered: a start no one joined at or after.
  const long long since = has_rule ? series::london_midnight(series::covered_from(rule, series::london_date(now)))
                                   : std::numeric_limits<long long>::max();
  std::vector<Recipient> out;
  for (auto& c : series_store::session_candidates(s, m, rule.member_type, since)) {
    if (invited({true, c.in_group, c.rule_covers, c.came, c.reply})) out.push_back(std::move(c.to));
  }
  return out;
}

mail::Message invitation_message(const Recipient& to, const InvitationFacts& f, InvitationKind kind) {
  const Meeting& m = *f.meeting;
  const auto& d = m.details;
  core::Translator t(core::Messages::embedded(), to.lang);
  auto s = [](std::string_view v) { return std::string(v); };
  const std::vector<std::pair<std::string, std::string>> args{{"meeting", d.title}, {"group", m.group_name}};
  std::string subject;
  std::vector<std::string> paragraphs;
  switch (kind) {
    case InvitationKind::scheduled:
      subject = core::format(t("meetings.calendar.mail.scheduled.subject"), args);
      paragraphs.push_back(core::format(t("meetings.calendar.mail.scheduled.p1"), args));
      break;
    case InvitationKind::changed:
      subject = core::format(t("meetings.calendar.mail.changed.subject"), args);
      paragraphs.push_back(core::format(t("meetings.calendar.mail.changed.p1"), args));
      break;
    case InvitationKind::cancelled:
      subject = core::format(t("meetings.calendar.mail.cancelled.subject"), args);
      paragraphs.push_back(core::format(t("meetings.calendar.mail.cancelled.p1"), args));
      if (!m.cancel_reason.empty()) {
        paragraphs.push_back(core::format(t("meetings.calendar.mail.reason"), {{"reason", m.cancel_reason}}));
      }
      break;
  }
  paragraphs.push_back(
      core::format(t("meetings.calendar.mail.when"), {{"when", pages::when_text(t, d.starts_at, d.ends_at)}}));
  if (!d.venue.empty()) paragraphs.push_back(core::format(t("meetings.calendar.mail.where"), {{"venue", d.venue}}));
  if (!d.online_url.empty()) {
    paragraphs.push_back(core::format(t("meetings.calendar.mail.online"), {{"link", d.online_url}}));
  }
  const bool off = kind == InvitationKind::cancelled;
  paragraphs.push_back(s(t(off ? "meetings.calendar.mail.calendar_cancelled" : "meetings.calendar.mail.calendar")));
  if (!off) paragraphs.push_back(s(t("meetings.calendar.mail.reply")));
  auto message =
      mail::compose(to.email, to.name, to.lang, std::move(subject), paragraphs,
                    mail::Action{s(t(off ? "meetings.calendar.mail.see" : "meetings.calendar.mail.button")), f.url});
  message.calendar = ics::invitation({&m, f.url, f.uid_domain}, {f.organizer_address, m.group_name, to.email, to.name});
  return message;
}

std::size_t queue_invitations(soci::session& s, const Meeting& m, InvitationKind kind, const std::string& base_url,
                              const std::string& organizer_address, long long now) {
  const std::string slug = organisations::store::org_slug(s, m.org_id);
  const InvitationFacts facts{&m, base_url + "/o/" + slug + "/meetings/" + std::to_string(m.id), slug + ".roundtable",
                              organizer_address};
  const std::string path = "/o/" + slug + "/meetings/" + std::to_string(m.id);
  const auto people = invitees(s, m, now);
  // Time-critical, like reminders: a digest could not carry the calendar and would come too late, so a daily or
  // weekly choice gets it straight away; "never" for the group means no email (the notice is still in the app).
  std::size_t emailed = 0;
  for (const auto& to : people) {
    const auto routed = notifications::notify_now(
        s, {m.org_id, m.group_id, to.user_id, "meeting_invitation", m.details.title, path, m.group_name, base_url},
        invitation_message(to, facts, kind), now);
    if (routed == notifications::Routed::emailed) ++emailed;
  }
  return emailed;
}

std::size_t invite_to_new_meeting(soci::session& s, long long org_id, long long meeting_id, const std::string& base_url,
                                  const std::string& organizer_address, long long now) {
  const auto v = store::find_for_viewer(s, org_id, meeting_id, 0);
  if (!v || v->meeting.details.ends_at <= now) return 0;
  return queue_invitations(s, v->meeting, InvitationKind::scheduled, base_url, organizer_address, now);
}

}  // namespace roundtable::meetings
