/// GOV.UK text fields: govukInput, govukPasswordInput, govukTextarea and govukCharacterCount.
#pragma once

#include <string>

#include "view/govuk/field_parts.hpp"

namespace roundtable::view::govuk {

/// The prefix or suffix of an input, e.g. "£" or "kg".
struct InputAffix {
  std::string text;
  std::optional<Html> html;
  std::string classes;
  Attributes attributes;
};

struct InputWrapper {
  std::string classes;
  Attributes attributes;
};

/// The label, hint and error message are shown when they have text or html.
struct Input {
  /// Defaults to name.
  std::string id;
  std::string name;
  /// "text" when empty.
  std::string type = "text";
  std::string inputmode;
  /// Left out when empty.
  std::string value;
  bool disabled = false;
  /// Ids of other elements that describe the input (the hint's and error's are added).
  std::string described_by;
  Label label;
  Hint hint;
  ErrorMessage error_message;
  InputAffix prefix;
  InputAffix suffix;
  FormGroup form_group;
  InputWrapper input_wrapper;
  std::string classes;
  std::string autocomplete;
  std::string pattern;
  /// Written as spellcheck="true|false" when set.
  std::optional<bool> spellcheck;
  std::string autocapitalize;
  Attributes attributes;
};
void input(Html& h, const Input& p);

struct PasswordInputButton {
  std::string classes;
};

struct PasswordInput {
  std::string id;
  std::string name;
  std::string value;
  bool disabled = false;
  std::string described_by;
  Label label;
  Hint hint;
  ErrorMessage error_message;
  FormGroup form_group;
  std::string classes;
  /// "current-password" when empty; "new-password" for a new one.
  std::string autocomplete = "current-password";
  Attributes attributes;
  PasswordInputButton button;
  /// The show/hide button's words. Empty: govuk-frontend's English ("Show", "Hide", "Show password", "Hide password",
  /// "Your password is visible", "Your password is hidden"); pass all six for Welsh.
  std::string show_password_text;
  std::string hide_password_text;
  std::string show_password_aria_label_text;
  std::string hide_password_aria_label_text;
  std::string password_shown_announcement_text;
  std::string password_hidden_announcement_text;
};
void password_input(Html& h, const PasswordInput& p);

struct Textarea {
  std::string id;
  std::string name;
  /// 5 when 0.
  int rows = 5;
  std::string value;
  bool disabled = false;
  std::string described_by;
  Label label;
  Hint hint;
  ErrorMessage error_message;
  FormGroup form_group;
  std::string classes;
  std::string autocomplete;
  std::optional<bool> spellcheck;
  Attributes attributes;
};
void textarea(Html& h, const Textarea& p);

struct CountMessage {
  std::string classes;
};

struct CharacterCount {
  std::string id;
  std::string name;
  int rows = 5;
  std::string value;
  /// The limit: maxlength characters or maxwords words (0 for none: set in JavaScript).
  int maxlength = 0;
  int maxwords = 0;
  /// Percentage of the limit at which the count shows (0: always).
  int threshold = 0;
  /// "words" or "characters"; empty: words when maxwords is set.
  std::string count_type;
  Label label;
  Hint hint;
  ErrorMessage error_message;
  FormGroup form_group;
  std::string classes;
  std::optional<bool> spellcheck;
  Attributes attributes;
  CountMessage count_message;
  /// "You can enter up to %{count} characters" (or words) when empty.
  std::string textarea_description_text;
  /// The script's messages; empty ones keep its English.
  PluralMessages characters_under_limit_text;
  std::string characters_at_limit_text;
  PluralMessages characters_over_limit_text;
  PluralMessages words_under_limit_text;
  std::string words_at_limit_text;
  PluralMessages words_over_limit_text;
};
void character_count(Html& h, const CharacterCount& p);

}  // namespace roundtable::view::govuk
