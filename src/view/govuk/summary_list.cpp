#include "view/govuk/summary_list.hpp"

#include "view/govuk/summary_writer.hpp"

namespace roundtable::view::govuk {

using detail::put;
using detail::put_attributes;
using detail::put_classes;

namespace {

void action_link(Html& h, const SummaryListAction& a, const SummaryCardTitle* card_title) {
  h.raw("<a class=\"govuk-link");
  put_classes(h, a.classes);
  h.raw("\" href=\"").text(a.href).raw("\"");
  put_attributes(h, a.attributes);
  h.raw(">");
  put(h, a.text, a.html);
  if (!a.visually_hidden_text.empty() || card_title) {
    // No space before the hidden words, unlike govuk-frontend's template: govuk-visually-hidden puts a no-break space
    // before them already (::before), and a second one makes screen readers hear "Change  (What matters to me)".
    h.raw("<span class=\"govuk-visually-hidden\">");
    h.text(a.visually_hidden_text);
    if (card_title) {
      h.raw_if(!a.visually_hidden_text.empty(), " ");
      h.raw("(");
      put(h, card_title->text, card_title->html);
      h.raw(")");
    }
    h.raw("</span>");
  }
  h.raw("</a>\n");
}

void list(Html& h, const SummaryList& p, const SummaryCardTitle* card_title) {
  bool any_row_has_actions = false;
  for (const auto& row : p.rows) any_row_has_actions = any_row_has_actions || !row.actions.items.empty();

  h.raw("<dl class=\"govuk-summary-list");
  put_classes(h, p.classes);
  h.raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">\n");
  for (const auto& row : p.rows) {
    const auto& items = row.actions.items;
    h.raw("<div class=\"govuk-summary-list__row");
    h.raw_if(any_row_has_actions && items.empty(), " govuk-summary-list__row--no-actions");
    put_classes(h, row.classes);
    h.raw("\">\n<dt class=\"govuk-summary-list__key");
    put_classes(h, row.key.classes);
    h.raw("\">\n");
    put(h, row.key.text, row.key.html);
    h.raw("\n</dt>\n<dd class=\"govuk-summary-list__value");
    put_classes(h, row.value.classes);
    h.raw("\">\n");
    put(h, row.value.text, row.value.html);
    h.raw("\n</dd>\n");
    if (!items.empty()) {
      h.raw("<dd class=\"govuk-summary-list__actions");
      put_classes(h, row.actions.classes);
      h.raw("\">\n");
      if (items.size() == 1) {
        action_link(h, items[0], card_title);
      } else {
        h.raw("<ul class=\"govuk-summary-list__actions-list\">\n");
        for (const auto& a : items) {
          h.raw("<li class=\"govuk-summary-list__actions-list-item\">\n");
          action_link(h, a, card_title);
          h.raw("</li>\n");
        }
        h.raw("</ul>\n");
      }
      h.raw("</dd>\n");
    }
    h.raw("</div>\n");
  }
  h.raw("</dl>\n");
}

void card_start(Html& h, const SummaryCardTitle* title, const SummaryListActions& actions, std::string_view classes,
                const Attributes& attributes) {
  h.raw("<div class=\"govuk-summary-card");
  put_classes(h, classes);
  h.raw("\"");
  put_attributes(h, attributes);
  h.raw(">\n<div class=\"govuk-summary-card__title-wrapper\">\n");
  if (title) {
    detail::heading_open(h, title->heading_level);
    h.raw(" class=\"govuk-summary-card__title");
    put_classes(h, title->classes);
    h.raw("\">\n");
    put(h, title->text, title->html);
    h.raw("\n");
    detail::heading_close(h, title->heading_level);
  }
  const auto& items = actions.items;
  if (items.size() == 1) {
    h.raw("<div class=\"govuk-summary-card__actions");
    put_classes(h, actions.classes);
    h.raw("\">\n");
    action_link(h, items[0], title);
    h.raw("</div>\n");
  } else if (!items.empty()) {
    h.raw("<ul class=\"govuk-summary-card__actions");
    put_classes(h, actions.classes);
    h.raw("\">\n");
    for (const auto& a : items) {
      h.raw("<li class=\"govuk-summary-card__action\">\n");
      action_link(h, a, title);
      h.raw("</li>\n");
    }
    h.raw("</ul>\n");
  }
  h.raw("</div>\n<div class=\"govuk-summary-card__content\">\n");
}

void card_end(Html& h) { h.raw("</div>\n</div>\n"); }

}  // namespace

void summary_list(Html& h, const SummaryList& p) {
  if (!p.card) {
    list(h, p, nullptr);
    return;
  }
  const SummaryCard& card = *p.card;
  const SummaryCardTitle* title = card.title ? &*card.title : nullptr;
  card_start(h, title, card.actions, card.classes, card.attributes);
  list(h, p, title);
  card_end(h);
}

void text_summary_list(Html& h, std::initializer_list<SummaryListText> rows, const SummaryCardTitle* card_title) {
  static const SummaryListActions no_actions;
  static const Attributes no_attributes;
  if (card_title) card_start(h, card_title, no_actions, {}, no_attributes);
  SummaryListWriter list(h);
  for (const auto& row : rows) list.row(row.key, row.value);
  list.end();
  if (card_title) card_end(h);
}

SummaryListWriter::SummaryListWriter(Html& h) : h_(h) { h.raw("<dl class=\"govuk-summary-list\">\n"); }

Html& SummaryListWriter::key() {
  return h_.raw("<div class=\"govuk-summary-list__row\">\n<dt class=\"govuk-summary-list__key\">\n");
}

Html& SummaryListWriter::value() { return h_.raw("\n</dt>\n<dd class=\"govuk-summary-list__value\">\n"); }

void SummaryListWriter::end_row() { h_.raw("\n</dd>\n</div>\n"); }

void SummaryListWriter::row(std::string_view key_text, std::string_view value_text) {
  key().text(key_text);
  value().text(value_text);
  end_row();
}

void SummaryListWriter::end() { h_.raw("</dl>\n"); }

void summary_card_start(Html& h, int heading_level) {
  h.raw("<div class=\"govuk-summary-card\">\n<div class=\"govuk-summary-card__title-wrapper\">\n");
  detail::heading_open(h, heading_level);
  h.raw(" class=\"govuk-summary-card__title\">\n");
}

void summary_card_content(Html& h, int heading_level) {
  h.raw("\n");
  detail::heading_close(h, heading_level);
  h.raw("</div>\n<div class=\"govuk-summary-card__content\">\n");
}

void summary_card_end(Html& h) { card_end(h); }

}  // namespace roundtable::view::govuk
