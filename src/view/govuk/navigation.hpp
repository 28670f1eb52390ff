/// GOV.UK buttons and links that move people around: govukButton, govukBackLink, govukSkipLink, govukPagination,
/// govukExitThisPage, govukServiceNavigation.
#pragma once

#include <string>

#include "view/govuk/common.hpp"

namespace roundtable::view::govuk {

struct Button {
  std::string text;
  std::optional<Html> html;
  std::string name;
  /// "submit" when empty (and no href).
  std::string type;
  std::string value;
  bool disabled = false;
  /// Makes the button a link (`<a role="button">`).
  std::string href;
  std::string classes;
  Attributes attributes;
  /// Written as data-prevent-double-click when set.
  std::optional<bool> prevent_double_click;
  bool is_start_button = false;
  std::string id;
};
void button(Html& h, const Button& p);

struct BackLink {
  /// "Back" when empty and there is no html. Welsh: "Yn ôl".
  std::string text = "Back";
  std::optional<Html> html;
  /// "#" when empty.
  std::string href = "#";
  std::string classes;
  Attributes attributes;
};
void back_link(Html& h, const BackLink& p);

struct SkipLink {
  std::string text;
  std::optional<Html> html;
  /// "#content" when empty.
  std::string href = "#content";
  std::string classes;
  Attributes attributes;
};
void skip_link(Html& h, const SkipLink& p);

struct PaginationItem {
  /// The page number as shown.
  std::string number;
  /// The link's aria-label; "<page_label_text> <number>" when empty.
  std::string visually_hidden_text;
  std::string href;
  bool current = false;
  /// An ellipsis (⋯) in place of a link.
  bool ellipsis = false;
  Attributes attributes;
};

struct PaginationLink {
  /// "Previous"/"Next" (from Pagination) with a visually hidden " page" when text and html are empty.
  std::string text;
  std::optional<Html> html;
  /// Shown under the link in the block style (no numbered items).
  std::string label_text;
  /// The link is left out when empty.
  std::string href;
  Attributes attributes;
};

struct Pagination {
  std::vector<PaginationItem> items;
  std::optional<PaginationLink> previous;
  std::optional<PaginationLink> next;
  /// "Pagination" when empty. Welsh: "Tudalennu".
  std::string landmark_label = "Pagination";
  std::string classes;
  Attributes attributes;
  /// Translations of the macro's built-in words.
  std::string previous_default_text = "Previous";
  std::string next_default_text = "Next";
  /// Visually hidden after previous/next_default_text, with its leading space.
  std::string page_visually_hidden_text = " page";
  /// Items' default aria-label is "<page_label_text> <number>".
  std::string page_label_text = "Page";
};
void pagination(Html& h, const Pagination& p);

struct ExitThisPage {
  /// Both empty: "<span class=govuk-visually-hidden>Emergency</span> Exit this page" (see emergency_text, exit_text).
  std::string text;
  std::optional<Html> html;
  /// "https://www.bbc.co.uk/weather" when empty.
  std::string redirect_url;
  std::string id;
  std::string classes;
  Attributes attributes;
  /// Written as data-i18n attributes for the script when not empty (its English defaults otherwise).
  std::string activated_text;
  std::string timed_out_text;
  std::string press_two_more_times_text;
  std::string press_one_more_time_text;
  /// The default button text's words.
  std::string emergency_text = "Emergency";
  std::string exit_text = "Exit this page";
};
void exit_this_page(Html& h, const ExitThisPage& p);

struct ServiceNavigationItem {
  std::string text;
  std::optional<Html> html;
  /// A link when not empty; otherwise the text in a span (nothing when there is no text either).
  std::string href;
  /// The reader is within this group of pages: aria-current="true" and the active style.
  bool active = false;
  /// The reader is on this page: aria-current="page" and the active style (wins over active).
  bool current = false;
  /// On the link (not on the span of a non-link item, as in the macro).
  Attributes attributes;
};

/// Markup put at govuk-frontend's injection points (the macro's `slots`); empty ones are left out.
struct ServiceNavigationSlots {
  /// Before the service name, inside the width container.
  std::optional<Html> start;
  /// After the navigation (e.g. a language switcher).
  std::optional<Html> end;
  /// "inline" puts the end slot on the navigation's line when there is room; below it otherwise.
  std::string end_align;
  /// First and last in the navigation list: `<li>` elements.
  std::optional<Html> navigation_start;
  std::optional<Html> navigation_end;
};

struct ServiceNavigation {
  /// With a service name (or a start or end slot) the component is a <section> labelled aria_label; otherwise a
  /// <div> around the <nav>.
  std::string service_name;
  /// Makes the service name a link.
  std::string service_url;
  std::vector<ServiceNavigationItem> navigation;
  std::string navigation_classes;
  /// The list's id, which the menu button controls; "navigation" when empty.
  std::string navigation_id = "navigation";
  /// The <nav>'s aria-label; menu_button_text when empty.
  std::string navigation_label;
  /// The mobile menu button's text; "Menu" when empty. Welsh: "Dewislen".
  std::string menu_button_text = "Menu";
  /// The menu button's aria-label when it differs from menu_button_text (none when empty).
  std::string menu_button_label;
  /// The list folds behind the menu button on narrow screens (only with JavaScript: without it the button stays
  /// hidden and the list shows). Unset: when there is more than one item.
  std::optional<bool> collapse_navigation_on_mobile;
  ServiceNavigationSlots slots;
  std::string classes;
  Attributes attributes;
  /// The <section>'s aria-label; "Service information" when empty. Welsh: "Gwybodaeth am y gwasanaeth".
  std::string aria_label = "Service information";
};
void service_navigation(Html& h, const ServiceNavigation& p);

}  // namespace roundtable::view::govuk
