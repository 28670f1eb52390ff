#include "view/govuk/date_input.hpp"

#include <cctype>
#include <tuple>

#include "view/govuk/text_fields.hpp"

namespace roundtable::view::govuk {

using detail::add_word;
using detail::present;
using detail::put;
using detail::put_attributes;
using detail::put_classes;

namespace {

std::string_view value_of(const DateInput& p, std::string_view name) {
  for (const auto& [key, value] : p.values) {
    if (key == name) return value;
  }
  return {};
}

DateInputItem default_item(const DateInput& p, const std::optional<DateInputItem>& given, std::string_view name,
                           const char* classes) {
  if (given) return *given;
  return DateInputItem{.name = std::string(name), .value = std::string(value_of(p, name)), .classes = classes};
}

bool has_error_class(const DateInputItem& item) { return item.classes.find("govuk-input--error") != std::string::npos; }

}  // namespace

void date_input(Html& h, const DateInput& p) {
  const DateInputItem day = default_item(p, p.day, "day", "govuk-input--width-2");
  const DateInputItem month = default_item(p, p.month, "month", "govuk-input--width-2");
  const DateInputItem year = default_item(p, p.year, "year", "govuk-input--width-4");
  const bool defaults = p.items.empty();
  const std::vector<DateInputItem> default_items =
      defaults ? std::vector{day, month, year} : std::vector<DateInputItem>{};
  const std::vector<DateInputItem>& items = defaults ? default_items : p.items;

  bool any_item_has_error = false;
  for (const auto& item : items)
    any_item_has_error = any_item_has_error || item.error.value_or(false) || has_error_class(item);

  std::string described_by;
  if (p.fieldset) described_by = p.fieldset->described_by;
  const bool has_hint = present(p.hint.text, p.hint.html);
  const bool error = present(p.error_message.text, p.error_message.html);
  if (has_hint) add_word(described_by, p.id, "-hint");
  if (error) add_word(described_by, p.id, "-error");

  detail::form_group_begin(h, error, p.form_group.classes, p.form_group.attributes);
  if (p.fieldset) detail::fieldset_begin(h, *p.fieldset, described_by, "group");
  if (has_hint) detail::hint(h, p.hint, p.id + "-hint");
  if (error) detail::error_message(h, p.error_message, p.id + "-error");
  h.raw("<div class=\"govuk-date-input");
  put_classes(h, p.classes);
  h.raw("\"");
  put_attributes(h, p.attributes);
  if (!p.id.empty()) h.raw(" id=\"").text(p.id).raw("\"");
  h.raw(">\n");
  put(h, p.form_group.before_inputs);

  for (size_t i = 0; i < items.size(); ++i) {
    const DateInputItem& item = items[i];
    // Which of day, month and year the item is: by position for the default items, else by name.
    const auto is = [&](size_t position, const DateInputItem& d, std::string_view name) {
      return defaults ? i == position : !item.name.empty() && (item.name == name || item.name == d.name);
    };
    std::string name = item.name;
    std::string_view value = item.value;
    int width = 2;
    for (auto [position, d, kind] : {std::tuple<size_t, const DateInputItem*, std::string_view>{0, &day, "day"},
                                     {1, &month, "month"},
                                     {2, &year, "year"}}) {
      if (!is(position, *d, kind)) continue;
      if (name.empty()) name = kind;
      if (value.empty()) value = d->value;
      if (kind == "year") width = 4;
      break;
    }
    std::string full_name = p.name_prefix.empty() ? name : p.name_prefix + "-" + name;
    if (value.empty()) value = value_of(p, full_name);

    std::string classes = "govuk-date-input__input";
    const bool item_has_error = item.error.value_or(false) || has_error_class(item);
    if (!has_error_class(item) && (item_has_error || (item.error != false && error && !any_item_has_error))) {
      classes += " govuk-input--error";
    }
    if (item.classes.find("govuk-input--width-") == std::string::npos) {
      classes += " govuk-input--width-" + std::to_string(width);
    }
    if (!item.classes.empty()) classes.append(" ").append(item.classes);

    std::string label = item.label;
    if (label.empty()) {
      label = name;
      for (size_t c = 0; c < label.size(); ++c) {
        label[c] = static_cast<char>(c == 0 ? std::toupper(static_cast<unsigned char>(label[c]))
                                            : std::tolower(static_cast<unsigned char>(label[c])));
      }
    }
    h.raw("<div class=\"govuk-date-input__item\">\n");
    input(h, Input{.id = item.id.empty() ? p.id + "-" + name : item.id,
                   .name = std::move(full_name),
                   .inputmode = item.inputmode.empty() ? std::string("numeric") : item.inputmode,
                   .value = std::string(value),
                   .label = {.text = std::move(label), .classes = "govuk-date-input__label"},
                   .classes = std::move(classes),
                   .autocomplete = item.autocomplete,
                   .pattern = item.pattern,
                   .attributes = item.attributes});
    h.raw("</div>\n");
  }
  put(h, p.form_group.after_inputs);
  h.raw("</div>\n");
  if (p.fieldset) detail::fieldset_end(h);
  h.raw("</div>\n");
}

}  // namespace roundtable::view::govuk
