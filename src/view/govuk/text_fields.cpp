#include "view/govuk/text_fields.hpp"

#include <type_traits>

namespace roundtable::view::govuk {

using detail::add_word;
using detail::present;
using detail::put;
using detail::put_attributes;
using detail::put_classes;

namespace {

void form_group_open(Html& h, bool error, std::string_view classes, const Attributes& attributes) {
  h.raw("<div class=\"govuk-form-group").raw_if(error, " govuk-form-group--error");
  put_classes(h, classes);
  h.raw("\"");
  put_attributes(h, attributes);
}

void affix(Html& h, const InputAffix& a, bool prefix) {
  h.raw_if(prefix, "<div class=\"govuk-input__prefix", "<div class=\"govuk-input__suffix");
  put_classes(h, a.classes);
  h.raw("\" aria-hidden=\"true\"");
  put_attributes(h, a.attributes);
  h.raw(">");
  put(h, a.text, a.html);
  h.raw("</div>\n");
}

/// govukInput; group_extra writes more attributes on the form group, after_input more content after the input.
template <class GroupExtra, class AfterInput>
void input_impl(Html& h, const Input& p, GroupExtra group_extra, AfterInput after_input) {
  const std::string_view id = p.id.empty() ? std::string_view(p.name) : std::string_view(p.id);
  const bool error = present(p.error_message.text, p.error_message.html);
  form_group_open(h, error, p.form_group.classes, p.form_group.attributes);
  group_extra(h);
  h.raw(">\n");
  const std::string described_by = detail::label_hint_error(h, id, p.described_by, p.label, p.hint, p.error_message);

  const bool wrapped = present(p.prefix.text, p.prefix.html) || present(p.suffix.text, p.suffix.html) ||
                       !p.form_group.before_input.empty() || !p.form_group.after_input.empty() ||
                       !std::is_same_v<AfterInput, void (*)(Html&)>;
  if (wrapped) {
    h.raw("<div class=\"govuk-input__wrapper");
    put_classes(h, p.input_wrapper.classes);
    h.raw("\"");
    put_attributes(h, p.input_wrapper.attributes);
    h.raw(">\n");
    put(h, p.form_group.before_input);
    if (present(p.prefix.text, p.prefix.html)) affix(h, p.prefix, true);
  }
  h.raw("<input class=\"govuk-input");
  put_classes(h, p.classes);
  h.raw_if(error, " govuk-input--error").raw("\" id=\"").text(id).raw("\" name=\"").text(p.name).raw("\" type=\"");
  h.text(p.type.empty() ? std::string_view("text") : std::string_view(p.type)).raw("\"");
  if (p.spellcheck) h.raw(" spellcheck=\"").raw_if(*p.spellcheck, "true", "false").raw("\"");
  if (!p.value.empty()) h.raw(" value=\"").text(p.value).raw("\"");
  h.raw_if(p.disabled, " disabled");
  if (!described_by.empty()) h.raw(" aria-describedby=\"").text(described_by).raw("\"");
  if (!p.autocomplete.empty()) h.raw(" autocomplete=\"").text(p.autocomplete).raw("\"");
  if (!p.autocapitalize.empty()) h.raw(" autocapitalize=\"").text(p.autocapitalize).raw("\"");
  if (!p.pattern.empty()) h.raw(" pattern=\"").text(p.pattern).raw("\"");
  if (!p.inputmode.empty()) h.raw(" inputmode=\"").text(p.inputmode).raw("\"");
  put_attributes(h, p.attributes);
  h.raw(">\n");
  if (wrapped) {
    if (present(p.suffix.text, p.suffix.html)) affix(h, p.suffix, false);
    after_input(h);
    put(h, p.form_group.after_input);
    h.raw("</div>\n");
  }
  h.raw("</div>\n");
}

void nothing(Html&) {}

template <class GroupExtra, class AfterInput>
void textarea_impl(Html& h, const Textarea& p, GroupExtra group_extra, AfterInput after_input) {
  const std::string_view id = p.id.empty() ? std::string_view(p.name) : std::string_view(p.id);
  const bool error = present(p.error_message.text, p.error_message.html);
  form_group_open(h, error, p.form_group.classes, p.form_group.attributes);
  group_extra(h);
  h.raw(">\n");
  const std::string described_by = detail::label_hint_error(h, id, p.described_by, p.label, p.hint, p.error_message);
  put(h, p.form_group.before_input);
  h.raw("<textarea class=\"govuk-textarea").raw_if(error, " govuk-textarea--error");
  put_classes(h, p.classes);
  h.raw("\" id=\"").text(id).raw("\" name=\"").text(p.name).raw("\" rows=\"").number(p.rows ? p.rows : 5).raw("\"");
  if (p.spellcheck) h.raw(" spellcheck=\"").raw_if(*p.spellcheck, "true", "false").raw("\"");
  h.raw_if(p.disabled, " disabled");
  if (!described_by.empty()) h.raw(" aria-describedby=\"").text(described_by).raw("\"");
  if (!p.autocomplete.empty()) h.raw(" autocomplete=\"").text(p.autocomplete).raw("\"");
  put_attributes(h, p.attributes);
  // A newline straight after <textarea> is dropped by parsers, so one keeps a leading newline of the value.
  h.raw(">\n").text(p.value).raw("</textarea>\n");
  after_input(h);
  put(h, p.form_group.after_input);
  h.raw("</div>\n");
}

std::string joined(std::string_view a, std::string_view b) {
  std::string s(a);
  if (!b.empty()) s.append(" ").append(b);
  return s;
}

}  // namespace

void input(Html& h, const Input& p) { input_impl(h, p, nothing, nothing); }

void password_input(Html& h, const PasswordInput& p) {
  const std::string& id = p.id.empty() ? p.name : p.id;
  Input in{.id = id,
           .name = p.name,
           .type = "password",
           .value = p.value,
           .disabled = p.disabled,
           .described_by = p.described_by,
           .label = p.label,
           .hint = p.hint,
           .error_message = p.error_message,
           .form_group = {.classes = joined("govuk-password-input", p.form_group.classes),
                          .attributes = p.form_group.attributes,
                          .before_input = p.form_group.before_input,
                          .after_input = p.form_group.after_input},
           .input_wrapper = {.classes = "govuk-password-input__wrapper"},
           .classes = joined("govuk-password-input__input govuk-js-password-input-input", p.classes),
           .autocomplete = p.autocomplete.empty() ? std::string("current-password") : p.autocomplete,
           .spellcheck = false,
           .autocapitalize = "none",
           .attributes = p.attributes};
  const auto group_extra = [&](Html& g) {
    g.raw(" data-module=\"govuk-password-input\"");
    detail::put_i18n(g, "show-password", p.show_password_text);
    detail::put_i18n(g, "hide-password", p.hide_password_text);
    detail::put_i18n(g, "show-password-aria-label", p.show_password_aria_label_text);
    detail::put_i18n(g, "hide-password-aria-label", p.hide_password_aria_label_text);
    detail::put_i18n(g, "password-shown-announcement", p.password_shown_announcement_text);
    detail::put_i18n(g, "password-hidden-announcement", p.password_hidden_announcement_text);
  };
  const auto toggle = [&](Html& g) {
    g.raw("<button type=\"button\" class=\"govuk-button govuk-button--secondary govuk-password-input__toggle ");
    g.raw("govuk-js-password-input-toggle");
    put_classes(g, p.button.classes);
    g.raw("\" data-module=\"govuk-button\" aria-controls=\"").text(id).raw("\" aria-label=\"");
    g.text(p.show_password_aria_label_text.empty() ? std::string_view("Show password")
                                                   : std::string_view(p.show_password_aria_label_text));
    g.raw("\" hidden>\n");
    g.text(p.show_password_text.empty() ? std::string_view("Show") : std::string_view(p.show_password_text));
    g.raw("\n</button>\n");
  };
  input_impl(h, in, group_extra, toggle);
}

void textarea(Html& h, const Textarea& p) { textarea_impl(h, p, nothing, nothing); }

void character_count(Html& h, const CharacterCount& p) {
  const std::string& id = p.id.empty() ? p.name : p.id;
  const std::string_view count_type = !p.count_type.empty() ? std::string_view(p.count_type)
                                      : p.maxwords          ? std::string_view("words")
                                                            : "";
  const bool no_limit = !p.maxwords && !p.maxlength;
  const Textarea t{.id = id,
                   .name = p.name,
                   .rows = p.rows,
                   .value = p.value,
                   .described_by = id + "-info",
                   .label = p.label,
                   .hint = p.hint,
                   .error_message = p.error_message,
                   .form_group = {.classes = joined("govuk-character-count", p.form_group.classes),
                                  .attributes = p.form_group.attributes,
                                  .before_input = p.form_group.before_input,
                                  .after_input = p.form_group.after_input},
                   .classes = joined("govuk-js-character-count", p.classes),
                   .spellcheck = p.spellcheck,
                   .attributes = p.attributes};
  const auto group_extra = [&](Html& g) {
    g.raw(" data-module=\"govuk-character-count\"");
    if (p.maxlength) g.raw(" data-maxlength=\"").number(p.maxlength).raw("\"");
    if (p.maxwords) g.raw(" data-maxwords=\"").number(p.maxwords).raw("\"");
    if (p.threshold) g.raw(" data-threshold=\"").number(p.threshold).raw("\"");
    if (!count_type.empty()) g.raw(" data-count-type=\"").text(count_type).raw("\"");
    if (no_limit && !p.textarea_description_text.empty()) {
      detail::put_i18n(g, "textarea-description", PluralMessages{.other = p.textarea_description_text});
    }
    detail::put_i18n(g, "characters-under-limit", p.characters_under_limit_text);
    detail::put_i18n(g, "characters-at-limit", p.characters_at_limit_text);
    detail::put_i18n(g, "characters-over-limit", p.characters_over_limit_text);
    detail::put_i18n(g, "words-under-limit", p.words_under_limit_text);
    detail::put_i18n(g, "words-at-limit", p.words_at_limit_text);
    detail::put_i18n(g, "words-over-limit", p.words_over_limit_text);
  };
  const auto count_message = [&](Html& g) {
    g.raw("<div id=\"").text(id).raw("-info\" class=\"govuk-hint govuk-character-count__message");
    put_classes(g, p.count_message.classes);
    g.raw("\">\n");
    if (!no_limit) {
      // The description with %{count} replaced by the limit.
      std::string_view text = p.textarea_description_text;
      if (text.empty()) {
        text = count_type == "words" ? "You can enter up to %{count} words" : "You can enter up to %{count} characters";
      }
      const auto at = text.find("%{count}");
      if (at == std::string_view::npos) {
        g.text(text);
      } else {
        g.text(text.substr(0, at)).number(p.maxwords ? p.maxwords : p.maxlength).text(text.substr(at + 8));
      }
    }
    g.raw("\n</div>\n");
  };
  textarea_impl(h, t, group_extra, count_message);
}

}  // namespace roundtable::view::govuk
