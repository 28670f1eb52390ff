#include "view/govuk/content.hpp"

#include "view/govuk/navigation.hpp"
#include "view/govuk/typography.hpp"

namespace roundtable::view::govuk {

using detail::heading_close;
using detail::heading_open;
using detail::present;
using detail::put;
using detail::put_attributes;
using detail::put_classes;

namespace {

void disable_auto_focus(Html& h, const std::optional<bool>& v) {
  if (v) h.raw(" data-disable-auto-focus=\"").raw_if(*v, "true", "false").raw("\"");
}

}  // namespace

void tag(Html& h, const Tag& p) {
  h.raw("<strong class=\"govuk-tag");
  put_classes(h, p.classes);
  h.raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">\n");
  put(h, p.text, p.html);
  h.raw("\n</strong>\n");
}

void inset_text(Html& h, const InsetText& p) {
  h.raw("<div");
  if (!p.id.empty()) h.raw(" id=\"").text(p.id).raw("\"");
  h.raw(" class=\"govuk-inset-text");
  put_classes(h, p.classes);
  h.raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">\n");
  put(h, p.text, p.html);
  h.raw("\n</div>\n");
}

void details(Html& h, const Details& p) {
  h.raw("<details");
  if (!p.id.empty()) h.raw(" id=\"").text(p.id).raw("\"");
  h.raw(" class=\"govuk-details");
  put_classes(h, p.classes);
  h.raw("\"");
  put_attributes(h, p.attributes);
  h.raw_if(p.open, " open").raw(">\n<summary class=\"govuk-details__summary\">\n");
  h.raw("<span class=\"govuk-details__summary-text\">\n");
  put(h, p.summary_text, p.summary_html);
  h.raw("\n</span>\n</summary>\n<div class=\"govuk-details__text\">\n");
  put(h, p.text, p.html);
  h.raw("\n</div>\n</details>\n");
}

void panel(Html& h, const Panel& p) {
  const bool interruption = p.classes.find("govuk-panel--interruption") != std::string::npos;
  h.raw("<div class=\"govuk-panel").raw_if(!interruption, " govuk-panel--confirmation");
  put_classes(h, p.classes);
  h.raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">\n");
  heading_open(h, p.heading_level);
  h.raw(" class=\"govuk-panel__title\">\n");
  put(h, p.title_text, p.title_html);
  h.raw("\n");
  heading_close(h, p.heading_level);
  if (present(p.text, p.html)) {
    h.raw("<div class=\"govuk-panel__body\">\n");
    put(h, p.text, p.html);
    h.raw("\n</div>\n");
  }
  if (interruption && p.actions) {
    const PanelActions& actions = *p.actions;
    h.raw("<div class=\"govuk-panel__actions");
    put_classes(h, actions.classes);
    h.raw("\"");
    put_attributes(h, actions.attributes);
    h.raw(">");
    if (!actions.items.empty()) {
      button_group_start(h);
      for (const auto& a : actions.items) {
        if (a.href.empty() || a.type == "button") {
          Button b{.text = a.text,
                   .type = a.type.empty() ? std::string("button") : a.type,
                   .href = a.href,
                   .classes = "govuk-button--inverse",
                   .attributes = a.attributes};
          if (!a.classes.empty()) b.classes.append(" ").append(a.classes);
          button(h, b);
        } else {
          h.raw("<a class=\"govuk-link govuk-link--inverse");
          put_classes(h, a.classes);
          h.raw("\" href=\"").text(a.href).raw("\"");
          put_attributes(h, a.attributes);
          h.raw(">").text(a.text).raw("</a>\n");
        }
      }
      button_group_end(h);
    }
    h.raw("</div>\n");
  }
  h.raw("</div>\n");
}

void warning_text(Html& h, const WarningText& p) {
  h.raw("<div class=\"govuk-warning-text");
  put_classes(h, p.classes);
  h.raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">\n<span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>\n");
  h.raw("<strong class=\"govuk-warning-text__text\">\n<span class=\"govuk-visually-hidden\">");
  h.text(p.icon_fallback_text.empty() ? std::string_view("Warning") : std::string_view(p.icon_fallback_text));
  h.raw("</span>\n");
  put(h, p.text, p.html);
  h.raw("\n</strong>\n</div>\n");
}

void notification_banner(Html& h, const NotificationBanner& p) {
  const bool success = p.type == "success";
  const std::string_view title_id =
      p.title_id.empty() ? std::string_view("govuk-notification-banner-title") : std::string_view(p.title_id);
  h.raw("<div class=\"govuk-notification-banner").raw_if(success, " govuk-notification-banner--success");
  put_classes(h, p.classes);
  h.raw("\" role=\"");
  if (!p.role.empty()) {
    h.text(p.role);
  } else {
    h.raw_if(success, "alert", "region");
  }
  h.raw("\" aria-labelledby=\"").text(title_id).raw("\" data-module=\"govuk-notification-banner\"");
  disable_auto_focus(h, p.disable_auto_focus);
  put_attributes(h, p.attributes);
  h.raw(">\n<div class=\"govuk-notification-banner__header\">\n");
  heading_open(h, p.title_heading_level);
  h.raw(" class=\"govuk-notification-banner__title\" id=\"").text(title_id).raw("\">\n");
  if (present(p.title_text, p.title_html)) {
    put(h, p.title_text, p.title_html);
  } else {
    h.raw_if(success, "Success", "Important");
  }
  h.raw("\n");
  heading_close(h, p.title_heading_level);
  h.raw("</div>\n<div class=\"govuk-notification-banner__content\">\n");
  if (p.html && !p.html->empty()) {
    h.append(*p.html);
  } else if (!p.text.empty()) {
    h.raw("<p class=\"govuk-notification-banner__heading\">\n").text(p.text).raw("\n</p>\n");
  }
  h.raw("\n</div>\n</div>\n");
}

void error_summary(Html& h, const ErrorSummary& p) {
  h.raw("<div class=\"govuk-error-summary");
  put_classes(h, p.classes);
  h.raw("\"");
  disable_auto_focus(h, p.disable_auto_focus);
  put_attributes(h, p.attributes);
  h.raw(" data-module=\"govuk-error-summary\">\n<div role=\"alert\">\n<h2 class=\"govuk-error-summary__title\">\n");
  put(h, p.title_text, p.title_html);
  h.raw("\n</h2>\n<div class=\"govuk-error-summary__body\">\n");
  if (present(p.description_text, p.description_html)) {
    h.raw("<p>\n");
    put(h, p.description_text, p.description_html);
    h.raw("\n</p>\n");
  }
  if (!p.error_list.empty()) {
    h.raw("<ul class=\"govuk-list govuk-error-summary__list\">\n");
    for (const auto& item : p.error_list) {
      h.raw("<li>\n");
      if (!item.href.empty()) {
        h.raw("<a href=\"").text(item.href).raw("\"");
        put_attributes(h, item.attributes);
        h.raw(">");
        put(h, item.text, item.html);
        h.raw("</a>\n");
      } else {
        put(h, item.text, item.html);
        h.raw("\n");
      }
      h.raw("</li>\n");
    }
    h.raw("</ul>\n");
  }
  h.raw("</div>\n</div>\n</div>\n");
}

}  // namespace roundtable::view::govuk
