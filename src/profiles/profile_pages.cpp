/// The person's own profile, section by section: about them, what they bring, what they need, how to contact them.
#include "profiles/profile_pages.hpp"

#include <string>

#include "accounts/pages_common.hpp"
#include "profiles/profile_form.hpp"
#include "view/html.hpp"

namespace roundtable::profiles::pages {

namespace {

using view::Html;
namespace govuk = view::govuk;

/// Opens a profile edit page (back link, error summary, heading) and its form; close_edit adds the button.
view::PageBuilder open_edit(const RequestContext& ctx, const PagesDeps& deps, const core::Translator& t,
                            std::string_view heading, std::string action, const std::vector<view::FieldError>& errors) {
  auto page = page_builder(ctx, deps, std::string(heading));
  page.back_link("/account", std::string(t("profiles.profile.back"))).errors(t, errors);
  govuk::form_start(page.body(), {.action = std::move(action), .csrf_token = ctx.csrf_token});
  return page;
}

Response close_edit(view::PageBuilder& page, const core::Translator& t) {
  submit_button(page.body(), t("profiles.profile.save"));
  govuk::form_end(page.body());
  return page.respond();
}

/// Checkbox items for codes, labelled by key_prefix + code (and hinted by its "_hint" key when there is one).
std::vector<govuk::ChoiceItem> items_of(const core::Translator& t, const std::vector<std::string>& codes,
                                        std::string_view key_prefix) {
  std::vector<govuk::ChoiceItem> out;
  out.reserve(codes.size());
  for (auto& code : codes) {
    std::string key = std::string(key_prefix) + code;
    std::string hint_key = key + "_hint";
    std::string hint(t(hint_key));
    if (hint == hint_key) hint.clear();
    out.push_back({.text = std::string(t(key)), .value = code, .hint = {.text = std::move(hint)}});
  }
  return out;
}

template <class E, size_t N>
std::vector<std::string> codes_of(const E (&all)[N], std::string_view (*code)(E)) {
  std::vector<std::string> out;
  for (E e : all) out.emplace_back(code(e));
  return out;
}

/// A text input of a profile form: its id is also its name, and its label says nothing about the page.
govuk::Input text_input(const core::Translator& t, const std::vector<view::FieldError>& errors, std::string id,
                        std::string_view label, std::string_view hint, const std::string& value) {
  govuk::Input in{.id = id,
                  .name = id,
                  .value = value,
                  .label = small_label(std::string(label)),
                  .hint = {.text = std::string(hint)},
                  .error_message = field_error_message(t, errors, id)};
  return in;
}

void text_area(Html& h, const core::Translator& t, const std::vector<view::FieldError>& errors, std::string id,
               std::string_view label, std::string_view hint, const std::string& value, int rows = 5) {
  govuk::textarea(h, {.id = id,
                      .name = id,
                      .rows = rows,
                      .value = value,
                      .label = small_label(std::string(label)),
                      .hint = {.text = std::string(hint)},
                      .error_message = field_error_message(t, errors, id)});
}

Response about_page(RequestContext& ctx, const PagesDeps& deps, const AboutForm& f,
                    const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  auto page = open_edit(ctx, deps, t, t("profiles.profile.about_title"), "/account/about", errors);
  Html& h = page.body();
  auto name = text_input(t, errors, "name", t("profiles.profile.name"), t("profiles.profile.name_hint"), f.name);
  name.autocomplete = "name";
  govuk::input(h, name);
  auto pronouns = text_input(t, errors, "pronouns", t("profiles.profile.pronouns"), t("profiles.profile.pronouns_hint"),
                             f.pronouns);
  pronouns.classes = "govuk-input--width-20";
  govuk::input(h, pronouns);
  language_radios(h, t, std::string(t("profiles.profile.lang")), std::string(t("profiles.profile.lang_hint")), errors,
                  f.lang);
  return close_edit(page, t);
}

Response bring_page(RequestContext& ctx, const PagesDeps& deps, const BringForm& f,
                    const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  auto page = open_edit(ctx, deps, t, t("profiles.profile.bring_title"), "/account/strengths", errors);
  Html& h = page.body();
  govuk::paragraph(h, t("profiles.profile.bring_lead"));
  text_area(h, t, errors, "strengths", t("profiles.profile.strengths"), t("profiles.profile.strengths_hint"),
            f.strengths);
  text_area(h, t, errors, "skills", t("profiles.profile.skills"), t("profiles.profile.skills_hint"), f.skills);
  text_area(h, t, errors, "lived_experience", t("profiles.profile.lived_experience"),
            t("profiles.profile.lived_experience_hint"), f.lived_experience, 8);
  govuk::input(h, text_input(t, errors, "interests", t("profiles.profile.interests"),
                             t("profiles.profile.interests_hint"), f.interests));
  return close_edit(page, t);
}

Response needs_page(RequestContext& ctx, const PagesDeps& deps, const NeedsForm& f,
                    const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  auto page = open_edit(ctx, deps, t, t("profiles.profile.needs_title"), "/account/needs", errors);
  Html& h = page.body();
  govuk::paragraph(h, t("profiles.profile.needs_lead"));
  govuk::checkboxes(h, {.name = "needs",
                        .items = items_of(t, codes_of(kAllNeeds, need_code), "profiles.need."),
                        .values = f.needs,
                        .fieldset = small_legend(std::string(t("profiles.profile.needs_formats"))),
                        .hint = {.text = std::string(t("profiles.profile.needs_formats_hint"))},
                        .error_message = field_error_message(t, errors, "needs")});
  text_area(h, t, errors, "needs_other", t("profiles.profile.needs_other"), t("profiles.profile.needs_other_hint"),
            f.needs_other, 3);
  text_area(h, t, errors, "meeting_support", t("profiles.profile.meeting_support"),
            t("profiles.profile.meeting_support_hint"), f.meeting_support);
  govuk::radios(h, {.name = "share",
                    .items = {{.text = std::string(t("profiles.profile.share_yes")), .value = "yes"},
                              {.text = std::string(t("profiles.profile.share_no")), .value = "no"}},
                    .value = f.share,
                    .fieldset = small_legend(std::string(t("profiles.profile.share"))),
                    .hint = {.text = std::string(t("profiles.profile.share_hint"))},
                    .error_message = field_error_message(t, errors, "share")});
  return close_edit(page, t);
}

Response contact_page(RequestContext& ctx, const PagesDeps& deps, const ContactForm& f,
                      const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  auto page = open_edit(ctx, deps, t, t("profiles.profile.contact_title"), "/account/contact", errors);
  Html& h = page.body();
  govuk::checkboxes(
      h, {.name = "methods",
          .items = items_of(t, codes_of(kAllContactMethods, contact_method_code), "profiles.contact.method."),
          .values = f.methods,
          .fieldset = small_legend(std::string(t("profiles.profile.methods"))),
          .hint = {.text = std::string(t("profiles.profile.methods_hint"))},
          .error_message = field_error_message(t, errors, "methods")});
  auto phone = text_input(t, errors, "phone", t("profiles.profile.phone"), t("profiles.profile.phone_hint"), f.phone);
  phone.type = "tel";
  phone.classes = "govuk-input--width-20";
  phone.autocomplete = "tel";
  govuk::input(h, phone);
  govuk::checkboxes(h, {.name = "times",
                        .items = items_of(t, codes_of(kAllContactTimes, contact_time_code), "profiles.contact.time."),
                        .values = f.times,
                        .fieldset = small_legend(std::string(t("profiles.profile.times"))),
                        .hint = {.text = std::string(t("profiles.profile.times_hint"))},
                        .error_message = field_error_message(t, errors, "times")});
  text_area(h, t, errors, "notes", t("profiles.profile.notes"), t("profiles.profile.notes_hint"), f.notes, 3);
  return close_edit(page, t);
}

/// Loads the signed-in person's profile, applies a valid form and saves it; or shows the form again.
template <class Form, class Read, class Check, class Apply, class Render>
awaitable<Response> save_section(RequestContext& ctx, const PagesDeps& deps, Read read, Check check, Apply apply,
                                 Render render) {
  auto t = ctx.t();
  Form form = read(ctx.form);
  auto problems = check(form);
  if (!problems.empty()) co_return render(ctx, deps, form, field_errors(t, problems));
  auto load = deps.service->profile(ctx.principal->user_id);
  auto profile = co_await std::move(load);
  if (!profile) throw std::runtime_error("signed-in account has no profile");
  apply(*profile, form);
  auto save = deps.service->save_profile(*profile);
  co_await std::move(save);
  ctx.set_flash("profiles.profile.saved");
  co_return http::redirect(ctx.request, "/account");
}

awaitable<std::optional<Profile>> own_profile(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->profile(ctx.principal->user_id);
  co_return co_await std::move(op);
}

}  // namespace

awaitable<Response> about_form(RequestContext& ctx, const PagesDeps& deps) {
  auto p = co_await own_profile(ctx, deps);
  co_return about_page(ctx, deps, about_from(*p), {});
}

awaitable<Response> save_about(RequestContext& ctx, const PagesDeps& deps) {
  // The page language follows a new preferred language at once.
  if (auto lang = core::parse_lang(ctx.form.value("lang")); lang && check_about(read_about(ctx.form)).empty()) {
    ctx.session_for_write().lang = *lang;
  }
  co_return co_await save_section<AboutForm>(ctx, deps, read_about, check_about, apply_about, about_page);
}

awaitable<Response> bring_form(RequestContext& ctx, const PagesDeps& deps) {
  auto p = co_await own_profile(ctx, deps);
  co_return bring_page(ctx, deps, bring_from(*p), {});
}

awaitable<Response> save_bring(RequestContext& ctx, const PagesDeps& deps) {
  co_return co_await save_section<BringForm>(ctx, deps, read_bring, check_bring, apply_bring, bring_page);
}

awaitable<Response> needs_form(RequestContext& ctx, const PagesDeps& deps) {
  auto p = co_await own_profile(ctx, deps);
  co_return needs_page(ctx, deps, needs_from(*p), {});
}

awaitable<Response> save_needs(RequestContext& ctx, const PagesDeps& deps) {
  co_return co_await save_section<NeedsForm>(ctx, deps, read_needs, check_needs, apply_needs, needs_page);
}

awaitable<Response> contact_form(RequestContext& ctx, const PagesDeps& deps) {
  auto p = co_await own_profile(ctx, deps);
  co_return contact_page(ctx, deps, contact_from(*p), {});
}

awaitable<Response> save_contact(RequestContext& ctx, const PagesDeps& deps) {
  co_return co_await save_section<ContactForm>(ctx, deps, read_contact, check_contact, apply_contact, contact_page);
}

}  // namespace roundtable::profiles::pages
