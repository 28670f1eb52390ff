#include "view/forms.hpp"

namespace roundtable::view {

namespace {

void error_message(Html& h, const core::Translator& t, std::string_view id, std::string_view error) {
  h.raw("<p id=\"").text(id).raw("-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">");
  h.text(t("form.error_prefix")).raw("</span> ").text(error).raw("</p>\n");
}

void choices(Html& h, const core::Translator& t, const ChoiceField& f, bool radio) {
  const std::string_view kind = radio ? "radios" : "checkboxes";
  h.raw("<div class=\"govuk-form-group").raw_if(f.error.empty(), "", " govuk-form-group--error").raw("\">\n");
  h.raw("<fieldset class=\"govuk-fieldset\"");
  std::string described;
  if (!f.hint.empty()) described += f.id + "-hint";
  if (!f.error.empty()) described += (described.empty() ? "" : " ") + f.id + "-error";
  if (!described.empty()) h.raw(" aria-describedby=\"").text(described).raw("\"");
  h.raw(">\n<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">").text(f.legend).raw("</legend>\n");
  if (!f.hint.empty()) h.raw("<div id=\"").text(f.id).raw("-hint\" class=\"govuk-hint\">").text(f.hint).raw("</div>\n");
  if (!f.error.empty()) error_message(h, t, f.id, f.error);
  h.raw("<div class=\"govuk-")
      .text(kind)
      .raw_if(f.small, " govuk-", "")
      .text(f.small ? kind : "")
      .raw_if(f.small, "--small", "");
  h.raw("\" data-module=\"govuk-").text(kind).raw("\">\n");
  for (size_t i = 0; i < f.choices.size(); ++i) {
    const auto& c = f.choices[i];
    std::string id = i == 0 ? f.id : f.id + "-" + std::to_string(i + 1);
    h.raw("<div class=\"govuk-").text(kind).raw("__item\">\n<input class=\"govuk-").text(kind).raw("__input\" id=\"");
    h.text(id).raw("\" name=\"").text(f.name).raw("\" type=\"").raw_if(radio, "radio", "checkbox").raw("\" value=\"");
    h.text(c.value).raw("\"");
    if (c.checked) h.raw(" checked");
    if (!c.hint.empty()) h.raw(" aria-describedby=\"").text(id).raw("-item-hint\"");
    h.raw(">\n<label class=\"govuk-label govuk-").text(kind).raw("__label\" for=\"").text(id).raw("\">");
    h.text(c.label).raw("</label>\n");
    if (!c.hint.empty()) {
      h.raw("<div id=\"").text(id).raw("-item-hint\" class=\"govuk-hint govuk-").text(kind).raw("__hint\">");
      h.text(c.hint).raw("</div>\n");
    }
    h.raw("</div>\n");
  }
  h.raw("</div>\n</fieldset>\n</div>\n");
}

}  // namespace

void error_summary(Html& h, const core::Translator& t, const std::vector<FieldError>& errors) {
  if (errors.empty()) return;
  h.raw("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">\n<div role=\"alert\">\n");
  h.raw("<h2 class=\"govuk-error-summary__title\">").text(t("form.error_summary_title")).raw("</h2>\n");
  h.raw("<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">\n");
  for (auto& e : errors) {
    if (e.field_id.empty()) {
      h.raw("<li>").text(e.message).raw("</li>\n");
    } else {
      h.raw("<li><a href=\"#").text(e.field_id).raw("\">").text(e.message).raw("</a></li>\n");
    }
  }
  h.raw("</ul></div>\n</div>\n</div>\n");
}

void csrf_field(Html& h, std::string_view token) {
  h.raw("<input type=\"hidden\" name=\"csrf_token\" value=\"").text(token).raw("\">\n");
}

void file_upload(Html& h, const core::Translator& t, const FileField& f) {
  h.raw("<div class=\"govuk-form-group").raw_if(f.error.empty(), "", " govuk-form-group--error").raw("\">\n");
  h.raw("<label class=\"govuk-label govuk-label--s\" for=\"").text(f.id).raw("\">").text(f.label).raw("</label>\n");
  h.raw("<div id=\"").text(f.id).raw("-hint\" class=\"govuk-hint\">").text(f.hint).raw("</div>\n");
  if (!f.error.empty()) error_message(h, t, f.id, f.error);
  h.raw("<input class=\"govuk-file-upload").raw_if(f.error.empty(), "", " govuk-file-upload--error");
  h.raw("\" id=\"").text(f.id).raw("\" name=\"").text(f.id).raw("\" type=\"file\" accept=\"").text(f.accept);
  h.raw("\" aria-describedby=\"").text(f.id).raw("-hint");
  if (!f.error.empty()) h.raw(" ").text(f.id).raw("-error");
  h.raw("\">\n</div>\n");
}

void input(Html& h, const core::Translator& t, const InputField& f) {
  h.raw("<div class=\"govuk-form-group").raw_if(f.error.empty(), "", " govuk-form-group--error").raw("\">\n");
  if (f.label_is_heading) h.raw("<h1 class=\"govuk-label-wrapper\">");
  h.raw("<label class=\"govuk-label").raw_if(f.label_is_heading, " govuk-label--l", " govuk-label--s");
  h.raw("\" for=\"").text(f.id).raw("\">").text(f.label).raw("</label>");
  if (f.label_is_heading) h.raw("</h1>");
  h.raw("\n");
  std::string described;
  if (!f.hint.empty()) {
    h.raw("<div id=\"").text(f.id).raw("-hint\" class=\"govuk-hint\">").text(f.hint).raw("</div>\n");
    described = f.id + "-hint";
  }
  if (!f.error.empty()) {
    error_message(h, t, f.id, f.error);
    described += (described.empty() ? "" : " ") + f.id + "-error";
  }
  h.raw("<input class=\"govuk-input");
  if (!f.input_class.empty()) h.raw(" ").text(f.input_class);
  if (!f.error.empty()) h.raw(" govuk-input--error");
  h.raw("\" id=\"").text(f.id).raw("\" name=\"").text(f.name.empty() ? f.id : f.name).raw("\" type=\"").text(f.type);
  h.raw("\"");
  if (f.type != "password") h.raw(" value=\"").text(f.value).raw("\"");
  if (!f.autocomplete.empty()) h.raw(" autocomplete=\"").text(f.autocomplete).raw("\"");
  if (f.spellcheck_off) h.raw(" spellcheck=\"false\"");
  if (!f.inputmode.empty()) h.raw(" inputmode=\"").text(f.inputmode).raw("\"");
  if (!described.empty()) h.raw(" aria-describedby=\"").text(described).raw("\"");
  h.raw(">\n</div>\n");
}

void textarea(Html& h, const core::Translator& t, const TextareaField& f) {
  h.raw("<div class=\"govuk-form-group").raw_if(f.error.empty(), "", " govuk-form-group--error").raw("\">\n");
  h.raw("<label class=\"govuk-label govuk-label--s\" for=\"").text(f.id).raw("\">").text(f.label).raw("</label>\n");
  std::string described;
  if (!f.hint.empty()) {
    h.raw("<div id=\"").text(f.id).raw("-hint\" class=\"govuk-hint\">").text(f.hint).raw("</div>\n");
    described = f.id + "-hint";
  }
  if (!f.error.empty()) {
    error_message(h, t, f.id, f.error);
    described += (described.empty() ? "" : " ") + f.id + "-error";
  }
  h.raw("<textarea class=\"govuk-textarea").raw_if(f.error.empty(), "", " govuk-textarea--error").raw("\" id=\"");
  h.text(f.id).raw("\" name=\"").text(f.id).raw("\" rows=\"").number(f.rows).raw("\"");
  if (!f.spellcheck) h.raw(" spellcheck=\"false\"");
  if (!described.empty()) h.raw(" aria-describedby=\"").text(described).raw("\"");
  // A newline straight after <textarea> is dropped by parsers, so one is added to keep a leading newline typed.
  h.raw(">\n").text(f.value).raw("</textarea>\n</div>\n");
}

void radios(Html& h, const core::Translator& t, const ChoiceField& f) { choices(h, t, f, true); }
void checkboxes(Html& h, const core::Translator& t, const ChoiceField& f) { choices(h, t, f, false); }

void button(Html& h, std::string_view label, std::string_view modifier) {
  h.raw("<button type=\"submit\" class=\"govuk-button");
  if (!modifier.empty()) h.raw(" govuk-button--").text(modifier);
  h.raw("\" data-module=\"govuk-button\">").text(label).raw("</button>\n");
}

}  // namespace roundtable::view
