/// GOV.UK Frontend form patterns: error summary, text inputs, radios, checkboxes, buttons and the CSRF field.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "view/html.hpp"
#include "view/problems.hpp"

namespace roundtable::view {

/// "There is a problem" with a link to each field (nothing when errors is empty).
void error_summary(Html& h, const core::Translator& t, const std::vector<FieldError>& errors);

/// The hidden csrf_token input every form carries.
void csrf_field(Html& h, std::string_view token);

struct InputField {
  std::string id;
  /// Defaults to id.
  std::string name;
  std::string label;
  std::string hint;
  std::string value;
  std::string error;
  std::string type = "text";
  std::string autocomplete;
  /// Extra classes for the input, e.g. "govuk-input--width-20".
  std::string input_class;
  bool label_is_heading = false;
  bool spellcheck_off = false;
  /// e.g. "numeric" for codes, so phones show a number pad.
  std::string inputmode;
};
void input(Html& h, const core::Translator& t, const InputField& f);

struct TextareaField {
  std::string id;
  std::string label;
  std::string hint;
  std::string value;
  std::string error;
  int rows = 5;
  bool spellcheck = true;
};
void textarea(Html& h, const core::Translator& t, const TextareaField& f);

struct Choice {
  std::string value;
  std::string label;
  std::string hint;
  bool checked = false;
};

struct ChoiceField {
  /// The id of the first option (where the error summary links to) and the prefix of the others.
  std::string id;
  std::string name;
  std::string legend;
  std::string hint;
  std::string error;
  std::vector<Choice> choices;
  bool small = false;
};
/// Radios (one choice) or checkboxes (several).
void radios(Html& h, const core::Translator& t, const ChoiceField& f);
void checkboxes(Html& h, const core::Translator& t, const ChoiceField& f);

struct FileField {
  /// Also the field's name.
  std::string id;
  std::string label;
  std::string hint;
  std::string error;
  /// What the browser offers to choose, e.g. "image/*".
  std::string accept;
};
/// A file input (the form must be multipart/form-data). Browsers cannot show a chosen file again, so it has no value.
void file_upload(Html& h, const core::Translator& t, const FileField& f);

/// A submit button; secondary/warning change its colour.
void button(Html& h, std::string_view label, std::string_view modifier = "");

}  // namespace roundtable::view
