#include "view/govuk/file_upload.hpp"

namespace roundtable::view::govuk {

using detail::add_word;
using detail::present;
using detail::put;
using detail::put_attributes;
using detail::put_classes;
using detail::put_i18n;

void file_upload(Html& h, const FileUpload& p) {
  const std::string_view id = p.id.empty() ? std::string_view(p.name) : std::string_view(p.id);
  const bool error = present(p.error_message.text, p.error_message.html);
  detail::form_group_begin(h, error, p.form_group.classes, p.form_group.attributes);
  const std::string described_by = detail::label_hint_error(h, id, p.described_by, p.label, p.hint, p.error_message);
  put(h, p.form_group.before_input);
  if (p.javascript) {
    h.raw("<div class=\"govuk-file-upload-wrapper");
    put_classes(h, p.wrapper_classes);
    h.raw("\" data-module=\"govuk-file-upload\"");
    put_i18n(h, "choose-files-button", p.choose_files_button_text);
    put_i18n(h, "no-file-chosen", p.no_file_chosen_text);
    put_i18n(h, "multiple-files-chosen", p.multiple_files_chosen_text);
    put_i18n(h, "drop-instruction", p.drop_instruction_text);
    put_i18n(h, "entered-drop-zone", p.entered_drop_zone_text);
    put_i18n(h, "left-drop-zone", p.left_drop_zone_text);
    put_attributes(h, p.wrapper_attributes);
    h.raw(">\n");
  }
  h.raw("<input class=\"govuk-file-upload");
  put_classes(h, p.classes);
  h.raw_if(error, " govuk-file-upload--error").raw("\" id=\"").text(id).raw("\" name=\"").text(p.name);
  h.raw("\" type=\"file\"").raw_if(p.disabled, " disabled").raw_if(p.multiple, " multiple");
  if (!described_by.empty()) h.raw(" aria-describedby=\"").text(described_by).raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">\n");
  if (p.javascript) h.raw("</div>\n");
  put(h, p.form_group.after_input);
  h.raw("</div>\n");
}

}  // namespace roundtable::view::govuk
