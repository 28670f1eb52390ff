#include "view/govuk/field_parts.hpp"

namespace roundtable::view::govuk {

namespace detail {

void hint(Html& h, const Hint& p, std::string_view id, std::string_view extra_class) {
  h.raw("<div");
  if (!id.empty()) h.raw(" id=\"").text(id).raw("\"");
  h.raw(" class=\"govuk-hint");
  put_classes(h, extra_class);
  put_classes(h, p.classes);
  h.raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">\n");
  put(h, p.text, p.html);
  h.raw("\n</div>\n");
}

void label(Html& h, std::string_view text, const std::optional<Html>& html, bool is_page_heading,
           std::string_view classes, const Attributes& attributes, std::string_view for_id,
           std::string_view extra_class) {
  if (!present(text, html)) return;
  if (is_page_heading) h.raw("<h1 class=\"govuk-label-wrapper\">\n");
  h.raw("<label class=\"govuk-label");
  put_classes(h, extra_class);
  put_classes(h, classes);
  h.raw("\"");
  put_attributes(h, attributes);
  if (!for_id.empty()) h.raw(" for=\"").text(for_id).raw("\"");
  h.raw(">\n");
  put(h, text, html);
  h.raw("\n</label>\n");
  if (is_page_heading) h.raw("</h1>\n");
}

void label(Html& h, const Label& p, std::string_view for_id) {
  label(h, p.text, p.html, p.is_page_heading, p.classes, p.attributes, for_id, {});
}

void error_message(Html& h, const ErrorMessage& p, std::string_view id) {
  h.raw("<p");
  if (!id.empty()) h.raw(" id=\"").text(id).raw("\"");
  h.raw(" class=\"govuk-error-message");
  put_classes(h, p.classes);
  h.raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">\n");
  if (!p.visually_hidden_text.empty()) {
    h.raw("<span class=\"govuk-visually-hidden\">").text(p.visually_hidden_text).raw(":</span> ");
  }
  put(h, p.text, p.html);
  h.raw("\n</p>\n");
}

void fieldset_begin(Html& h, const Fieldset& p, std::string_view described_by, std::string_view role) {
  h.raw("<fieldset class=\"govuk-fieldset");
  put_classes(h, p.classes);
  h.raw("\"");
  if (!role.empty()) h.raw(" role=\"").text(role).raw("\"");
  if (!described_by.empty()) h.raw(" aria-describedby=\"").text(described_by).raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">\n");
  if (present(p.legend.text, p.legend.html)) {
    h.raw("<legend class=\"govuk-fieldset__legend");
    put_classes(h, p.legend.classes);
    h.raw("\">\n");
    if (p.legend.is_page_heading) h.raw("<h1 class=\"govuk-fieldset__heading\">\n");
    put(h, p.legend.text, p.legend.html);
    if (p.legend.is_page_heading) h.raw("\n</h1>");
    h.raw("\n</legend>\n");
  }
}

/// The label, hint and error message of a field with one input; returns the input's aria-describedby.
std::string label_hint_error(Html& h, std::string_view id, std::string described_by, const Label& label,
                             const Hint& hint, const ErrorMessage& error) {
  detail::label(h, label, id);
  if (present(hint.text, hint.html)) {
    add_word(described_by, id, "-hint");
    detail::hint(h, hint, std::string(id) + "-hint");
  }
  if (present(error.text, error.html)) {
    add_word(described_by, id, "-error");
    detail::error_message(h, error, std::string(id) + "-error");
  }
  return described_by;
}

void form_group_begin(Html& h, bool error, std::string_view classes, const Attributes& attributes) {
  h.raw("<div class=\"govuk-form-group").raw_if(error, " govuk-form-group--error");
  put_classes(h, classes);
  h.raw("\"");
  put_attributes(h, attributes);
  h.raw(">\n");
}

}  // namespace detail

void hint(Html& h, const Hint& p) { detail::hint(h, p, p.id); }
void label(Html& h, const Label& p) { detail::label(h, p, p.for_); }
void error_message(Html& h, const ErrorMessage& p) { detail::error_message(h, p, p.id); }

void fieldset(Html& h, const Fieldset& p) {
  detail::fieldset_begin(h, p, p.described_by, p.role);
  if (p.html) h.append(*p.html);
  detail::fieldset_end(h);
}

}  // namespace roundtable::view::govuk
