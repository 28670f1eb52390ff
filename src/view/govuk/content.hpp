/// GOV.UK components that show content: govukTag, govukInsetText, govukDetails, govukPanel, govukWarningText,
/// govukNotificationBanner and govukErrorSummary.
#pragma once

#include <string>

#include "view/govuk/common.hpp"

namespace roundtable::view::govuk {

struct Tag {
  std::string text;
  std::optional<Html> html;
  std::string classes;
  Attributes attributes;
};
void tag(Html& h, const Tag& p);

struct InsetText {
  std::string text;
  std::optional<Html> html;
  std::string id;
  std::string classes;
  Attributes attributes;
};
void inset_text(Html& h, const InsetText& p);

struct Details {
  std::string summary_text;
  std::optional<Html> summary_html;
  std::string text;
  std::optional<Html> html;
  std::string id;
  bool open = false;
  std::string classes;
  Attributes attributes;
};
void details(Html& h, const Details& p);

struct PanelAction {
  std::string text;
  /// A link when set and type is not "button"; a button (a link styled as one with type "button") otherwise.
  std::string href;
  /// The button's type ("button" when empty).
  std::string type;
  std::string classes;
  Attributes attributes;
};

struct PanelActions {
  std::vector<PanelAction> items;
  std::string classes;
  Attributes attributes;
};

struct Panel {
  std::string title_text;
  std::optional<Html> title_html;
  int heading_level = 1;
  std::string text;
  std::optional<Html> html;
  /// "govuk-panel--interruption" here makes an interruption panel (the confirmation style otherwise).
  std::string classes;
  Attributes attributes;
  /// Shown only on interruption panels.
  std::optional<PanelActions> actions;
};
void panel(Html& h, const Panel& p);

struct WarningText {
  std::string text;
  std::optional<Html> html;
  /// Read out before the text. Welsh: "Rhybudd".
  std::string icon_fallback_text = "Warning";
  std::string classes;
  Attributes attributes;
};
void warning_text(Html& h, const WarningText& p);

struct NotificationBanner {
  std::string text;
  std::optional<Html> html;
  /// Empty: "Important" (or "Success" when type is "success"); pass the Welsh ("Pwysig", "Llwyddiant").
  std::string title_text;
  std::optional<Html> title_html;
  int title_heading_level = 2;
  /// "success" or empty.
  std::string type;
  /// Empty: "alert" for success banners, "region" otherwise.
  std::string role;
  /// "govuk-notification-banner-title" when empty.
  std::string title_id;
  /// Written as data-disable-auto-focus when set.
  std::optional<bool> disable_auto_focus;
  std::string classes;
  Attributes attributes;
};
void notification_banner(Html& h, const NotificationBanner& p);

struct ErrorSummaryItem {
  /// Usually "#" + the id of the field with the error; no link when empty.
  std::string href;
  std::string text;
  std::optional<Html> html;
  Attributes attributes;
};

struct ErrorSummary {
  /// Welsh: "Mae problem wedi codi".
  std::string title_text = "There is a problem";
  std::optional<Html> title_html;
  std::string description_text;
  std::optional<Html> description_html;
  std::vector<ErrorSummaryItem> error_list;
  /// Written as data-disable-auto-focus when set.
  std::optional<bool> disable_auto_focus;
  std::string classes;
  Attributes attributes;
};
void error_summary(Html& h, const ErrorSummary& p);

}  // namespace roundtable::view::govuk
