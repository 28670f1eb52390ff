/// govukSummaryList: rows of key, value and actions, optionally inside a summary card.
#pragma once

#include <string>

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

}  // namespace roundtable::view::govuk
