#include "decisions/decision_mail.hpp"

#include "core/i18n.hpp"
#include "decisions/decision_store.hpp"
#include "decisions/decision_words.hpp"
#include "mail/compose.hpp"
#include "notifications/notify.hpp"
#include "organisations/organisation_store.hpp"

namespace roundtable::decisions {

namespace {

std::string path_of(soci::session& s, const Proposal& p) {
  return "/o/" + organisations::store::org_slug(s, p.org_id) + "/decisions/" + std::to_string(p.id);
}

}  // namespace

void send_opened(soci::session& s, const Proposal& p, const std::string& base_url, long long now) {
  const std::string path = path_of(s, p);
  for (const auto& to : store::group_people(s, p.group_id)) {
    if (p.created_by && to.user_id == *p.created_by) continue;
    core::Translator t(core::Messages::embedded(), to.lang);
    const std::vector<std::pair<std::string, std::string>> args{{"title", p.details.title}, {"group", p.group_name}};
    std::vector<std::string> paragraphs{core::format(t("decisions.mail.opened.p1"), args)};
    paragraphs.push_back(
        core::format(t("decisions.mail.opened.closes"), {{"when", when_words(t, p.details.closes_at)}}));
    paragraphs.emplace_back(t(p.details.eligibility == Eligibility::members
                                  ? "decisions.mail.opened.everyone"
                                  : "decisions.mail.opened.lived_experience"));
    auto message =
        mail::compose(to.email, to.name, to.lang, core::format(t("decisions.mail.opened.subject"), args), paragraphs,
                      mail::Action{std::string(t("decisions.mail.opened.button")), base_url + path});
    notifications::notify(
        s, {p.org_id, p.group_id, to.user_id, "decision_opened", p.details.title, path, p.group_name, base_url},
        std::move(message), now);
  }
}

void send_closed(soci::session& s, const Proposal& p, const PollResult& poll, const std::string& base_url,
                 long long now, const power::Verdict& verdict) {
  const std::string path = path_of(s, p);
  for (const auto& to : store::group_people(s, p.group_id)) {
    core::Translator t(core::Messages::embedded(), to.lang);
    const std::vector<std::pair<std::string, std::string>> args{{"title", p.details.title}, {"group", p.group_name}};
    std::vector<std::string> paragraphs{core::format(t("decisions.mail.closed.p1"), args), outcome_words(t, p, poll)};
    if (!verdict.valid()) {
      paragraphs.emplace_back(t("decisions.rules.not_valid"));
      for (const auto& b : verdict.breaches) {
        const std::string_view prefix = "decisions.rules.broken.";
        paragraphs.push_back(core::format(t("decisions.rules.broken." + std::string(b.key.substr(prefix.size()))),
                                          {{"needed", std::to_string(b.needed)}, {"had", std::to_string(b.had)}}));
      }
    }
    auto message =
        mail::compose(to.email, to.name, to.lang, core::format(t("decisions.mail.closed.subject"), args), paragraphs,
                      mail::Action{std::string(t("decisions.mail.closed.button")), base_url + path});
    notifications::notify(
        s, {p.org_id, p.group_id, to.user_id, "decision_closed", p.details.title, path, p.group_name, base_url},
        std::move(message), now);
  }
}

}  // namespace roundtable::decisions
