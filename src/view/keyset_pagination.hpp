/// Previous and next links for a page of a list read by keyset (db/keyset.hpp): each names the row the page ends
/// before or starts after, by id, so no name or offset is in the address.
///
///   view::keyset_pagination(h, t, base + "?", {page.more_before, rows.front().id, page.more_after, rows.back().id});
#pragma once

#include <string_view>

#include "core/i18n.hpp"
#include "view/html.hpp"

namespace roundtable::view {

struct KeysetLinks {
  /// Whether there are rows before the page, and the page's first row's id.
  bool more_before = false;
  long long first_id = 0;
  /// Whether there are rows after the page, and the page's last row's id.
  bool more_after = false;
  long long last_id = 0;
};

/// GOV.UK pagination with "<keep>before=<first_id>" and "<keep>after=<last_id>" (keep ends in "?" or "&" and holds
/// the list's filters), each only when there are rows that way; nothing when there are none either way.
void keyset_pagination(Html& h, const core::Translator& t, std::string_view keep, const KeysetLinks& links);

}  // namespace roundtable::view
