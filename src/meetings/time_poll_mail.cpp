#include "meetings/time_poll_mail.hpp"

#include "core/i18n.hpp"
#include "mail/compose.hpp"
#include "meetings/london_words.hpp"
#include "meetings/meeting_pages.hpp"
#include "meetings/time_poll_store.hpp"
#include "notifications/notify.hpp"
#include "organisations/organisation_store.hpp"

namespace roundtable::meetings {

namespace {

mail::Message poll_opened_message(const Recipient& to, const TimePoll& poll, const std::string& url) {
  core::Translator t(core::Messages::embedded(), to.lang);
  const std::vector<std::pair<std::string, std::string>> args{{"title", poll.details.title},
                                                              {"group", poll.group_name}};
  std::vector<std::string> paragraphs{core::format(t("meetings.polls.mail.p1"), args)};
  if (!poll.details.purpose.empty()) paragraphs.push_back(poll.details.purpose);
  std::string times(t("meetings.polls.mail.times"));
  for (const auto& o : poll.options) {
    times += "\n- " + when_text(t, o.starts_at, o.ends_at) + " (" +
             std::string(t("meetings.polls.kind." + std::string(time_kind_code(time_kind(o.starts_at))))) + ")";
  }
  paragraphs.push_back(std::move(times));
  if (poll.details.closes_at) {
    paragraphs.push_back(
        core::format(t("meetings.polls.mail.closes"), {{"date", day_text(t, *poll.details.closes_at - 1)}}));
  }
  paragraphs.emplace_back(t("meetings.polls.mail.p2"));
  return mail::compose(to.email, to.name, to.lang, core::format(t("meetings.polls.mail.subject"), args), paragraphs,
                       mail::Action{std::string(t("meetings.polls.mail.button")), url});
}

}  // namespace

void send_poll_opened(soci::session& s, const TimePoll& poll, long long opened_by, const std::string& base_url,
                      long long now) {
  const std::string path = "/o/" + organisations::store::org_slug(s, poll.org_id) + "/polls/" + std::to_string(poll.id);
  const std::string url = base_url + path;
  // Through the person's choice for the group: straight away, in their digest, or not by email at all.
  for (const auto& to : poll_store::answerers(s, poll.group_id)) {
    if (to.user_id == opened_by) continue;
    notifications::notify(
        s,
        {poll.org_id, poll.group_id, to.user_id, "meeting_poll", poll.details.title, path, poll.group_name, base_url},
        poll_opened_message(to, poll, url), now);
  }
}

}  // namespace roundtable::meetings
