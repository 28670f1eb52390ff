/// GOV.UK choices: govukRadios, govukCheckboxes and govukSelect.
#pragma once

#include <string>

#include "view/govuk/field_parts.hpp"

namespace roundtable::view::govuk {

/// The label option of a radio or checkbox item (its text is the item's text).
struct ChoiceLabel {
  std::string classes;
  Attributes attributes;
};

/// One radio or checkbox, or a divider ("or") between them.
struct ChoiceItem {
  std::string text;
  std::optional<Html> html;
  std::string value;
  /// Defaults to id_prefix, then id_prefix-2, -3... by position.
  std::string id;
  /// Checkboxes only: the item's own name (the field's name by default).
  std::string name;
  ChoiceLabel label;
  /// Shown under the label when it has text or html (its id is set by the component).
  Hint hint;
  /// When not empty, the item is a divider with this text (e.g. "or", Welsh "neu") and nothing else is used.
  std::string divider;
  /// Checked when true; when unset, checked if value is the field's value (radios) or among its values.
  std::optional<bool> checked;
  /// The conditional.html option: content revealed when the item is checked.
  std::optional<Html> conditional;
  /// Checkboxes only: "exclusive" for a "none of these" item that unchecks the others.
  std::string behaviour;
  bool disabled = false;
  Attributes attributes;
};

struct Radios {
  std::string name;
  /// Defaults to name.
  std::string id_prefix;
  std::vector<ChoiceItem> items;
  /// The checked item's value.
  std::string value;
  /// A fieldset with a legend around the radios (none when unset).
  std::optional<Fieldset> fieldset;
  Hint hint;
  ErrorMessage error_message;
  InputsFormGroup form_group;
  /// e.g. "govuk-radios--inline", "govuk-radios--small".
  std::string classes;
  Attributes attributes;
};
void radios(Html& h, const Radios& p);

struct Checkboxes {
  std::string name;
  std::string id_prefix;
  std::vector<ChoiceItem> items;
  /// The checked items' values.
  std::vector<std::string> values;
  std::string described_by;
  std::optional<Fieldset> fieldset;
  Hint hint;
  ErrorMessage error_message;
  InputsFormGroup form_group;
  std::string classes;
  Attributes attributes;
};
void checkboxes(Html& h, const Checkboxes& p);

struct SelectItem {
  /// The value attribute; left out when unset (the browser then sends the text).
  std::optional<std::string> value;
  std::string text;
  /// Selected when true; when unset, selected if its value (or text) is the field's value.
  std::optional<bool> selected;
  bool disabled = false;
  Attributes attributes;
};

struct Select {
  std::string id;
  std::string name;
  std::vector<SelectItem> items;
  /// The selected item's value.
  std::string value;
  bool disabled = false;
  std::string described_by;
  Label label;
  Hint hint;
  ErrorMessage error_message;
  FormGroup form_group;
  std::string classes;
  Attributes attributes;
};
void select(Html& h, const Select& p);

}  // namespace roundtable::view::govuk
