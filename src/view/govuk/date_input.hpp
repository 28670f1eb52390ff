/// govukDateInput: day, month and year inputs in a group.
#pragma once

#include <string>
#include <utility>

#include "view/govuk/field_parts.hpp"

namespace roundtable::view::govuk {

struct DateInputItem {
  /// Defaults to "<DateInput::id>-<name>".
  std::string id;
  /// "day", "month" or "year" (a year input is wider); prefixed by DateInput::name_prefix.
  std::string name;
  /// The name capitalised when empty; pass "Diwrnod", "Mis", "Blwyddyn" for Welsh.
  std::string label;
  std::string value;
  /// Marks this input as wrong. When no item says so, every input is marked when the field has an error message;
  /// false keeps this one unmarked.
  std::optional<bool> error;
  std::string classes;
  std::string autocomplete;
  std::string pattern;
  /// "numeric" when empty.
  std::string inputmode;
  Attributes attributes;
};

struct DateInput {
  std::string id;
  std::string name_prefix;
  /// Empty: day, month and year (from the day, month and year options when set).
  std::vector<DateInputItem> items;
  /// Values by the inputs' full names (e.g. {"dob-day", "4"}), for items without a value.
  std::vector<std::pair<std::string, std::string>> values;
  /// Replace the default items.
  std::optional<DateInputItem> day;
  std::optional<DateInputItem> month;
  std::optional<DateInputItem> year;
  std::optional<Fieldset> fieldset;
  Hint hint;
  ErrorMessage error_message;
  InputsFormGroup form_group;
  std::string classes;
  Attributes attributes;
};
void date_input(Html& h, const DateInput& p);

}  // namespace roundtable::view::govuk
