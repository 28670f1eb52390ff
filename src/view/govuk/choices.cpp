#include "view/govuk/choices.hpp"

#include <algorithm>
#include <type_traits>

namespace roundtable::view::govuk {

using detail::add_word;
using detail::present;
using detail::put;
using detail::put_attributes;
using detail::put_classes;

namespace {

template <class P>
void choices_impl(Html& h, const P& p) {
  constexpr bool radio = std::is_same_v<P, Radios>;
  const std::string_view kind = radio ? "radios" : "checkboxes";
  const std::string_view id_prefix = p.id_prefix.empty() ? std::string_view(p.name) : std::string_view(p.id_prefix);
  std::string described_by;
  if constexpr (!radio) described_by = p.described_by;
  if (p.fieldset && !p.fieldset->described_by.empty()) described_by = p.fieldset->described_by;
  const bool has_hint = present(p.hint.text, p.hint.html);
  const bool error = present(p.error_message.text, p.error_message.html);
  if (has_hint) add_word(described_by, id_prefix, "-hint");
  if (error) add_word(described_by, id_prefix, "-error");

  detail::form_group_begin(h, error, p.form_group.classes, p.form_group.attributes);
  if (p.fieldset) detail::fieldset_begin(h, *p.fieldset, described_by, {});
  if (has_hint) detail::hint(h, p.hint, std::string(id_prefix) + "-hint");
  if (error) detail::error_message(h, p.error_message, std::string(id_prefix) + "-error");
  h.raw_if(radio, "<div class=\"govuk-radios", "<div class=\"govuk-checkboxes");
  put_classes(h, p.classes);
  h.raw("\"");
  put_attributes(h, p.attributes);
  h.raw_if(radio, " data-module=\"govuk-radios\">\n", " data-module=\"govuk-checkboxes\">\n");
  put(h, p.form_group.before_inputs);

  std::string item_id;
  std::string item_described_by;
  int index = 0;
  for (const ChoiceItem& item : p.items) {
    ++index;
    if (!item.divider.empty()) {
      h.raw_if(radio, "<div class=\"govuk-radios__divider\">", "<div class=\"govuk-checkboxes__divider\">");
      h.text(item.divider).raw("</div>\n");
      continue;
    }
    item_id.assign(item.id.empty() ? id_prefix : std::string_view(item.id));
    if (item.id.empty() && index > 1) item_id.append("-").append(std::to_string(index));
    bool checked = item.checked.value_or(false);
    if constexpr (radio) {
      if (!item.checked && !p.value.empty()) checked = item.value == p.value;
    } else {
      if (!item.checked) checked = std::find(p.values.begin(), p.values.end(), item.value) != p.values.end();
    }
    const bool item_hint = present(item.hint.text, item.hint.html);
    const bool conditional = item.conditional && !item.conditional->empty();
    item_described_by.clear();
    if (!radio && !p.fieldset) item_described_by = described_by;
    if (item_hint) add_word(item_described_by, item_id, "-item-hint");

    h.raw_if(radio, "<div class=\"govuk-radios__item\">\n<input class=\"govuk-radios__input\" id=\"",
             "<div class=\"govuk-checkboxes__item\">\n<input class=\"govuk-checkboxes__input\" id=\"");
    h.text(item_id).raw("\" name=\"").text(!radio && !item.name.empty() ? item.name : p.name);
    h.raw_if(radio, "\" type=\"radio\" value=\"", "\" type=\"checkbox\" value=\"").text(item.value).raw("\"");
    h.raw_if(checked, " checked").raw_if(item.disabled, " disabled");
    if (conditional) h.raw(" data-aria-controls=\"conditional-").text(item_id).raw("\"");
    if (!radio && !item.behaviour.empty()) h.raw(" data-behaviour=\"").text(item.behaviour).raw("\"");
    if (!item_described_by.empty()) h.raw(" aria-describedby=\"").text(item_described_by).raw("\"");
    put_attributes(h, item.attributes);
    h.raw(">\n");
    detail::label(h, item.text, item.html, false, item.label.classes, item.label.attributes, item_id,
                  radio ? "govuk-radios__label" : "govuk-checkboxes__label");
    if (item_hint) {
      detail::hint(h, item.hint, item_id + "-item-hint", radio ? "govuk-radios__hint" : "govuk-checkboxes__hint");
    }
    h.raw("</div>\n");
    if (conditional) {
      h.raw("<div class=\"govuk-").text(kind).raw("__conditional");
      if (!checked) h.raw(" govuk-").text(kind).raw("__conditional--hidden");
      h.raw("\" id=\"conditional-").text(item_id).raw("\">\n").append(*item.conditional).raw("\n</div>\n");
    }
  }
  put(h, p.form_group.after_inputs);
  h.raw("</div>\n");
  if (p.fieldset) detail::fieldset_end(h);
  h.raw("</div>\n");
}

}  // namespace

void radios(Html& h, const Radios& p) { choices_impl(h, p); }
void checkboxes(Html& h, const Checkboxes& p) { choices_impl(h, p); }

void select(Html& h, const Select& p) {
  const std::string_view id = p.id.empty() ? std::string_view(p.name) : std::string_view(p.id);
  const bool error = present(p.error_message.text, p.error_message.html);
  detail::form_group_begin(h, error, p.form_group.classes, p.form_group.attributes);
  const std::string described_by = detail::label_hint_error(h, id, p.described_by, p.label, p.hint, p.error_message);
  put(h, p.form_group.before_input);
  h.raw("<select class=\"govuk-select");
  put_classes(h, p.classes);
  h.raw_if(error, " govuk-select--error").raw("\" id=\"").text(id).raw("\" name=\"").text(p.name).raw("\"");
  h.raw_if(p.disabled, " disabled");
  if (!described_by.empty()) h.raw(" aria-describedby=\"").text(described_by).raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">\n");
  for (const SelectItem& item : p.items) {
    const std::string& effective_value = item.value ? *item.value : item.text;
    const bool selected = item.selected.value_or(!p.value.empty() && effective_value == p.value);
    h.raw("<option");
    if (item.value) h.raw(" value=\"").text(*item.value).raw("\"");
    h.raw_if(selected, " selected").raw_if(item.disabled, " disabled");
    put_attributes(h, item.attributes);
    h.raw(">").text(item.text).raw("</option>\n");
  }
  h.raw("</select>\n");
  put(h, p.form_group.after_input);
  h.raw("</div>\n");
}

}  // namespace roundtable::view::govuk
