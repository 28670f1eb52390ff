/// govukSummaryList written a row at a time, and a summary card written in parts: for long lists (a card per group,
/// a row per person), where SummaryList's row structs copy every key and value and each fragment of markup (a link
/// in a key, a card's title) is a buffer of its own. The markup is summary_list's for the same rows (no actions).
#pragma once

#include <string_view>

#include "view/html.hpp"

namespace roundtable::view::govuk {

/// A summary list, opened by the constructor; each row is key(), what goes in the key written into the page,
/// value(), the value, and end_row(); end() closes the list.
///
///   govuk::SummaryListWriter list(h);
///   for (const auto& p : people) {
///     govuk::link(list.key(), url_of(p), p.name);
///     list.value().text(p.role_words);
///     list.end_row();
///   }
///   list.end();
class SummaryListWriter {
 public:
  explicit SummaryListWriter(Html& h);
  SummaryListWriter(const SummaryListWriter&) = delete;
  SummaryListWriter& operator=(const SummaryListWriter&) = delete;

  /// Starts a row: what is written into the returned page next is the row's key.
  Html& key();
  /// Ends the key: what is written next is the row's value.
  Html& value();
  void end_row();
  /// A whole row of text (escaped).
  void row(std::string_view key, std::string_view value);
  /// Closes the list; call once, after the last row.
  void end();

 private:
  Html& h_;
};

/// A summary card with a title and no actions, written in parts around the caller's own title and content:
///
///   govuk::summary_card_start(h, 3);          // the card, up to inside its title's <h3>
///   govuk::link(h, href, name);               // the title
///   govuk::summary_card_content(h, 3);        // the title closed, the card's content opened
///   govuk::text_summary_list(h, {...});       // the content: a summary list
///   govuk::summary_card_end(h);
void summary_card_start(Html& h, int heading_level = 2);
void summary_card_content(Html& h, int heading_level = 2);
void summary_card_end(Html& h);

}  // namespace roundtable::view::govuk
