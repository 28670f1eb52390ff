/// A profile as GOV.UK summary cards: what someone brings, what they need and how to contact them. The account page
/// shows the person's own, with "Change" links; a member's page shows someone else's, as far as they may be seen.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "organisations/organisation.hpp"
#include "organisations/organisation_pages.hpp"
#include "profiles/profile.hpp"
#include "view/html.hpp"

namespace roundtable::profiles::pages {

/// The messages of keys, joined with ", ".
std::string joined(const core::Translator& t, const std::vector<std::string>& keys);
/// A need in words ("British Sign Language (BSL)").
std::string need_name(const core::Translator& t, Need need);
/// Member types in words, joined with ", " ("" for none).
std::string member_types_text(const core::Translator& t, const std::vector<MemberType>& types);

/// change_url: where the card's "Change" link goes ("" for none); own: the person's own profile ("What you bring")
/// or someone else's ("What they bring").
void bring_card(view::Html& h, const core::Translator& t, const Profile& p, std::string_view change_url, bool own);
void needs_card(view::Html& h, const core::Translator& t, const Profile& p, std::string_view change_url, bool own);
void contact_card(view::Html& h, const core::Translator& t, const Profile& p, std::string_view change_url, bool own);

/// The person's own profile as summary cards with "Change" links (on the account page).
void profile_cards(view::Html& h, const core::Translator& t, const Profile& p);

}  // namespace roundtable::profiles::pages
