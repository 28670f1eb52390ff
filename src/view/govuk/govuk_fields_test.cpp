// Parity with govuk-frontend's fixtures: form fields.
#include <gtest/gtest.h>

#include "view/govuk/govuk_test_support.hpp"

namespace roundtable::view::govuk {
namespace {

using namespace testing;

InputAffix affix(const json::object& a) {
  return {.text = str(a, "text"), .html = html(a, "html"), .classes = str(a, "classes"), .attributes = attributes(a)};
}

TEST(GovukParity, Input) {
  check_fixtures("input",
                 [](Html& h, const json::object& o) {
                   const auto& wrapper = obj(o, "inputWrapper");
                   input(h, {.id = str(o, "id"),
                             .name = str(o, "name"),
                             .type = str(o, "type"),
                             .inputmode = str(o, "inputmode"),
                             .value = str(o, "value"),
                             .disabled = flag(o, "disabled"),
                             .described_by = str(o, "describedBy"),
                             .label = label(obj(o, "label")),
                             .hint = hint(obj(o, "hint")),
                             .error_message = error_message(obj(o, "errorMessage")),
                             .prefix = affix(obj(o, "prefix")),
                             .suffix = affix(obj(o, "suffix")),
                             .form_group = form_group(o),
                             .input_wrapper = {.classes = str(wrapper, "classes"), .attributes = attributes(wrapper)},
                             .classes = str(o, "classes"),
                             .autocomplete = str(o, "autocomplete"),
                             .pattern = str(o, "pattern"),
                             .spellcheck = opt_flag(o, "spellcheck"),
                             .autocapitalize = str(o, "autocapitalize"),
                             .attributes = attributes(o)});
                 },
                 {});
}

TEST(GovukParity, PasswordInput) {
  check_fixtures("password-input",
                 [](Html& h, const json::object& o) {
                   password_input(h, {.id = str(o, "id"),
                                      .name = str(o, "name"),
                                      .value = str(o, "value"),
                                      .disabled = flag(o, "disabled"),
                                      .described_by = str(o, "describedBy"),
                                      .label = label(obj(o, "label")),
                                      .hint = hint(obj(o, "hint")),
                                      .error_message = error_message(obj(o, "errorMessage")),
                                      .form_group = form_group(o),
                                      .classes = str(o, "classes"),
                                      .autocomplete = str(o, "autocomplete"),
                                      .attributes = attributes(o),
                                      .button = {.classes = str(obj(o, "button"), "classes")},
                                      .show_password_text = str(o, "showPasswordText"),
                                      .hide_password_text = str(o, "hidePasswordText"),
                                      .show_password_aria_label_text = str(o, "showPasswordAriaLabelText"),
                                      .hide_password_aria_label_text = str(o, "hidePasswordAriaLabelText"),
                                      .password_shown_announcement_text = str(o, "passwordShownAnnouncementText"),
                                      .password_hidden_announcement_text = str(o, "passwordHiddenAnnouncementText")});
                 },
                 {});
}

TEST(GovukParity, Textarea) {
  check_fixtures("textarea",
                 [](Html& h, const json::object& o) {
                   textarea(h, {.id = str(o, "id"),
                                .name = str(o, "name"),
                                .rows = integer(o, "rows"),
                                .value = str(o, "value"),
                                .disabled = flag(o, "disabled"),
                                .described_by = str(o, "describedBy"),
                                .label = label(obj(o, "label")),
                                .hint = hint(obj(o, "hint")),
                                .error_message = error_message(obj(o, "errorMessage")),
                                .form_group = form_group(o),
                                .classes = str(o, "classes"),
                                .autocomplete = str(o, "autocomplete"),
                                .spellcheck = opt_flag(o, "spellcheck"),
                                .attributes = attributes(o)});
                 },
                 {});
}

TEST(GovukParity, CharacterCount) {
  check_fixtures("character-count",
                 [](Html& h, const json::object& o) {
                   character_count(h, {.id = str(o, "id"),
                                       .name = str(o, "name"),
                                       .rows = integer(o, "rows"),
                                       .value = str(o, "value"),
                                       .maxlength = integer(o, "maxlength"),
                                       .maxwords = integer(o, "maxwords"),
                                       .threshold = integer(o, "threshold"),
                                       .count_type = str(o, "countType"),
                                       .label = label(obj(o, "label")),
                                       .hint = hint(obj(o, "hint")),
                                       .error_message = error_message(obj(o, "errorMessage")),
                                       .form_group = form_group(o),
                                       .classes = str(o, "classes"),
                                       .spellcheck = opt_flag(o, "spellcheck"),
                                       .attributes = attributes(o),
                                       .count_message = {.classes = str(obj(o, "countMessage"), "classes")},
                                       .textarea_description_text = str(o, "textareaDescriptionText"),
                                       .characters_under_limit_text = plural(o, "charactersUnderLimitText"),
                                       .characters_at_limit_text = str(o, "charactersAtLimitText"),
                                       .characters_over_limit_text = plural(o, "charactersOverLimitText"),
                                       .words_under_limit_text = plural(o, "wordsUnderLimitText"),
                                       .words_at_limit_text = str(o, "wordsAtLimitText"),
                                       .words_over_limit_text = plural(o, "wordsOverLimitText")});
                 },
                 {});
}

std::vector<ChoiceItem> choice_items(const json::object& o) {
  std::vector<ChoiceItem> items;
  for (const auto* item : entries(o, "items")) {
    const auto& i = item->as_object();
    const auto& l = obj(i, "label");
    items.push_back({.text = str(i, "text"),
                     .html = html(i, "html"),
                     .value = str(i, "value"),
                     .id = str(i, "id"),
                     .name = str(i, "name"),
                     .label = {.classes = str(l, "classes"), .attributes = attributes(l)},
                     .hint = hint(obj(i, "hint")),
                     .divider = str(i, "divider"),
                     .checked = opt_flag(i, "checked"),
                     .conditional = html(obj(i, "conditional"), "html"),
                     .behaviour = str(i, "behaviour"),
                     .disabled = flag(i, "disabled"),
                     .attributes = attributes(i)});
  }
  return items;
}

std::optional<Fieldset> optional_fieldset(const json::object& o) {
  if (!has(o, "fieldset")) return std::nullopt;
  return fieldset(obj(o, "fieldset"));
}

TEST(GovukParity, Radios) {
  check_fixtures(
      "radios",
      [](Html& h, const json::object& o) {
        radios(h, {.name = str(o, "name"),
                   .id_prefix = str(o, "idPrefix"),
                   .items = choice_items(o),
                   .value = str(o, "value"),
                   .fieldset = optional_fieldset(o),
                   .hint = hint(obj(o, "hint")),
                   .error_message = error_message(obj(o, "errorMessage")),
                   .form_group = inputs_form_group(o),
                   .classes = str(o, "classes"),
                   .attributes = attributes(o)});
      },
      {{"with falsy items", "ids count null items in nunjucks (example-name-4); a C++ vector has no holes"}});
}

TEST(GovukParity, Checkboxes) {
  check_fixtures(
      "checkboxes",
      [](Html& h, const json::object& o) {
        Checkboxes p{.name = str(o, "name"),
                     .id_prefix = str(o, "idPrefix"),
                     .items = choice_items(o),
                     .described_by = str(o, "describedBy"),
                     .fieldset = optional_fieldset(o),
                     .hint = hint(obj(o, "hint")),
                     .error_message = error_message(obj(o, "errorMessage")),
                     .form_group = inputs_form_group(o),
                     .classes = str(o, "classes"),
                     .attributes = attributes(o)};
        for (const auto* v : entries(o, "values")) p.values.push_back(str(*v));
        checkboxes(h, p);
      },
      {{"with falsy values", "ids count null items in nunjucks (example-name-5); a C++ vector has no holes"}});
}

TEST(GovukParity, Select) {
  check_fixtures("select",
                 [](Html& h, const json::object& o) {
                   Select p{.id = str(o, "id"),
                            .name = str(o, "name"),
                            .value = str(o, "value"),
                            .disabled = flag(o, "disabled"),
                            .described_by = str(o, "describedBy"),
                            .label = label(obj(o, "label")),
                            .hint = hint(obj(o, "hint")),
                            .error_message = error_message(obj(o, "errorMessage")),
                            .form_group = form_group(o),
                            .classes = str(o, "classes"),
                            .attributes = attributes(o)};
                   for (const auto* item : entries(o, "items")) {
                     const auto& i = item->as_object();
                     SelectItem s{.text = str(i, "text"),
                                  .selected = opt_flag(i, "selected"),
                                  .disabled = flag(i, "disabled"),
                                  .attributes = attributes(i)};
                     if (get(i, "value")) s.value = str(i, "value");
                     p.items.push_back(std::move(s));
                   }
                   select(h, p);
                 },
                 {});
}

DateInputItem date_item(const json::object& i) {
  return {.id = str(i, "id"),
          .name = str(i, "name"),
          .label = str(i, "label"),
          .value = str(i, "value"),
          .error = opt_flag(i, "error"),
          .classes = str(i, "classes"),
          .autocomplete = str(i, "autocomplete"),
          .pattern = str(i, "pattern"),
          .inputmode = str(i, "inputmode"),
          .attributes = attributes(i)};
}

std::optional<DateInputItem> optional_date_item(const json::object& o, std::string_view key) {
  if (!has(o, key) || !get(o, key)->is_object()) return std::nullopt;
  return date_item(obj(o, key));
}

TEST(GovukParity, DateInput) {
  check_fixtures("date-input",
                 [](Html& h, const json::object& o) {
                   DateInput p{.id = str(o, "id"),
                               .name_prefix = str(o, "namePrefix"),
                               .day = optional_date_item(o, "day"),
                               .month = optional_date_item(o, "month"),
                               .year = optional_date_item(o, "year"),
                               .fieldset = optional_fieldset(o),
                               .hint = hint(obj(o, "hint")),
                               .error_message = error_message(obj(o, "errorMessage")),
                               .form_group = inputs_form_group(o),
                               .classes = str(o, "classes"),
                               .attributes = attributes(o)};
                   for (const auto* item : entries(o, "items")) p.items.push_back(date_item(item->as_object()));
                   for (const auto& [name, value] : obj(o, "values"))
                     p.values.emplace_back(std::string(name), str(value));
                   date_input(h, p);
                 },
                 {{"day and month", "`year: false` to leave out an input is nunjucks-only: pass the items instead"},
                  {"month and year", "`day: false` to leave out an input is nunjucks-only: pass the items instead"}});
}

TEST(GovukParity, FileUpload) {
  check_fixtures("file-upload",
                 [](Html& h, const json::object& o) {
                   file_upload(h, {.id = str(o, "id"),
                                   .name = str(o, "name"),
                                   .disabled = flag(o, "disabled"),
                                   .multiple = flag(o, "multiple"),
                                   .described_by = str(o, "describedBy"),
                                   .label = label(obj(o, "label")),
                                   .hint = hint(obj(o, "hint")),
                                   .error_message = error_message(obj(o, "errorMessage")),
                                   .form_group = form_group(o),
                                   .classes = str(o, "classes"),
                                   .attributes = attributes(o),
                                   .javascript = flag(o, "javascript"),
                                   .choose_files_button_text = str(o, "chooseFilesButtonText"),
                                   .drop_instruction_text = str(o, "dropInstructionText"),
                                   .multiple_files_chosen_text = plural(o, "multipleFilesChosenText"),
                                   .no_file_chosen_text = str(o, "noFileChosenText"),
                                   .entered_drop_zone_text = str(o, "enteredDropZoneText"),
                                   .left_drop_zone_text = str(o, "leftDropZoneText"),
                                   .wrapper_classes = str(o, "wrapperClasses"),
                                   .wrapper_attributes = attributes(o, "wrapperAttributes")});
                 },
                 {});
}

}  // namespace
}  // namespace roundtable::view::govuk
