#include "view/govuk/typography.hpp"

namespace roundtable::view::govuk {

void heading(Html& h, int level, std::string_view size, const Content& text, std::string_view id) {
  detail::heading_open(h, level);
  if (!id.empty()) h.raw(" id=\"").text(id).raw("\"");
  h.raw(" class=\"govuk-heading-").text(size).raw("\">");
  detail::put(h, text);
  detail::heading_close(h, level);
}

void paragraph(Html& h, const Content& text, std::string_view classes) {
  h.raw("<p class=\"").text(classes).raw("\">");
  detail::put(h, text);
  h.raw("</p>\n");
}

void link(Html& h, std::string_view href, const Content& text, std::string_view classes) {
  h.raw("<a class=\"").text(classes).raw("\" href=\"").text(href).raw("\">");
  detail::put(h, text);
  h.raw("</a>");
}

void link_paragraph(Html& h, std::string_view href, const Content& text) {
  h.raw("<p class=\"govuk-body\">");
  link(h, href, text);
  h.raw("</p>\n");
}

void list(Html& h, const List& p) {
  h.raw_if(p.number, "<ol", "<ul");
  if (!p.id.empty()) h.raw(" id=\"").text(p.id).raw("\"");
  h.raw(" class=\"govuk-list");
  h.raw_if(p.bullet, " govuk-list--bullet").raw_if(p.number, " govuk-list--number");
  detail::put_classes(h, p.classes);
  h.raw("\">\n");
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    h.raw("<li");
    if (i < p.item_ids.size() && !p.item_ids[i].empty()) h.raw(" id=\"").text(p.item_ids[i]).raw("\"");
    h.raw(">");
    detail::put(h, p.items[i]);
    h.raw("</li>\n");
  }
  h.raw_if(p.number, "</ol>\n", "</ul>\n");
}

void visually_hidden(Html& h, std::string_view text) {
  h.raw("<span class=\"govuk-visually-hidden\">").text(text).raw("</span>");
}

void form_start(Html& h, const Form& p) {
  h.raw("<form method=\"").raw_if(p.get, "get", "post").raw("\" action=\"").text(p.action).raw("\"");
  if (p.multipart) h.raw(" enctype=\"multipart/form-data\"");
  if (!p.id.empty()) h.raw(" id=\"").text(p.id).raw("\"");
  if (!p.classes.empty()) h.raw(" class=\"").text(p.classes).raw("\"");
  if (p.novalidate) h.raw(" novalidate");
  detail::put_attributes(h, p.attributes);
  h.raw(">\n");
  if (!p.get) hidden(h, "csrf_token", p.csrf_token);
}

void form_end(Html& h) { h.raw("</form>\n"); }

void button_group_start(Html& h, std::string_view classes) {
  h.raw("<div class=\"govuk-button-group");
  if (!classes.empty()) h.raw(" ").text(classes);
  h.raw("\">\n");
}

void button_group_end(Html& h) { h.raw("</div>\n"); }

void hidden(Html& h, std::string_view name, std::string_view value) {
  h.raw("<input type=\"hidden\" name=\"").text(name).raw("\" value=\"").text(value).raw("\">\n");
}

void button_form(Html& h, const ButtonForm& p) {
  form_start(h, p.form);
  for (const auto& [name, value] : p.hidden) hidden(h, name, value);
  button(h, p.button);
  form_end(h);
}

}  // namespace roundtable::view::govuk
