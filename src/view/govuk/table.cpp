#include "view/govuk/table.hpp"

namespace roundtable::view::govuk {

using detail::put;
using detail::put_attributes;
using detail::put_classes;

namespace {

void spans(Html& h, const TableCell& c) {
  if (c.colspan) h.raw(" colspan=\"").number(c.colspan).raw("\"");
  if (c.rowspan) h.raw(" rowspan=\"").number(c.rowspan).raw("\"");
}

}  // namespace

TableWriter::TableWriter(Html& h, const Table& p) : h_(h), first_cell_is_header_(p.first_cell_is_header) {
  h.raw("<table class=\"govuk-table");
  put_classes(h, p.classes);
  h.raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">\n");
  if (!p.caption.empty()) {
    h.raw("<caption class=\"govuk-table__caption");
    put_classes(h, p.caption_classes);
    h.raw("\">").text(p.caption).raw("</caption>\n");
  }
  if (!p.head.empty()) {
    h.raw("<thead class=\"govuk-table__head\">\n<tr class=\"govuk-table__row\">\n");
    for (const auto& c : p.head) {
      h.raw("<th scope=\"col\" class=\"govuk-table__header");
      if (!c.format.empty()) h.raw(" govuk-table__header--").text(c.format);
      put_classes(h, c.classes);
      h.raw("\"");
      spans(h, c);
      put_attributes(h, c.attributes);
      h.raw(">");
      put(h, c.text, c.html);
      h.raw("</th>\n");
    }
    h.raw("</tr>\n</thead>\n");
  }
  h.raw("<tbody class=\"govuk-table__body\">\n");
}

void TableWriter::begin_row() {
  h_.raw("<tr class=\"govuk-table__row\">\n");
  first_in_row_ = true;
}

bool TableWriter::open_cell(std::string_view format, std::string_view classes) {
  const bool header = first_in_row_ && first_cell_is_header_;
  first_in_row_ = false;
  if (header) {
    h_.raw("<th scope=\"row\" class=\"govuk-table__header");
  } else {
    h_.raw("<td class=\"govuk-table__cell");
    if (!format.empty()) h_.raw(" govuk-table__cell--").text(format);
  }
  put_classes(h_, classes);
  h_.raw("\"");
  return header;
}

void TableWriter::cell(const TableCell& c) {
  const bool header = open_cell(c.format, c.classes);
  spans(h_, c);
  put_attributes(h_, c.attributes);
  h_.raw(">");
  put(h_, c.text, c.html);
  h_.raw_if(header, "</th>\n", "</td>\n");
}

void TableWriter::cell(std::string_view text) {
  const bool header = open_cell({}, {});
  h_.raw(">").text(text).raw_if(header, "</th>\n", "</td>\n");
}

void TableWriter::cell(const Html& fragment) {
  const bool header = open_cell({}, {});
  h_.raw(">").append(fragment).raw_if(header, "</th>\n", "</td>\n");
}

void TableWriter::end_row() { h_.raw("</tr>\n"); }

void TableWriter::end() { h_.raw("</tbody>\n</table>\n"); }

void TableWriter::row(const std::vector<TableCell>& cells) {
  begin_row();
  for (const auto& c : cells) cell(c);
  end_row();
}

void table(Html& h, const Table& p) {
  TableWriter w(h, p);
  for (const auto& r : p.rows) w.row(r);
  w.end();
}

}  // namespace roundtable::view::govuk
