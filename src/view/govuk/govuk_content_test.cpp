// Parity with govuk-frontend's fixtures: content and navigation components.
#include <gtest/gtest.h>

#include "view/govuk/govuk_test_support.hpp"
#include "view/govuk/summary_writer.hpp"

namespace roundtable::view::govuk {
namespace {

using namespace testing;

TEST(GovukParity, Tag) {
  check_fixtures("tag",
                 [](Html& h, const json::object& o) {
                   tag(h, {.text = str(o, "text"),
                           .html = html(o, "html"),
                           .classes = str(o, "classes"),
                           .attributes = attributes(o)});
                 },
                 {});
}

TEST(GovukParity, InsetText) {
  check_fixtures("inset-text",
                 [](Html& h, const json::object& o) {
                   inset_text(h, {.text = str(o, "text"),
                                  .html = html(o, "html"),
                                  .id = str(o, "id"),
                                  .classes = str(o, "classes"),
                                  .attributes = attributes(o)});
                 },
                 {});
}

TEST(GovukParity, Details) {
  check_fixtures("details",
                 [](Html& h, const json::object& o) {
                   details(h, {.summary_text = str(o, "summaryText"),
                               .summary_html = html(o, "summaryHtml"),
                               .text = str(o, "text"),
                               .html = html(o, "html"),
                               .id = str(o, "id"),
                               .open = flag(o, "open"),
                               .classes = str(o, "classes"),
                               .attributes = attributes(o)});
                 },
                 {});
}

TEST(GovukParity, Panel) {
  check_fixtures("panel",
                 [](Html& h, const json::object& o) {
                   Panel p{.title_text = str(o, "titleText"),
                           .title_html = html(o, "titleHtml"),
                           .heading_level = integer(o, "headingLevel", 1),
                           .text = str(o, "text"),
                           .html = html(o, "html"),
                           .classes = str(o, "classes"),
                           .attributes = attributes(o)};
                   if (has(o, "actions")) {
                     const auto& a = obj(o, "actions");
                     PanelActions actions{.classes = str(a, "classes"), .attributes = attributes(a)};
                     for (const auto* item : entries(a, "items")) {
                       const auto& i = item->as_object();
                       actions.items.push_back({.text = str(i, "text"),
                                                .href = str(i, "href"),
                                                .type = str(i, "type"),
                                                .classes = str(i, "classes"),
                                                .attributes = attributes(i)});
                     }
                     p.actions = std::move(actions);
                   }
                   panel(h, p);
                 },
                 {});
}

TEST(GovukParity, WarningText) {
  check_fixtures(
      "warning-text",
      [](Html& h, const json::object& o) {
        WarningText p{
            .text = str(o, "text"), .html = html(o, "html"), .classes = str(o, "classes"), .attributes = attributes(o)};
        if (has(o, "iconFallbackText")) p.icon_fallback_text = str(o, "iconFallbackText");
        warning_text(h, p);
      },
      {});
}

TEST(GovukParity, NotificationBanner) {
  check_fixtures("notification-banner",
                 [](Html& h, const json::object& o) {
                   notification_banner(h, {.text = str(o, "text"),
                                           .html = html(o, "html"),
                                           .title_text = str(o, "titleText"),
                                           .title_html = html(o, "titleHtml"),
                                           .title_heading_level = integer(o, "titleHeadingLevel", 2),
                                           .type = str(o, "type"),
                                           .role = str(o, "role"),
                                           .title_id = str(o, "titleId"),
                                           .disable_auto_focus = opt_flag(o, "disableAutoFocus"),
                                           .classes = str(o, "classes"),
                                           .attributes = attributes(o)});
                 },
                 {});
}

TEST(GovukParity, ErrorSummary) {
  check_fixtures(
      "error-summary",
      [](Html& h, const json::object& o) {
        ErrorSummary p{.title_text = str(o, "titleText"),
                       .title_html = html(o, "titleHtml"),
                       .description_text = str(o, "descriptionText"),
                       .description_html = html(o, "descriptionHtml"),
                       .disable_auto_focus = opt_flag(o, "disableAutoFocus"),
                       .classes = str(o, "classes"),
                       .attributes = attributes(o)};
        for (const auto* item : entries(o, "errorList")) {
          const auto& i = item->as_object();
          p.error_list.push_back(
              {.href = str(i, "href"), .text = str(i, "text"), .html = html(i, "html"), .attributes = attributes(i)});
        }
        error_summary(h, p);
      },
      {});
}

SummaryListActions summary_actions(const json::object& a) {
  SummaryListActions out{.classes = str(a, "classes")};
  for (const auto* item : entries(a, "items")) {
    const auto& i = item->as_object();
    out.items.push_back({.href = str(i, "href"),
                         .text = str(i, "text"),
                         .html = html(i, "html"),
                         .visually_hidden_text = str(i, "visuallyHiddenText"),
                         .classes = str(i, "classes"),
                         .attributes = attributes(i)});
  }
  return out;
}

SummaryListCell summary_cell(const json::object& c) {
  return {.text = str(c, "text"), .html = html(c, "html"), .classes = str(c, "classes")};
}

TEST(GovukParity, SummaryList) {
  check_fixtures("summary-list",
                 [](Html& h, const json::object& o) {
                   SummaryList p{.classes = str(o, "classes"), .attributes = attributes(o)};
                   for (const auto* row : entries(o, "rows")) {
                     const auto& r = row->as_object();
                     p.rows.push_back({.key = summary_cell(obj(r, "key")),
                                       .value = summary_cell(obj(r, "value")),
                                       .actions = summary_actions(obj(r, "actions")),
                                       .classes = str(r, "classes")});
                   }
                   if (has(o, "card")) {
                     const auto& c = obj(o, "card");
                     SummaryCard card{.actions = summary_actions(obj(c, "actions")),
                                      .classes = str(c, "classes"),
                                      .attributes = attributes(c)};
                     if (has(c, "title")) {
                       const auto& t = obj(c, "title");
                       card.title = SummaryCardTitle{.text = str(t, "text"),
                                                     .html = html(t, "html"),
                                                     .heading_level = integer(t, "headingLevel", 2),
                                                     .classes = str(t, "classes")};
                     }
                     p.card = std::move(card);
                   }
                   summary_list(h, p);
                 },
                 {});
}

TEST(TextSummaryList, WritesWhatSummaryListWritesForTheSameRows) {
  // Rows of text only, with and without a card, written straight into the page must be the markup summary_list
  // writes for the same rows.
  Html link;
  link.raw("<a class=\"govuk-link\" href=\"/g/1\">").text("Tenants' <group>").raw("</a>");
  const struct {
    std::vector<std::pair<std::string, std::string>> rows;
    std::optional<SummaryCardTitle> title;
  } cases[] = {
      {{}, std::nullopt},
      {{{"Name", "Sarah Philips"}}, std::nullopt},
      {{{"Purpose", "Say \"no\" to <b> & 'that'"}, {"", ""}, {"People", "3 people"}}, std::nullopt},
      {{{"Kind", "Working group – at stage 2"}}, SummaryCardTitle{.text = "Plain & simple"}},
      {{{"You", "Member"}, {"People", "12 people"}}, SummaryCardTitle{.html = link, .heading_level = 3}},
      {{{"A", "B"}}, SummaryCardTitle{.text = "Level 9 is 2", .heading_level = 9}},
  };
  for (const auto& c : cases) {
    SummaryList list;
    for (const auto& [k, v] : c.rows) list.rows.push_back({.key = {.text = k}, .value = {.text = v}});
    if (c.title) list.card = SummaryCard{.title = *c.title};
    Html expected;
    summary_list(expected, list);

    Html written;
    written.raw("before ");
    const SummaryCardTitle* title = c.title ? &*c.title : nullptr;
    switch (c.rows.size()) {
      case 0: text_summary_list(written, {}, title); break;
      case 1: text_summary_list(written, {{c.rows[0].first, c.rows[0].second}}, title); break;
      case 2:
        text_summary_list(written, {{c.rows[0].first, c.rows[0].second}, {c.rows[1].first, c.rows[1].second}}, title);
        break;
      default:
        text_summary_list(written,
                          {{c.rows[0].first, c.rows[0].second},
                           {c.rows[1].first, c.rows[1].second},
                           {c.rows[2].first, std::string(c.rows[2].second)}},  // a temporary lives long enough
                          title);
    }
    EXPECT_EQ(written.str(), "before " + expected.str());
  }
}

TEST(SummaryListWriter, WritesWhatSummaryListWritesForTheSameRowsAndCard) {
  // Keys and values written into the page as they come (links, several pieces of text), inside a card whose title is
  // written in place: the markup summary_list writes for the same rows and the same card.
  for (const int level : {2, 3, 9}) {
    for (const bool card : {false, true}) {
      SummaryList list;
      Html link;
      link.raw("<a class=\"govuk-link\" href=\"/p/1\">").text("Siân <Jones>").raw("</a>");
      list.rows.push_back({.key = {.html = link}, .value = {.text = "Lead, Unpaid carer & \"friend\""}});
      list.rows.push_back({.key = {.text = "People"}, .value = {.text = "3 people"}});
      list.rows.push_back({.key = {.text = ""}, .value = {.text = ""}});
      Html title;
      title.raw("<img src=\"x\" alt=\"\">").text("Tenants' group ").raw("<strong>new</strong>");
      if (card) list.card = SummaryCard{.title = SummaryCardTitle{.html = title, .heading_level = level}};
      Html expected;
      summary_list(expected, list);

      Html written;
      written.raw("before ");
      if (card) {
        summary_card_start(written, level);
        written.append(title);
        summary_card_content(written, level);
      }
      SummaryListWriter rows(written);
      rows.key().append(link);
      rows.value().text("Lead").text(", Unpaid carer").text(" & \"friend\"");
      rows.end_row();
      rows.row("People", "3 people");
      rows.row("", "");
      rows.end();
      if (card) summary_card_end(written);
      EXPECT_EQ(written.str(), "before " + expected.str()) << "level " << level << (card ? ", in a card" : "");
    }
  }
}

TableCell table_cell(const json::object& c) {
  return {.text = str(c, "text"),
          .html = html(c, "html"),
          .format = str(c, "format"),
          .classes = str(c, "classes"),
          .colspan = integer(c, "colspan"),
          .rowspan = integer(c, "rowspan"),
          .attributes = attributes(c)};
}

Table table_options(const json::object& o) {
  Table p{.caption = str(o, "caption"),
          .caption_classes = str(o, "captionClasses"),
          .first_cell_is_header = flag(o, "firstCellIsHeader"),
          .classes = str(o, "classes"),
          .attributes = attributes(o)};
  for (const auto* c : entries(o, "head")) p.head.push_back(table_cell(c->as_object()));
  for (const auto* row : entries(o, "rows")) {
    auto& cells = p.rows.emplace_back();
    for (const auto& c : row->as_array()) cells.push_back(table_cell(c.as_object()));
  }
  return p;
}

TEST(GovukParity, Table) {
  check_fixtures("table", [](Html& h, const json::object& o) { table(h, table_options(o)); }, {});
}

TEST(GovukParity, TableWriter) {
  // The same fixtures, written a row and a cell at a time.
  check_fixtures("table",
                 [](Html& h, const json::object& o) {
                   const Table p = table_options(o);
                   TableWriter w(h, p);
                   for (const auto& row : p.rows) {
                     w.begin_row();
                     for (const auto& c : row) {
                       const bool plain = !c.html && c.format.empty() && c.classes.empty() && !c.colspan &&
                                          !c.rowspan && c.attributes.empty();
                       if (plain) {
                         w.cell(c.text);
                       } else {
                         w.cell(c);
                       }
                     }
                     w.end_row();
                   }
                   w.end();
                 },
                 {});
}

TEST(GovukParity, BackLink) {
  check_fixtures("back-link",
                 [](Html& h, const json::object& o) {
                   back_link(h, {.text = str(o, "text"),
                                 .html = html(o, "html"),
                                 .href = str(o, "href"),
                                 .classes = str(o, "classes"),
                                 .attributes = attributes(o)});
                 },
                 {});
}

TEST(GovukParity, SkipLink) {
  check_fixtures("skip-link",
                 [](Html& h, const json::object& o) {
                   skip_link(h, {.text = str(o, "text"),
                                 .html = html(o, "html"),
                                 .href = str(o, "href"),
                                 .classes = str(o, "classes"),
                                 .attributes = attributes(o)});
                 },
                 {});
}

std::optional<PaginationLink> pagination_link(const json::object& o, std::string_view key) {
  if (!has(o, key)) return std::nullopt;
  const auto& l = obj(o, key);
  return PaginationLink{.text = str(l, "text"),
                        .html = html(l, "html"),
                        .label_text = str(l, "labelText"),
                        .href = str(l, "href"),
                        .attributes = attributes(l)};
}

TEST(GovukParity, Pagination) {
  check_fixtures("pagination",
                 [](Html& h, const json::object& o) {
                   Pagination p{.previous = pagination_link(o, "previous"),
                                .next = pagination_link(o, "next"),
                                .landmark_label = str(o, "landmarkLabel"),
                                .classes = str(o, "classes"),
                                .attributes = attributes(o)};
                   for (const auto* item : entries(o, "items")) {
                     const auto& i = item->as_object();
                     if (i.empty()) continue;
                     p.items.push_back({.number = str(i, "number"),
                                        .visually_hidden_text = str(i, "visuallyHiddenText"),
                                        .href = str(i, "href"),
                                        .current = flag(i, "current"),
                                        .ellipsis = flag(i, "ellipsis"),
                                        .attributes = attributes(i)});
                   }
                   pagination(h, p);
                 },
                 {});
}

TEST(GovukParity, Button) {
  check_fixtures("button",
                 [](Html& h, const json::object& o) {
                   button(h, {.text = str(o, "text"),
                              .html = html(o, "html"),
                              .name = str(o, "name"),
                              .type = str(o, "type"),
                              .value = str(o, "value"),
                              .disabled = flag(o, "disabled"),
                              .href = str(o, "href"),
                              .classes = str(o, "classes"),
                              .attributes = attributes(o),
                              .prevent_double_click = opt_flag(o, "preventDoubleClick"),
                              .is_start_button = flag(o, "isStartButton"),
                              .id = str(o, "id")});
                 },
                 {});
}

TEST(GovukParity, ExitThisPage) {
  check_fixtures("exit-this-page",
                 [](Html& h, const json::object& o) {
                   exit_this_page(h, {.text = str(o, "text"),
                                      .html = html(o, "html"),
                                      .redirect_url = str(o, "redirectUrl"),
                                      .id = str(o, "id"),
                                      .classes = str(o, "classes"),
                                      .attributes = attributes(o),
                                      .activated_text = str(o, "activatedText"),
                                      .timed_out_text = str(o, "timedOutText"),
                                      .press_two_more_times_text = str(o, "pressTwoMoreTimesText"),
                                      .press_one_more_time_text = str(o, "pressOneMoreTimeText")});
                 },
                 {});
}

ServiceNavigationSlots service_navigation_slots(const json::object& o) {
  const auto& s = obj(o, "slots");
  ServiceNavigationSlots slots{.start = html(s, "start"),
                               .navigation_start = html(s, "navigationStart"),
                               .navigation_end = html(s, "navigationEnd")};
  const auto* end = get(s, "end");
  if (end && end->is_object()) {
    slots.end = html(end->as_object(), "html");
    slots.end_align = str(end->as_object(), "align");
  } else {
    slots.end = html(s, "end");
  }
  return slots;
}

TEST(GovukParity, ServiceNavigation) {
  check_fixtures("service-navigation",
                 [](Html& h, const json::object& o) {
                   ServiceNavigation p{.service_name = str(o, "serviceName"),
                                       .service_url = str(o, "serviceUrl"),
                                       .navigation_classes = str(o, "navigationClasses"),
                                       .navigation_id = str(o, "navigationId"),
                                       .navigation_label = str(o, "navigationLabel"),
                                       .menu_button_text = str(o, "menuButtonText"),
                                       .menu_button_label = str(o, "menuButtonLabel"),
                                       .collapse_navigation_on_mobile = opt_flag(o, "collapseNavigationOnMobile"),
                                       .slots = service_navigation_slots(o),
                                       .classes = str(o, "classes"),
                                       .attributes = attributes(o),
                                       .aria_label = str(o, "ariaLabel")};
                   // entries() drops the null, false and "" items, as the macro's select("truthy") does.
                   for (const auto* item : entries(o, "navigation")) {
                     const auto& i = item->as_object();
                     p.navigation.push_back({.text = str(i, "text"),
                                             .html = html(i, "html"),
                                             .href = str(i, "href"),
                                             .active = flag(i, "active"),
                                             .current = flag(i, "current"),
                                             .attributes = attributes(i)});
                   }
                   service_navigation(h, p);
                 },
                 {});
}

TEST(GovukParity, Hint) {
  check_fixtures("hint", [](Html& h, const json::object& o) { hint(h, testing::hint(o)); }, {});
}

TEST(GovukParity, Label) {
  check_fixtures("label", [](Html& h, const json::object& o) { label(h, testing::label(o)); }, {});
}

TEST(GovukParity, ErrorMessage) {
  check_fixtures("error-message", [](Html& h, const json::object& o) { error_message(h, testing::error_message(o)); },
                 {});
}

TEST(GovukParity, Fieldset) {
  check_fixtures("fieldset", [](Html& h, const json::object& o) { fieldset(h, testing::fieldset(o)); }, {});
}

}  // namespace
}  // namespace roundtable::view::govuk
