/// Keyset pages in an order of a few columns ending in an id (a name then an id; a time then an id): the condition
/// and the order, written once. The condition is a row value, `(name, id) > (SELECT name, id ...)`: written as
/// `name > x OR (name = x AND id > y)`, SQLite read far more of the index than the page, or tested every row against
/// a correlated subquery (ADR 0057). Both databases compare row values column by column, as ORDER BY sorts.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace roundtable::db {

/// The rows past the cursor in the reading order: " AND (a, b, ...) > (cursor_row)", or "<" when reading
/// descending. cursor_row: the cursor's values ("$4, $5") or a SELECT of them.
inline std::string keyset_past(std::initializer_list<std::string_view> columns, bool descending,
                               std::string_view cursor_row) {
  std::string out = " AND (";
  bool first = true;
  for (auto c : columns) {
    if (!first) out += ", ";
    out.append(c);
    first = false;
  }
  out.append(descending ? ") < (" : ") > (").append(cursor_row).append(")");
  return out;
}

/// " ORDER BY a, b, ...", or all of them descending (a page read backwards from its cursor, or a newest-first list).
inline std::string keyset_order(std::initializer_list<std::string_view> columns, bool descending) {
  std::string out = " ORDER BY ";
  bool first = true;
  for (auto c : columns) {
    if (!first) out += ", ";
    out.append(c);
    if (descending) out += " DESC";
    first = false;
  }
  return out;
}

}  // namespace roundtable::db
