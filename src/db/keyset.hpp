/// Keyset pages in a two-column order, a value then an id (a name, a time): the condition and the order, written
/// once. The condition is a row value, `(name, id) > (SELECT name, id ...)`: written as
/// `name > x OR (name = x AND id > y)`, SQLite read the index from its first row on every page instead of starting at
/// the cursor (ADR 0057). Both databases read a row-value comparison along an index on (…, name, id).
#pragma once

#include <string>
#include <string_view>

namespace roundtable::db {

/// The rows past the cursor in the reading order: " AND (name, id) > (cursor_row)", or "<" when reading descending.
/// cursor_row: the cursor's two values ("$4, $5") or a SELECT of them.
inline std::string keyset_past(std::string_view name, std::string_view id, bool descending,
                               std::string_view cursor_row) {
  std::string out = " AND (";
  out.append(name).append(", ").append(id).append(descending ? ") < (" : ") > (").append(cursor_row).append(")");
  return out;
}

/// " ORDER BY name, id", or both descending (a page read backwards from its cursor, or a newest-first list).
inline std::string keyset_order(std::string_view name, std::string_view id, bool descending) {
  std::string out = " ORDER BY ";
  const std::string_view way = descending ? " DESC" : "";
  out.append(name).append(way).append(", ").append(id).append(way);
  return out;
}

}  // namespace roundtable::db
