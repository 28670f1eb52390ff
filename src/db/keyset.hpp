/// Keyset pages in an order of a few columns ending in an id (a name then an id; a time then an id): the condition
/// and the order, written once. The condition is a row value, `(name, id) > (SELECT name, id ...)`: written as
/// `name > x OR (name = x AND id > y)`, SQLite read far more of the index than the page, or tested every row against
/// a correlated subquery (ADR 0057). Both databases compare row values column by column, as ORDER BY sorts.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "db/query.hpp"

namespace roundtable::db {

namespace keyset_detail {
/// "a, b, ..." (each followed by suffix).
inline std::string joined(std::initializer_list<std::string_view> columns, std::string_view suffix = {}) {
  std::string out;
  for (auto c : columns) {
    if (!out.empty()) out += ", ";
    out.append(c).append(suffix);
  }
  return out;
}
}  // namespace keyset_detail

/// The rows past the cursor in the reading order: " AND (a, b, ...) > (cursor_row)", or "<" when reading
/// descending. cursor_row: the cursor's values ("$4, $5") or a SELECT of them.
inline std::string keyset_past(std::initializer_list<std::string_view> columns, bool descending,
                               std::string_view cursor_row) {
  std::string out = " AND (" + keyset_detail::joined(columns);
  out.append(descending ? ") < (" : ") > (").append(cursor_row).append(")");
  return out;
}

/// " ORDER BY a, b, ...", or all of them descending (a page read backwards from its cursor, or a newest-first list).
inline std::string keyset_order(std::initializer_list<std::string_view> columns, bool descending) {
  return " ORDER BY " + keyset_detail::joined(columns, descending ? " DESC" : "");
}

/// A page read both ways from a row named by id: after it, or (going back) before it, one row more than the page
/// read to say whether there is another page that way.
struct KeysetCursor {
  long long after = 0;
  long long before = 0;
  bool backwards() const { return before > 0; }
  /// The row the page starts after or ends before; 0 for the first page.
  long long id() const { return backwards() ? before : after; }
  /// Whether there are rows before the page, given whether one more than the page was read (`more`).
  bool more_before(bool more) const { return backwards() ? more : id() > 0; }
  /// Whether there are rows after the page: going back, the page came from one.
  bool more_after(bool more) const { return backwards() || more; }

  /// The end of a page's query, in the order of columns: past the cursor when there is one (cursor_select ends in
  /// "= " and is completed with the cursor's id, appended to params), the order, and " LIMIT" rows (appended too).
  std::string page_sql(std::initializer_list<std::string_view> columns, std::string_view cursor_select,
                       std::vector<Param>& params, long long rows) const {
    std::string out;
    if (id() > 0) {
      params.emplace_back(id());
      out = keyset_past(columns, backwards(), std::string(cursor_select) + "$" + std::to_string(params.size()));
    }
    params.emplace_back(rows);
    return out + keyset_order(columns, backwards()) + " LIMIT $" + std::to_string(params.size());
  }
};

}  // namespace roundtable::db
