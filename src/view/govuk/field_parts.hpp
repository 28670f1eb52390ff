/// The parts GOV.UK form fields are made of: hint, label, error message and fieldset (govukHint, govukLabel,
/// govukErrorMessage, govukFieldset), plus the form group options shared by the fields.
#pragma once

#include <string>

#include "view/govuk/common.hpp"

namespace roundtable::view::govuk {

struct Hint {
  std::string text;
  std::optional<Html> html;
  /// Set by the field when the hint belongs to one.
  std::string id;
  std::string classes;
  Attributes attributes;
};
void hint(Html& h, const Hint& p);

struct Label {
  std::string text;
  std::optional<Html> html;
  /// The `for` option: the id of the input. Set by the field when the label belongs to one.
  std::string for_;
  bool is_page_heading = false;
  std::string classes;
  Attributes attributes;
};
/// Writes nothing when the label has neither text nor html.
void label(Html& h, const Label& p);

struct ErrorMessage {
  std::string text;
  std::optional<Html> html;
  /// Set by the field when the message belongs to one.
  std::string id;
  std::string classes;
  Attributes attributes;
  /// Read out before the message as "<visually_hidden_text>:"; "" for none. Welsh: "Gwall".
  std::string visually_hidden_text = "Error";
};
void error_message(Html& h, const ErrorMessage& p);

struct Legend {
  std::string text;
  std::optional<Html> html;
  std::string classes;
  bool is_page_heading = false;
};

struct Fieldset {
  std::string described_by;
  Legend legend;
  std::string classes;
  std::string role;
  Attributes attributes;
  /// What goes inside, after the legend.
  std::optional<Html> html;
};
void fieldset(Html& h, const Fieldset& p);

/// The formGroup option of single-input fields (input, textarea, select, file upload...).
struct FormGroup {
  std::string classes;
  Attributes attributes;
  Content before_input;
  Content after_input;
};

/// The formGroup option of fields with several inputs (radios, checkboxes, date input).
struct InputsFormGroup {
  std::string classes;
  Attributes attributes;
  Content before_inputs;
  Content after_inputs;
};

namespace detail {

void hint(Html& h, const Hint& p, std::string_view id, std::string_view extra_class = {});
void label(Html& h, const Label& p, std::string_view for_id);
/// A label from its parts (for radio and checkbox items, whose label options are spread over the item).
void label(Html& h, std::string_view text, const std::optional<Html>& html, bool is_page_heading,
           std::string_view classes, const Attributes& attributes, std::string_view for_id,
           std::string_view extra_class);
void error_message(Html& h, const ErrorMessage& p, std::string_view id);
/// The fieldset's opening tag and legend, and its end: content goes in between. described_by and role replace the
/// fieldset's own.
void fieldset_begin(Html& h, const Fieldset& p, std::string_view described_by, std::string_view role);
inline void fieldset_end(Html& h) { h.raw("</fieldset>\n"); }
/// The label, hint and error message of a field with one input (input, textarea, select, file upload); returns
/// the input's aria-describedby: described_by with the hint's and the error's ids added.
std::string label_hint_error(Html& h, std::string_view id, std::string described_by, const Label& label,
                             const Hint& hint, const ErrorMessage& error);
/// `<div class="govuk-form-group...">`.
void form_group_begin(Html& h, bool error, std::string_view classes, const Attributes& attributes);
/// Appends " word" (or "word" when out is empty): for aria-describedby lists.
inline void add_word(std::string& out, std::string_view a, std::string_view b = {}) {
  if (!out.empty()) out += ' ';
  out.append(a).append(b);
}

}  // namespace detail

}  // namespace roundtable::view::govuk
