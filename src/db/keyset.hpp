/// Keyset pages in a name-then-id order (a page starts after, or ends before, the row named by its id): the condition
/// and the order, written once. The condition is a row value, `(name, id) > (SELECT name, id ...)`: written as
/// `name > x OR (name = x AND id > y)`, SQLite read the index from its first row on every page instead of starting at
/// the cursor (ADR 0057). Both databases read a row-value comparison along an index on (…, name, id).
#pragma once

#include <string>
#include <string_view>

namespace roundtable::db {

/// " AND (name, id) > (cursor_row)", or "<" going backwards. cursor_row: a SELECT of the cursor row's name and id.
inline std::string keyset_after(std::string_view name, std::string_view id, bool backwards,
                                std::string_view cursor_row) {
  std::string out = " AND (";
  out.append(name).append(", ").append(id).append(backwards ? ") < (" : ") > (").append(cursor_row).append(")");
  return out;
}

/// " ORDER BY name, id", descending going backwards (the page is then read nearest the cursor first).
inline std::string keyset_order(std::string_view name, std::string_view id, bool backwards) {
  std::string out = " ORDER BY ";
  const std::string_view way = backwards ? " DESC" : "";
  out.append(name).append(way).append(", ").append(id).append(way);
  return out;
}

}  // namespace roundtable::db
