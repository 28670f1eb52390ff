/// govukTable, whole (`table`) or written a row at a time (`TableWriter`) for long lists.
#pragma once

#include <string>

#include "view/govuk/common.hpp"

namespace roundtable::view::govuk {

/// A cell of the head or of a row.
struct TableCell {
  std::string text;
  std::optional<Html> html;
  /// "numeric" right-aligns the cell.
  std::string format;
  std::string classes;
  int colspan = 0;
  int rowspan = 0;
  Attributes attributes;
};

struct Table {
  std::vector<std::vector<TableCell>> rows;
  std::vector<TableCell> head;
  std::string caption;
  std::string caption_classes;
  /// The first cell of each row is a row header (`<th scope="row">`).
  bool first_cell_is_header = false;
  std::string classes;
  Attributes attributes;
};
void table(Html& h, const Table& p);

/// Writes a table without holding its rows: the constructor writes the caption and head of `p` (its rows are
/// ignored), then each row is begin_row(), cell()..., end_row(), and end() closes the table.
///
///   govuk::TableWriter t(h, {.head = {{.text = "Name"}, {.text = "Joined"}}});
///   for (auto& m : members) { t.begin_row(); t.cell(m.name); t.cell(m.joined); t.end_row(); }
///   t.end();
class TableWriter {
 public:
  TableWriter(Html& h, const Table& p);
  TableWriter(const TableWriter&) = delete;
  TableWriter& operator=(const TableWriter&) = delete;

  void begin_row();
  void cell(const TableCell& c);
  /// A cell of escaped text with no other options.
  void cell(std::string_view text);
  /// A cell holding a fragment of our markup.
  void cell(const Html& fragment);
  void end_row();
  /// Closes the table; call once, after the last row.
  void end();
  /// A whole row of cells.
  void row(const std::vector<TableCell>& cells);

 private:
  /// Opens the cell's tag up to its class list; returns whether it was a row header (`th`).
  bool open_cell(std::string_view format, std::string_view classes);

  Html& h_;
  bool first_cell_is_header_;
  bool first_in_row_ = true;
};

}  // namespace roundtable::view::govuk
