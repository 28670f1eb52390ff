/// govukSummaryList: rows of key, value and actions, optionally inside a summary card.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "view/govuk/common.hpp"

namespace roundtable::view::govuk {

struct SummaryListAction {
  std::string href;
  /// What the link says, e.g. "Change" (Welsh: "Newid") or "Remove" ("Dileu").
  std::string text;
  std::optional<Html> html;
  /// Read out after the text, e.g. "name" in "Change name".
  std::string visually_hidden_text;
  std::string classes;
  Attributes attributes;
};

struct SummaryListActions {
  std::vector<SummaryListAction> items;
  std::string classes;
};

/// A row's key or value.
struct SummaryListCell {
  std::string text;
  std::optional<Html> html;
  std::string classes;
};

struct SummaryListRow {
  SummaryListCell key;
  SummaryListCell value;
  SummaryListActions actions;
  std::string classes;
};

struct SummaryCardTitle {
  std::string text;
  std::optional<Html> html;
  int heading_level = 2;
  std::string classes;
};

struct SummaryCard {
  /// Also read out, in brackets, after each action's text.
  std::optional<SummaryCardTitle> title;
  SummaryListActions actions;
  std::string classes;
  Attributes attributes;
};

struct SummaryList {
  std::vector<SummaryListRow> rows;
  /// Wraps the list in a summary card.
  std::optional<SummaryCard> card;
  std::string classes;
  Attributes attributes;
};
void summary_list(Html& h, const SummaryList& p);

/// A row of text_summary_list: its key and value as text (escaped when written). Views, not copies: the rows are
/// written before the call returns, so a temporary (a plural message, a formatted date) may be given.
struct SummaryListText {
  std::string_view key;
  std::string_view value;
};
/// The same markup as summary_list with rows of text only (no actions, classes or attributes), in a summary card
/// with card_title when given, written straight into h: for long lists of cards, where building a SummaryList
/// copies every key and value into row structs first.
///
///   govuk::text_summary_list(h, {{t("groups.home.purpose"), g.purpose}, {t("groups.list.people"), people}}, &title);
void text_summary_list(Html& h, std::initializer_list<SummaryListText> rows,
                       const SummaryCardTitle* card_title = nullptr);

}  // namespace roundtable::view::govuk
