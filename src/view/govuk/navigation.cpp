#include "view/govuk/navigation.hpp"

namespace roundtable::view::govuk {

using detail::put;
using detail::put_attributes;
using detail::put_classes;

namespace {

constexpr Markup kStartIcon =
    "<svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\" width=\"17.5\" height=\"19\" "
    "viewBox=\"0 0 33 40\" aria-hidden=\"true\" focusable=\"false\">\n"
    "<path fill=\"currentColor\" d=\"M0 0h13l20 20-20 20H0l20-20z\"/>\n</svg>";

constexpr Markup kArrowPrevious =
    "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" "
    "height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">\n"
    "<path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293"
    "-1.414-1.414z\"></path>\n</svg>\n";

constexpr Markup kArrowNext =
    "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" "
    "height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">\n"
    "<path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062"
    "-6.7246-6.7266z\"></path>\n</svg>\n";

void pagination_link(Html& h, const Pagination& p, const PaginationLink& link, bool prev, bool block) {
  h.raw_if(prev, "<div class=\"govuk-pagination__prev\">\n", "<div class=\"govuk-pagination__next\">\n");
  h.raw("<a class=\"govuk-link govuk-pagination__link\" href=\"").text(link.href).raw("\" rel=\"");
  h.raw_if(prev, "prev", "next").raw("\"");
  put_attributes(h, link.attributes);
  h.raw(">\n");
  if (prev) {
    h.raw(kArrowPrevious);
  } else if (block) {
    h.raw(kArrowNext);
  }
  h.raw("<span class=\"govuk-pagination__link-title");
  h.raw_if(block && link.label_text.empty(), " govuk-pagination__link-title--decorated").raw("\">\n");
  if (detail::present(link.text, link.html)) {
    put(h, link.text, link.html);
  } else {
    h.text(prev ? p.previous_default_text : p.next_default_text);
    h.raw("<span class=\"govuk-visually-hidden\">").text(p.page_visually_hidden_text).raw("</span>");
  }
  h.raw("\n</span>\n");
  if (!link.label_text.empty() && block) {
    h.raw("<span class=\"govuk-visually-hidden\">:</span>\n<span class=\"govuk-pagination__link-label\">");
    h.text(link.label_text).raw("</span>\n");
  }
  if (!block && !prev) h.raw(kArrowNext);
  h.raw("</a>\n</div>\n");
}

void service_navigation_item(Html& h, const ServiceNavigationItem& item) {
  const bool active = item.active || item.current;
  h.raw("<li class=\"govuk-service-navigation__item").raw_if(active, " govuk-service-navigation__item--active");
  h.raw("\">\n");
  const bool link = !item.href.empty();
  if (link) {
    h.raw("<a class=\"govuk-service-navigation__link\" href=\"").text(item.href).raw("\"");
  } else if (detail::present(item.text, item.html)) {
    h.raw("<span class=\"govuk-service-navigation__text\"");
  } else {
    h.raw("</li>\n");
    return;
  }
  if (active) h.raw(" aria-current=\"").raw_if(item.current, "page", "true").raw("\"");
  if (link) put_attributes(h, item.attributes);
  h.raw(">\n");
  h.raw_if(active, "<strong class=\"govuk-service-navigation__active-fallback\">");
  put(h, item.text, item.html);
  h.raw_if(active, "</strong>");
  h.raw_if(link, "\n</a>\n</li>\n", "\n</span>\n</li>\n");
}

bool filled(const std::optional<Html>& slot) { return slot && !slot->empty(); }

}  // namespace

void button(Html& h, const Button& p) {
  const bool link = !p.href.empty();
  if (link) {
    h.raw("<a href=\"").text(p.href).raw("\" role=\"button\" draggable=\"false\"");
  } else {
    h.raw("<button type=\"").text(p.type.empty() ? std::string_view("submit") : std::string_view(p.type)).raw("\"");
    if (!p.value.empty()) h.raw(" value=\"").text(p.value).raw("\"");
    if (!p.name.empty()) h.raw(" name=\"").text(p.name).raw("\"");
    if (p.disabled) h.raw(" disabled aria-disabled=\"true\"");
    if (p.prevent_double_click) {
      h.raw(" data-prevent-double-click=\"").raw_if(*p.prevent_double_click, "true\"", "false\"");
    }
  }
  h.raw(" class=\"govuk-button");
  put_classes(h, p.classes);
  h.raw_if(p.is_start_button, " govuk-button--start").raw("\" data-module=\"govuk-button\"");
  put_attributes(h, p.attributes);
  if (!p.id.empty()) h.raw(" id=\"").text(p.id).raw("\"");
  h.raw(">\n");
  if (p.is_start_button && p.html && !p.html->empty()) {
    h.raw("<span>").append(*p.html).raw("</span>");
  } else {
    put(h, p.text, p.html);
  }
  if (p.is_start_button) h.raw(kStartIcon);
  h.raw_if(link, "\n</a>\n", "\n</button>\n");
}

void back_link(Html& h, const BackLink& p) {
  h.raw("<a href=\"").text(p.href.empty() ? std::string_view("#") : std::string_view(p.href));
  h.raw("\" class=\"govuk-back-link");
  put_classes(h, p.classes);
  h.raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">");
  put(h, p.text.empty() ? std::string_view("Back") : std::string_view(p.text), p.html);
  h.raw("</a>\n");
}

void skip_link(Html& h, const SkipLink& p) {
  h.raw("<a href=\"").text(p.href.empty() ? std::string_view("#content") : std::string_view(p.href));
  h.raw("\" class=\"govuk-skip-link");
  put_classes(h, p.classes);
  h.raw("\"");
  put_attributes(h, p.attributes);
  h.raw(" data-module=\"govuk-skip-link\">");
  put(h, p.text, p.html);
  h.raw("</a>\n");
}

void pagination(Html& h, const Pagination& p) {
  const bool block = p.items.empty() && (p.next || p.previous);
  h.raw("<nav class=\"govuk-pagination").raw_if(block, " govuk-pagination--block");
  put_classes(h, p.classes);
  h.raw("\" aria-label=\"").text(p.landmark_label.empty() ? std::string_view("Pagination") : p.landmark_label);
  h.raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">\n");
  if (p.previous && !p.previous->href.empty()) pagination_link(h, p, *p.previous, true, block);
  if (!p.items.empty()) {
    h.raw("<ul class=\"govuk-pagination__list\">\n");
    for (const auto& item : p.items) {
      h.raw("<li class=\"govuk-pagination__item").raw_if(item.current, " govuk-pagination__item--current");
      h.raw_if(item.ellipsis, " govuk-pagination__item--ellipsis").raw("\">\n");
      if (item.ellipsis) {
        h.raw("&ctdot;\n");
      } else {
        h.raw("<a class=\"govuk-link govuk-pagination__link\" href=\"").text(item.href).raw("\" aria-label=\"");
        if (item.visually_hidden_text.empty()) {
          h.text(p.page_label_text).raw(" ").text(item.number);
        } else {
          h.text(item.visually_hidden_text);
        }
        h.raw("\"").raw_if(item.current, " aria-current=\"page\"");
        put_attributes(h, item.attributes);
        h.raw(">\n").text(item.number).raw("\n</a>\n");
      }
      h.raw("</li>\n");
    }
    h.raw("</ul>\n");
  }
  if (p.next && !p.next->href.empty()) pagination_link(h, p, *p.next, false, block);
  h.raw("</nav>\n");
}

void exit_this_page(Html& h, const ExitThisPage& p) {
  h.raw("<div");
  if (!p.id.empty()) h.raw(" id=\"").text(p.id).raw("\"");
  h.raw(" class=\"govuk-exit-this-page");
  put_classes(h, p.classes);
  h.raw("\" data-module=\"govuk-exit-this-page\"");
  put_attributes(h, p.attributes);
  if (!p.activated_text.empty()) h.raw(" data-i18n.activated=\"").text(p.activated_text).raw("\"");
  if (!p.timed_out_text.empty()) h.raw(" data-i18n.timed-out=\"").text(p.timed_out_text).raw("\"");
  if (!p.press_two_more_times_text.empty()) {
    h.raw(" data-i18n.press-two-more-times=\"").text(p.press_two_more_times_text).raw("\"");
  }
  if (!p.press_one_more_time_text.empty()) {
    h.raw(" data-i18n.press-one-more-time=\"").text(p.press_one_more_time_text).raw("\"");
  }
  h.raw(">\n");
  Button b{.href = p.redirect_url.empty() ? std::string("https://www.bbc.co.uk/weather") : p.redirect_url,
           .classes = "govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button",
           .attributes = {{"rel", "nofollow noreferrer"}}};
  if (detail::present(p.text, p.html)) {
    b.text = p.text;
    b.html = p.html;
  } else {
    Html fallback;
    fallback.raw("<span class=\"govuk-visually-hidden\">").text(p.emergency_text).raw("</span> ").text(p.exit_text);
    b.html = std::move(fallback);
  }
  button(h, b);
  h.raw("</div>\n");
}

void service_navigation(Html& h, const ServiceNavigation& p) {
  const std::string_view menu_button_text = p.menu_button_text.empty() ? std::string_view("Menu") : p.menu_button_text;
  const std::string_view navigation_id = p.navigation_id.empty() ? std::string_view("navigation") : p.navigation_id;
  const bool section = !p.service_name.empty() || filled(p.slots.start) || filled(p.slots.end);
  if (section) {
    h.raw("<section aria-label=\"");
    h.text(p.aria_label.empty() ? std::string_view("Service information") : p.aria_label).raw("\"");
  } else {
    h.raw("<div");
  }
  h.raw(" class=\"govuk-service-navigation");
  put_classes(h, p.classes);
  h.raw("\" data-module=\"govuk-service-navigation\"");
  put_attributes(h, p.attributes);
  h.raw(">\n<div class=\"govuk-width-container");
  h.raw_if(p.slots.end_align == "inline", " govuk-service-navigation__inlining-container").raw("\">\n");
  if (filled(p.slots.start)) h.append(*p.slots.start);
  h.raw("<div class=\"govuk-service-navigation__container\">\n");
  if (!p.service_name.empty()) {
    h.raw("<span class=\"govuk-service-navigation__service-name\">\n");
    if (p.service_url.empty()) {
      h.raw("<span class=\"govuk-service-navigation__text\">").text(p.service_name).raw("</span>\n");
    } else {
      h.raw("<a href=\"").text(p.service_url).raw("\" class=\"govuk-service-navigation__link\">\n");
      h.text(p.service_name).raw("\n</a>\n");
    }
    h.raw("</span>\n");
  }
  if (!p.navigation.empty() || filled(p.slots.navigation_start) || filled(p.slots.navigation_end)) {
    h.raw("<nav aria-label=\"").text(p.navigation_label.empty() ? menu_button_text : p.navigation_label);
    h.raw("\" class=\"govuk-service-navigation__wrapper");
    put_classes(h, p.navigation_classes);
    h.raw("\">\n");
    if (p.collapse_navigation_on_mobile.value_or(p.navigation.size() > 1)) {
      h.raw("<button type=\"button\" class=\"govuk-service-navigation__toggle govuk-js-service-navigation-toggle\" ");
      h.raw("aria-controls=\"").text(navigation_id).raw("\"");
      if (!p.menu_button_label.empty() && p.menu_button_label != menu_button_text) {
        h.raw(" aria-label=\"").text(p.menu_button_label).raw("\"");
      }
      h.raw(" hidden aria-hidden=\"true\">\n").text(menu_button_text).raw("\n</button>\n");
    }
    h.raw("<ul class=\"govuk-service-navigation__list\" id=\"").text(navigation_id).raw("\">\n");
    if (filled(p.slots.navigation_start)) h.append(*p.slots.navigation_start);
    for (const auto& item : p.navigation) service_navigation_item(h, item);
    if (filled(p.slots.navigation_end)) h.append(*p.slots.navigation_end);
    h.raw("</ul>\n</nav>\n");
  }
  h.raw("</div>\n");
  if (filled(p.slots.end)) h.append(*p.slots.end);
  h.raw("</div>\n").raw_if(section, "</section>\n", "</div>\n");
}

}  // namespace roundtable::view::govuk
