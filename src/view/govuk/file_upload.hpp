/// govukFileUpload: a file input, optionally enhanced by govuk-frontend's script (drop zone, chosen file's name).
#pragma once

#include <string>

#include "view/govuk/field_parts.hpp"

namespace roundtable::view::govuk {

struct FileUpload {
  std::string id;
  std::string name;
  bool disabled = false;
  bool multiple = false;
  std::string described_by;
  Label label;
  Hint hint;
  ErrorMessage error_message;
  FormGroup form_group;
  std::string classes;
  /// e.g. {{"accept", "image/*"}}.
  Attributes attributes;
  /// Wraps the input for govuk-frontend's script, which shows a button, the chosen file and a drop zone.
  bool javascript = false;
  /// The script's words (only with javascript). Empty: its English ("Choose file", "No file chosen",
  /// "%{count} files chosen", "or drop file", "Entered drop zone", "Left drop zone"); pass them all for Welsh.
  std::string choose_files_button_text;
  std::string drop_instruction_text;
  PluralMessages multiple_files_chosen_text;
  std::string no_file_chosen_text;
  std::string entered_drop_zone_text;
  std::string left_drop_zone_text;
  std::string wrapper_classes;
  Attributes wrapper_attributes;
};
/// The form must be multipart/form-data. Browsers cannot show a chosen file again, so there is no value.
void file_upload(Html& h, const FileUpload& p);

}  // namespace roundtable::view::govuk
