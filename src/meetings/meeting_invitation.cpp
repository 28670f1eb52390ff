#include "meetings/meeting_invitation.hpp"

#include <algorithm>
#include <limits>

#include "mail/compose.hpp"
#include "meetings/agenda_store.hpp"
#include "meetings/london_words.hpp"
#include "meetings/meeting_ics.hpp"
#include "meetings/meeting_store.hpp"
#include "meetings/series_store.hpp"
#include "notifications/notify.hpp"
#include "organisations/organisation_store.hpp"

namespace roundtable::meetings {

namespace {

/// The earliest joining time the series' rule covers today; with no rule nobody is covered (a start no one joined at
/// or after).
long long covered_since(const series::Rule& rule, long long now) {
  const bool has_rule = rule.months > 0 && !rule.member_type.empty();
  return has_rule ? series::london_midnight(series::covered_from(rule, series::london_date(now)))
                  : std::numeric_limits<long long>::max();
}

}  // namespace

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
  std::vector<Recipient> out;
  for (auto& c : series_store::session_candidates(s, m, rule.member_type, covered_since(rule, now))) {
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
      core::format(t("meetings.calendar.mail.when"), {{"when", when_text(t, d.starts_at, d.ends_at)}}));
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

namespace {

/// One person's invitation. Time-critical, like reminders: a digest could not carry the calendar and would come too
/// late, so a daily or weekly choice gets it straight away; "never" for the group means no email (the notice is still
/// in the app). Whether it was emailed.
bool queue_one(soci::session& s, const Meeting& m, const InvitationFacts& facts, const std::string& path,
               const Recipient& to, InvitationKind kind, const std::string& base_url, long long now) {
  const auto routed = notifications::notify_now(
      s, {m.org_id, m.group_id, to.user_id, "meeting_invitation", m.details.title, path, m.group_name, base_url},
      invitation_message(to, facts, kind), now);
  return routed == notifications::Routed::emailed;
}

}  // namespace

std::size_t queue_invitations(soci::session& s, const Meeting& m, InvitationKind kind, const std::string& base_url,
                              const std::string& organizer_address, long long now) {
  const std::string slug = organisations::store::org_slug(s, m.org_id);
  const InvitationFacts facts{&m, base_url + "/o/" + slug + "/meetings/" + std::to_string(m.id), slug + ".roundtable",
                              organizer_address};
  const std::string path = "/o/" + slug + "/meetings/" + std::to_string(m.id);
  std::size_t emailed = 0;
  for (const auto& to : invitees(s, m, now)) emailed += queue_one(s, m, facts, path, to, kind, base_url, now) ? 1 : 0;
  return emailed;
}

std::size_t invite_to_new_meeting(soci::session& s, long long org_id, long long meeting_id, const std::string& base_url,
                                  const std::string& organizer_address, long long now) {
  const auto v = store::find_for_viewer(s, org_id, meeting_id, 0);
  if (!v || v->meeting.details.ends_at <= now) return 0;
  return queue_invitations(s, v->meeting, InvitationKind::scheduled, base_url, organizer_address, now);
}

std::size_t invite_newly_covered(soci::session& s, long long org_id, long long user_id,
                                 const std::vector<std::string>& types_before, const std::string& base_url,
                                 const std::string& organizer_address, long long now) {
  std::size_t emailed = 0;
  std::string slug;
  for (const auto& [series_id, type] : series_store::with_rule_for_org(s, org_id)) {
    if (std::find(types_before.begin(), types_before.end(), type) != types_before.end()) continue;
    const auto sr = series_store::find_for_viewer(s, org_id, series_id, 0);
    if (!sr) continue;
    const long long since = covered_since(sr->series.details.rule, now);
    for (const auto& [meeting_id, starts_at] : series_store::sessions_to_come(s, series_id, now)) {
      const auto v = store::find_for_viewer(s, org_id, meeting_id, 0);
      if (!v) continue;
      const Meeting& m = v->meeting;
      for (const auto& c : series_store::session_candidates(s, m, type, since, user_id)) {
        // Only someone asked because the rule now covers them: the group's own people, and people who replied,
        // have had this session's emails already.
        if (c.to.user_id != user_id || c.in_group || c.reply || !invited({true, false, c.rule_covers, c.came, {}})) {
          continue;
        }
        if (slug.empty()) slug = organisations::store::org_slug(s, org_id);
        const std::string path = "/o/" + slug + "/meetings/" + std::to_string(m.id);
        const InvitationFacts facts{&m, base_url + path, slug + ".roundtable", organizer_address};
        emailed += queue_one(s, m, facts, path, c.to, InvitationKind::scheduled, base_url, now) ? 1 : 0;
      }
    }
  }
  return emailed;
}

}  // namespace roundtable::meetings
