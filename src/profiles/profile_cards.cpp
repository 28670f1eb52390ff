#include "profiles/profile_cards.hpp"

#include "profiles/profile_pages.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::profiles::pages {

namespace {

using view::Html;
namespace govuk = view::govuk;

std::vector<std::string> need_keys(const std::vector<Need>& needs) {
  std::vector<std::string> keys;
  for (auto n : needs) keys.push_back("profiles.need." + std::string(need_code(n)));
  return keys;
}

std::vector<std::string> method_keys(const std::vector<ContactMethod>& v) {
  std::vector<std::string> keys;
  for (auto m : v) keys.push_back("profiles.contact.method." + std::string(contact_method_code(m)));
  return keys;
}

std::vector<std::string> time_keys(const std::vector<ContactTime>& v) {
  std::vector<std::string> keys;
  for (auto x : v) keys.push_back("profiles.contact.time." + std::string(contact_time_code(x)));
  return keys;
}

std::string interests_text(const std::vector<std::string>& tags) {
  std::string out;
  for (auto& tag : tags) out += (out.empty() ? "" : ", ") + tag;
  return out;
}

/// A summary card: a titled list of rows, with a "Change" link when change_url is set (the card's title is read out
/// after it). Written by write().
class Card {
 public:
  Card(const core::Translator& t, std::string_view title, std::string_view change_url) : t_(t) {
    list_.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.text = std::string(title)}};
    if (!change_url.empty()) {
      list_.card->actions.items.push_back(
          {.href = std::string(change_url), .text = std::string(t("profiles.profile.change"))});
    }
    list_.rows.reserve(4);
  }

  /// A row; an empty value shows "Not given".
  void row(std::string_view key, std::string_view value) {
    govuk::SummaryListRow r{.key = {.text = std::string(key)}, .value = {.classes = "rt-pre-line"}};
    if (value.empty()) {
      if (!not_given_) {
        not_given_.emplace();
        not_given_->raw("<span class=\"rt-secondary-text\">").text(t_("profiles.profile.not_given")).raw("</span>");
      }
      r.value.html = *not_given_;
    } else {
      r.value.text = std::string(value);
    }
    list_.rows.push_back(std::move(r));
  }

  void write(Html& h) const { govuk::summary_list(h, list_); }

 private:
  const core::Translator& t_;
  govuk::SummaryList list_;
  std::optional<Html> not_given_;
};

}  // namespace

std::string need_name(const core::Translator& t, Need need) {
  return std::string(t("profiles.need." + std::string(need_code(need))));
}

std::string joined(const core::Translator& t, const std::vector<std::string>& keys) {
  std::string out;
  for (auto& k : keys) {
    if (!out.empty()) out += ", ";
    out += t(k);
  }
  return out;
}

std::string member_types_text(const core::Translator& t, const std::vector<MemberType>& types) {
  std::string out;
  for (auto type : types) {
    if (!out.empty()) out += ", ";
    out += organisations::pages::member_type_name(t, type);
  }
  return out;
}

void bring_card(Html& h, const core::Translator& t, const Profile& p, std::string_view change_url, bool own) {
  Card c(t, t(own ? "profiles.profile.bring_title" : "profiles.profile.their_bring_title"), change_url);
  c.row(t("profiles.profile.strengths"), p.strengths);
  c.row(t("profiles.profile.skills"), p.skills);
  c.row(t("profiles.profile.lived_experience"), p.lived_experience);
  c.row(t("profiles.profile.interests"), interests_text(p.interests));
  c.write(h);
}

void needs_card(Html& h, const core::Translator& t, const Profile& p, std::string_view change_url, bool own) {
  Card c(t, t(own ? "profiles.profile.needs_title" : "profiles.profile.their_needs_title"), change_url);
  c.row(t(own ? "profiles.profile.needs_formats" : "profiles.profile.their_needs_formats"),
        joined(t, need_keys(p.needs)));
  if (!p.needs_other.empty()) c.row(t("profiles.profile.needs_other"), p.needs_other);
  c.row(t("profiles.profile.meeting_support"), p.meeting_support);
  if (own)
    c.row(t("profiles.profile.share"),
          t(p.share_needs ? "profiles.profile.share_yes_short" : "profiles.profile.share_no_short"));
  c.write(h);
}

void contact_card(Html& h, const core::Translator& t, const Profile& p, std::string_view change_url, bool own) {
  Card c(t, t(own ? "profiles.profile.contact_title" : "profiles.profile.their_contact_title"), change_url);
  // Someone else's card speaks of them, not "you", and holds the email address when email is one of their ways.
  c.row(t(own ? "profiles.profile.methods" : "profiles.profile.their_methods"),
        joined(t, method_keys(p.contact_methods)));
  if (!own && !p.email.empty()) c.row(t("profiles.profile.email_row"), p.email);
  c.row(t("profiles.profile.phone"), p.phone);
  c.row(t(own ? "profiles.profile.times" : "profiles.profile.their_times"), joined(t, time_keys(p.contact_times)));
  c.row(t("profiles.profile.notes_row"), p.contact_notes);
  c.write(h);
}

void profile_cards(Html& h, const core::Translator& t, const Profile& p) {
  {
    Card c(t, t("profiles.profile.about_title"), "/account/about");
    c.row(t("profiles.profile.name"), p.name);
    c.row(t("profiles.profile.pronouns_row"), p.pronouns);
    c.row(t("profiles.profile.lang"), core::Messages::embedded().get(p.lang, "layout.language_name"));
    c.write(h);
  }
  if (!p.photo_url.empty()) {
    h.raw("<img class=\"rt-profile-photo govuk-!-margin-bottom-2\" src=\"").text(p.photo_url).raw("\" alt=\"");
    h.text(t("profiles.photo.yours_alt")).raw("\">\n");
  }
  govuk::link_paragraph(h, "/account/photo",
                        t(p.photo_url.empty() ? "profiles.photo.add_link" : "profiles.photo.change_link"));
  bring_card(h, t, p, "/account/strengths", true);
  govuk::paragraph(h, t(p.share_needs ? "profiles.profile.needs_shared" : "profiles.profile.needs_private"));
  needs_card(h, t, p, "/account/needs", true);
  contact_card(h, t, p, "/account/contact", true);
  govuk::link_paragraph(h, "/account/consent", t("profiles.consent.link"));
}

}  // namespace roundtable::profiles::pages
