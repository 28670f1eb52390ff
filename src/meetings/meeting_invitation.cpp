#include "meetings/meeting_invitation.hpp"

#include "mail/compose.hpp"
#include "meetings/agenda_store.hpp"
#include "meetings/meeting_ics.hpp"
#include "notifications/notify.hpp"
#include "organisations/organisation_store.hpp"

namespace roundtable::meetings {

namespace pages {
// meeting_page_parts.cpp: "Tuesday 8 December 2026, 6pm to 8pm" in the reader's language (London time).
std::string when_text(const core::Translator& t, long long starts_at, long long ends_at);
}  // namespace pages

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
  const auto people = store::group_people(s, m.group_id);
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

}  // namespace roundtable::meetings
