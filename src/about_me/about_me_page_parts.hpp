/// What the About Me pages share: the address they live under, the words for each kind of item, and how an item is
/// shown (words, a photo, a player with its transcript).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "about_me/about_me.hpp"
#include "about_me/about_me_pages.hpp"
#include "core/i18n.hpp"
#include "view/govuk/field_parts.hpp"
#include "view/html.hpp"
#include "view/page_builder.hpp"

namespace roundtable::about_me::pages::parts {

inline constexpr std::string_view kBase = "/account/about-me";

/// "about_me.kind.<kind>.<what>".
std::string kind_key(ItemKind k, std::string_view what);
/// What an item is called on the owner's page: its title, or for a photo its caption, or the kind's name.
std::string item_label(const core::Translator& t, const Item& item);

/// The item itself: words as paragraphs, a photo with its description, a player with its transcript. Titles are
/// headings of heading_level, or left out when show_title is false (the summary card says them).
void render_item(view::Html& h, const core::Translator& t, const Item& item, int heading_level, bool show_title = true);

/// A page of the owner's own: the frame with a back link to their About Me page.
view::PageBuilder own_frame(const RequestContext& ctx, const PagesDeps& deps, std::string title);

}  // namespace roundtable::about_me::pages::parts
