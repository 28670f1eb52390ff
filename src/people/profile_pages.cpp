#include <algorithm>
#include <string>

#include "people/pages_common.hpp"
#include "people/people_pages.hpp"
#include "people/profile_form.hpp"
#include "view/dates.hpp"
#include "view/forms.hpp"
#include "view/html.hpp"
#include "view/page.hpp"

namespace roundtable::people::pages {

namespace {

using view::Html;

std::string joined(const core::Translator& t, const std::vector<std::string>& keys) {
  std::string out;
  for (auto& k : keys) {
    if (!out.empty()) out += ", ";
    out += t(k);
  }
  return out;
}

std::vector<std::string> need_keys(const std::vector<Need>& needs) {
  std::vector<std::string> keys;
  for (auto n : needs) keys.push_back("need." + std::string(need_code(n)));
  return keys;
}

std::vector<std::string> method_keys(const std::vector<ContactMethod>& v) {
  std::vector<std::string> keys;
  for (auto m : v) keys.push_back("contact.method." + std::string(contact_method_code(m)));
  return keys;
}

std::vector<std::string> time_keys(const std::vector<ContactTime>& v) {
  std::vector<std::string> keys;
  for (auto x : v) keys.push_back("contact.time." + std::string(contact_time_code(x)));
  return keys;
}

std::string interests_text(const std::vector<std::string>& tags) {
  std::string out;
  for (auto& tag : tags) out += (out.empty() ? "" : ", ") + tag;
  return out;
}

/// A GOV.UK summary card: a titled list of rows, with an optional "Change" link.
class Card {
 public:
  Card(Html& h, const core::Translator& t, std::string_view title, std::string_view change_url,
       std::string_view change_context)
      : h_(h), t_(t) {
    h_.raw("<div class=\"govuk-summary-card\">\n<div class=\"govuk-summary-card__title-wrapper\">\n");
    h_.raw("<h2 class=\"govuk-summary-card__title\">").text(title).raw("</h2>\n");
    if (!change_url.empty()) {
      h_.raw("<ul class=\"govuk-summary-card__actions\"><li class=\"govuk-summary-card__action\">");
      h_.raw("<a class=\"govuk-link\" href=\"").text(change_url).raw("\">").text(t_("profile.change"));
      h_.raw("<span class=\"govuk-visually-hidden\"> ").text(change_context).raw("</span></a></li></ul>\n");
    }
    h_.raw("</div>\n<div class=\"govuk-summary-card__content\">\n<dl class=\"govuk-summary-list\">\n");
  }
  ~Card() { h_.raw("</dl>\n</div>\n</div>\n"); }
  Card(const Card&) = delete;
  Card& operator=(const Card&) = delete;

  /// A row; an empty value shows "Not given".
  void row(std::string_view key, std::string_view value) {
    h_.raw("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").text(key);
    h_.raw("</dt><dd class=\"govuk-summary-list__value rt-pre-line\">");
    if (value.empty()) {
      h_.raw("<span class=\"rt-secondary-text\">").text(t_("profile.not_given")).raw("</span>");
    } else {
      h_.text(value);
    }
    h_.raw("</dd></div>\n");
  }

 private:
  Html& h_;
  const core::Translator& t_;
};

void bring_card(Html& h, const core::Translator& t, const Profile& p, std::string_view change_url, bool own) {
  Card c(h, t, t(own ? "profile.bring_title" : "profile.their_bring_title"), change_url, t("profile.bring_title"));
  c.row(t("profile.strengths"), p.strengths);
  c.row(t("profile.skills"), p.skills);
  c.row(t("profile.lived_experience"), p.lived_experience);
  c.row(t("profile.interests"), interests_text(p.interests));
}

void needs_card(Html& h, const core::Translator& t, const Profile& p, std::string_view change_url, bool own) {
  Card c(h, t, t(own ? "profile.needs_title" : "profile.their_needs_title"), change_url, t("profile.needs_title"));
  c.row(t("profile.needs_formats"), joined(t, need_keys(p.needs)));
  if (!p.needs_other.empty()) c.row(t("profile.needs_other"), p.needs_other);
  c.row(t("profile.meeting_support"), p.meeting_support);
  if (own) c.row(t("profile.share"), t(p.share_needs ? "profile.share_yes_short" : "profile.share_no_short"));
}

void contact_card(Html& h, const core::Translator& t, const Profile& p, std::string_view change_url, bool own) {
  Card c(h, t, t(own ? "profile.contact_title" : "profile.their_contact_title"), change_url,
         t("profile.contact_title"));
  c.row(t("profile.methods"), joined(t, method_keys(p.contact_methods)));
  c.row(t("profile.phone"), p.phone);
  c.row(t("profile.times"), joined(t, time_keys(p.contact_times)));
  c.row(t("profile.notes_row"), p.contact_notes);
}

void back_link(Html& h, const core::Translator& t, std::string_view href) {
  h.raw("<a href=\"").text(href).raw("\" class=\"govuk-back-link\">").text(t("profile.back")).raw("</a>\n");
}

/// Opens a profile edit page: back link, error summary, heading and the form.
void open_edit(Html& h, const RequestContext& ctx, const core::Translator& t, std::string_view heading,
               std::string_view action, const std::vector<view::FieldError>& errors) {
  back_link(h, t, "/account");
  h.raw("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(heading).raw("</h1>\n");
  h.raw("<form method=\"post\" action=\"").text(action).raw("\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
}

void close_edit(Html& h, const core::Translator& t) {
  view::button(h, t("profile.save"));
  h.raw("</form>\n</div></div>\n");
}

std::vector<view::Choice> choices_of(const core::Translator& t, const std::vector<std::string>& codes,
                                     std::string_view key_prefix, const std::vector<std::string>& chosen) {
  std::vector<view::Choice> out;
  for (auto& code : codes) {
    std::string key = std::string(key_prefix) + code;
    std::string hint_key = key + "_hint";
    std::string hint(t(hint_key));
    if (hint == hint_key) hint.clear();
    out.push_back({code, std::string(t(key)), hint, std::find(chosen.begin(), chosen.end(), code) != chosen.end()});
  }
  return out;
}

template <class E, size_t N>
std::vector<std::string> codes_of(const E (&all)[N], std::string_view (*code)(E)) {
  std::vector<std::string> out;
  for (E e : all) out.emplace_back(code(e));
  return out;
}

Response about_page(RequestContext& ctx, const PagesDeps& deps, const AboutForm& f,
                    const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  Html h;
  open_edit(h, ctx, t, t("profile.about_title"), "/account/about", errors);
  view::input(h, t,
              {.id = "name",
               .label = std::string(t("profile.name")),
               .hint = std::string(t("profile.name_hint")),
               .value = f.name,
               .error = std::string(view::error_for(errors, "name")),
               .autocomplete = "name"});
  view::input(h, t,
              {.id = "pronouns",
               .label = std::string(t("profile.pronouns")),
               .hint = std::string(t("profile.pronouns_hint")),
               .value = f.pronouns,
               .error = std::string(view::error_for(errors, "pronouns")),
               .input_class = "govuk-input--width-20"});
  view::radios(h, t,
               language_field(std::string(t("profile.lang")), std::string(t("profile.lang_hint")),
                              std::string(view::error_for(errors, "lang")), f.lang));
  close_edit(h, t);
  return respond_form(ctx, deps, std::string(t("profile.about_title")), h, !errors.empty());
}

Response bring_page(RequestContext& ctx, const PagesDeps& deps, const BringForm& f,
                    const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  Html h;
  open_edit(h, ctx, t, t("profile.bring_title"), "/account/strengths", errors);
  h.raw("<p class=\"govuk-body\">").text(t("profile.bring_lead")).raw("</p>\n");
  view::textarea(h, t,
                 {.id = "strengths",
                  .label = std::string(t("profile.strengths")),
                  .hint = std::string(t("profile.strengths_hint")),
                  .value = f.strengths,
                  .error = std::string(view::error_for(errors, "strengths"))});
  view::textarea(h, t,
                 {.id = "skills",
                  .label = std::string(t("profile.skills")),
                  .hint = std::string(t("profile.skills_hint")),
                  .value = f.skills,
                  .error = std::string(view::error_for(errors, "skills"))});
  view::textarea(h, t,
                 {.id = "lived_experience",
                  .label = std::string(t("profile.lived_experience")),
                  .hint = std::string(t("profile.lived_experience_hint")),
                  .value = f.lived_experience,
                  .error = std::string(view::error_for(errors, "lived_experience")),
                  .rows = 8});
  view::input(h, t,
              {.id = "interests",
               .label = std::string(t("profile.interests")),
               .hint = std::string(t("profile.interests_hint")),
               .value = f.interests,
               .error = std::string(view::error_for(errors, "interests"))});
  close_edit(h, t);
  return respond_form(ctx, deps, std::string(t("profile.bring_title")), h, !errors.empty());
}

Response needs_page(RequestContext& ctx, const PagesDeps& deps, const NeedsForm& f,
                    const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  Html h;
  open_edit(h, ctx, t, t("profile.needs_title"), "/account/needs", errors);
  h.raw("<p class=\"govuk-body\">").text(t("profile.needs_lead")).raw("</p>\n");
  view::checkboxes(h, t,
                   {.id = "needs",
                    .name = "needs",
                    .legend = std::string(t("profile.needs_formats")),
                    .hint = std::string(t("profile.needs_formats_hint")),
                    .error = std::string(view::error_for(errors, "needs")),
                    .choices = choices_of(t, codes_of(kAllNeeds, need_code), "need.", f.needs)});
  view::textarea(h, t,
                 {.id = "needs_other",
                  .label = std::string(t("profile.needs_other")),
                  .hint = std::string(t("profile.needs_other_hint")),
                  .value = f.needs_other,
                  .error = std::string(view::error_for(errors, "needs_other")),
                  .rows = 3});
  view::textarea(h, t,
                 {.id = "meeting_support",
                  .label = std::string(t("profile.meeting_support")),
                  .hint = std::string(t("profile.meeting_support_hint")),
                  .value = f.meeting_support,
                  .error = std::string(view::error_for(errors, "meeting_support"))});
  view::radios(h, t,
               {.id = "share",
                .name = "share",
                .legend = std::string(t("profile.share")),
                .hint = std::string(t("profile.share_hint")),
                .error = std::string(view::error_for(errors, "share")),
                .choices = {{"yes", std::string(t("profile.share_yes")), "", f.share == "yes"},
                            {"no", std::string(t("profile.share_no")), "", f.share == "no"}}});
  close_edit(h, t);
  return respond_form(ctx, deps, std::string(t("profile.needs_title")), h, !errors.empty());
}

Response contact_page(RequestContext& ctx, const PagesDeps& deps, const ContactForm& f,
                      const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  Html h;
  open_edit(h, ctx, t, t("profile.contact_title"), "/account/contact", errors);
  view::checkboxes(
      h, t,
      {.id = "methods",
       .name = "methods",
       .legend = std::string(t("profile.methods")),
       .hint = std::string(t("profile.methods_hint")),
       .error = std::string(view::error_for(errors, "methods")),
       .choices = choices_of(t, codes_of(kAllContactMethods, contact_method_code), "contact.method.", f.methods)});
  view::input(h, t,
              {.id = "phone",
               .label = std::string(t("profile.phone")),
               .hint = std::string(t("profile.phone_hint")),
               .value = f.phone,
               .error = std::string(view::error_for(errors, "phone")),
               .type = "tel",
               .autocomplete = "tel",
               .input_class = "govuk-input--width-20"});
  view::checkboxes(h, t,
                   {.id = "times",
                    .name = "times",
                    .legend = std::string(t("profile.times")),
                    .hint = std::string(t("profile.times_hint")),
                    .error = std::string(view::error_for(errors, "times")),
                    .choices = choices_of(t, codes_of(kAllContactTimes, contact_time_code), "contact.time.", f.times)});
  view::textarea(h, t,
                 {.id = "notes",
                  .label = std::string(t("profile.notes")),
                  .hint = std::string(t("profile.notes_hint")),
                  .value = f.notes,
                  .error = std::string(view::error_for(errors, "notes")),
                  .rows = 3});
  close_edit(h, t);
  return respond_form(ctx, deps, std::string(t("profile.contact_title")), h, !errors.empty());
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
  co_return http::redirect(ctx.request, "/account?saved=1");
}

awaitable<std::optional<Profile>> own_profile(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->profile(ctx.principal->user_id);
  co_return co_await std::move(op);
}

}  // namespace

void profile_cards(Html& h, const core::Translator& t, const Profile& p) {
  {
    Card c(h, t, t("profile.about_title"), "/account/about", t("profile.about_title"));
    c.row(t("profile.name"), p.name);
    c.row(t("profile.pronouns_row"), p.pronouns);
    c.row(t("profile.lang"), core::Messages::embedded().get(p.lang, "layout.language_name"));
  }
  if (!p.photo_url.empty()) {
    h.raw("<img class=\"rt-profile-photo govuk-!-margin-bottom-2\" src=\"").text(p.photo_url).raw("\" alt=\"");
    h.text(t("photo.yours_alt")).raw("\">\n");
  }
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/account/photo\">");
  h.text(t(p.photo_url.empty() ? "photo.add_link" : "photo.change_link")).raw("</a></p>\n");
  bring_card(h, t, p, "/account/strengths", true);
  h.raw("<p class=\"govuk-body\">").text(t(p.share_needs ? "profile.needs_shared" : "profile.needs_private"));
  h.raw("</p>\n");
  needs_card(h, t, p, "/account/needs", true);
  contact_card(h, t, p, "/account/contact", true);
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/account/consent\">").text(t("consent.link"));
  h.raw("</a></p>\n");
}

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

awaitable<Response> directory(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  constexpr size_t kPerPage = 20;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  auto params = ctx.query_params();
  DirectoryQuery query;
  query.text = std::string(params.value("q"));
  query.type = parse_member_type(params.value("type"));
  query.interest = std::string(params.value("interest"));
  long long page_no = 1;
  try {
    page_no = std::clamp(std::stoll(std::string(params.value("page"))), 1LL, 1000LL);
  } catch (const std::exception&) {
    page_no = 1;
  }
  std::string error;
  if (text_length(query.text) > 200) error = core::format(t("search.error_too_long"), {{"max", "200"}});
  query.limit = kPerPage;
  query.offset = static_cast<size_t>(page_no - 1) * kPerPage;
  DirectoryPage found;
  if (error.empty()) {
    auto op = deps.service->directory(m->org_id, query);
    found = co_await std::move(op);
  }
  const std::string base = "/o/" + m->org_slug + "/people";
  Html h;
  if (auto removed = params.value("removed"); !removed.empty()) {
    success_banner(h, t, core::format(t("members.removed"), {{"name", removed}, {"org", m->org_name}}));
  }
  h.raw("<span class=\"govuk-caption-l\">").text(m->org_name).raw("</span>\n");
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("directory.title")).raw("</h1>\n");
  std::vector<view::FieldError> errors;
  if (!error.empty()) errors.push_back({"q", error});
  view::error_summary(h, t, errors);
  h.raw("<form method=\"get\" action=\"").text(base).raw("\" role=\"search\" novalidate>\n");
  view::input(h, t,
              {.id = "q",
               .label = std::string(t("directory.search_label")),
               .hint = std::string(t("directory.search_hint")),
               .value = query.text,
               .error = error,
               .type = "search"});
  h.raw("<div class=\"govuk-form-group\">\n<label class=\"govuk-label govuk-label--s\" for=\"type\">");
  h.text(t("directory.type_label")).raw("</label>\n<select class=\"govuk-select\" id=\"type\" name=\"type\">\n");
  h.raw("<option value=\"\">").text(t("directory.type_any")).raw("</option>\n");
  for (auto type : kAllMemberTypes) {
    std::string code(member_type_code(type));
    h.raw("<option value=\"").text(code).raw("\"").raw_if(query.type == type, " selected").raw(">");
    h.text(t("member_type." + code)).raw("</option>\n");
  }
  h.raw("</select>\n</div>\n");
  if (!query.interest.empty()) {
    h.raw("<input type=\"hidden\" name=\"interest\" value=\"").text(query.interest).raw("\">\n");
    h.raw("<p class=\"govuk-body\">")
        .text(core::format(t("directory.interest_filter"), {{"interest", query.interest}}));
    h.raw(" <a class=\"govuk-link\" href=\"")
        .text(base)
        .raw("\">")
        .text(t("directory.clear_filters"))
        .raw("</a></p>\n");
  }
  view::button(h, t("directory.button"), "secondary");
  h.raw("</form>\n");
  if (error.empty()) {
    h.raw("<h2 class=\"govuk-heading-m\" id=\"results-heading\">");
    h.text(found.more ? std::string(t("directory.count_more")) : t.plural("directory.count", found.total));
    h.raw("</h2>\n");
    if (found.members.empty()) {
      h.raw("<p class=\"govuk-body\">").text(t("directory.none")).raw("</p>\n");
    } else {
      h.raw("<ul class=\"govuk-list rt-directory\" aria-labelledby=\"results-heading\">\n");
      for (auto& p : found.members) {
        h.raw("<li class=\"rt-directory__person\">\n<h3 class=\"govuk-heading-s govuk-!-margin-bottom-1\">");
        h.raw("<a class=\"govuk-link\" href=\"").text(base).raw("/").number(p.user_id).raw("\">").text(p.name);
        h.raw("</a>");
        if (!p.pronouns.empty()) h.raw(" <span class=\"rt-pronouns\">(").text(p.pronouns).raw(")</span>");
        h.raw("</h3>\n<p class=\"govuk-body govuk-!-margin-bottom-1\">")
            .text(t("role." + std::string(role_code(p.role))));
        std::vector<std::string> type_keys;
        for (auto type : p.member_types) type_keys.push_back("member_type." + std::string(member_type_code(type)));
        if (!type_keys.empty()) h.raw(" – ").text(joined(t, type_keys));
        h.raw("</p>\n");
        if (!p.interests.empty()) {
          h.raw("<p class=\"govuk-body-s\">").text(t("profile.interests")).raw(": ");
          for (size_t i = 0; i < p.interests.size(); ++i) {
            if (i) h.raw(", ");
            h.raw("<a class=\"govuk-link\" href=\"")
                .text(base)
                .raw("?interest=")
                .text(view::url_encode(p.interests[i]));
            h.raw("\">").text(p.interests[i]).raw("</a>");
          }
          h.raw("</p>\n");
        }
        h.raw("</li>\n");
      }
      h.raw("</ul>\n");
    }
    const long long pages = (found.total + static_cast<long long>(kPerPage) - 1) / static_cast<long long>(kPerPage);
    if (pages > 1) {
      std::string keep = "?q=" + view::url_encode(query.text);
      if (query.type) keep += "&type=" + std::string(member_type_code(*query.type));
      if (!query.interest.empty()) keep += "&interest=" + view::url_encode(query.interest);
      h.raw("<nav class=\"govuk-pagination\" aria-label=\"").text(t("pagination.label")).raw("\">\n");
      if (page_no > 1) {
        h.raw("<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"");
        h.text(base + keep + "&page=" + std::to_string(page_no - 1)).raw("\" rel=\"prev\">");
        h.raw("<span class=\"govuk-pagination__link-title\">")
            .text(t("pagination.previous"))
            .raw("</span></a></div>\n");
      }
      if (page_no < pages) {
        h.raw("<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"");
        h.text(base + keep + "&page=" + std::to_string(page_no + 1)).raw("\" rel=\"next\">");
        h.raw("<span class=\"govuk-pagination__link-title\">").text(t("pagination.next")).raw("</span></a></div>\n");
      }
      h.raw("</nav>\n");
    }
  }
  auto p = view::page_for(ctx, std::string(t("directory.title")));
  p.has_errors = !error.empty();
  co_return view::html_page(ctx, *deps.assets, p, h, error.empty() ? http::Status::ok : http::Status::bad_request);
}

namespace {

Response consent_page(RequestContext& ctx, const PagesDeps& deps, const ConsentState& state,
                      const std::vector<ConsentRecord>& history, const std::vector<view::FieldError>& errors,
                      const http::FormData* typed) {
  auto t = ctx.t();
  Html h;
  back_link(h, t, "/account");
  h.raw("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
  if (ctx.query_params().value("saved") == "1") success_banner(h, t, t("consent.saved"));
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("consent.title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("consent.lead")).raw("</p>\n");
  h.raw("<form method=\"post\" action=\"/account/consent\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  for (auto purpose : kAllConsentPurposes) {
    const std::string code(consent_purpose_code(purpose));
    const auto& now = state.of(purpose);
    h.raw("<h2 class=\"govuk-heading-m\">").text(t("consent." + code + ".title")).raw("</h2>\n");
    h.raw("<div class=\"govuk-inset-text\">")
        .text(t(consent_wording_key(purpose, current_consent_version(purpose))))
        .raw("</div>\n");
    std::string status;
    if (!now) {
      status = t("consent.status_never");
    } else {
      status = core::format(t(now->given ? "consent.status_given" : "consent.status_withdrawn"),
                            {{"date", view::format_date(t, now->created_at)}});
    }
    h.raw("<p class=\"govuk-body\">").text(status).raw("</p>\n");
    if (purpose == ConsentPurpose::store_data) {
      // Storing the account's data is what the account is; withdrawing it means deleting the account.
      h.raw("<p class=\"govuk-body\">").text(t("consent.store_data.how_to_withdraw")).raw(" ");
      h.raw("<a class=\"govuk-link\" href=\"/account/delete\">").text(t("data.delete.title")).raw("</a></p>\n");
      continue;
    }
    std::string chosen;
    if (typed) {
      chosen = std::string(typed->value(code));
    } else if (now) {
      chosen = now->given ? "yes" : "no";
    }
    view::radios(h, t,
                 {.id = code,
                  .name = code,
                  .legend = std::string(t("consent." + code + ".question")),
                  .error = std::string(view::error_for(errors, code)),
                  .choices = {{"yes", std::string(t("consent.yes")), "", chosen == "yes"},
                              {"no", std::string(t("consent.no")), "", chosen == "no"}},
                  .small = true});
  }
  view::button(h, t("consent.save"));
  h.raw("</form>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("consent.history_title")).raw("</h2>\n");
  if (history.empty()) {
    h.raw("<p class=\"govuk-body\">").text(t("consent.history_none")).raw("</p>\n");
  } else {
    h.raw("<ul class=\"govuk-list\">\n");
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
      h.raw("<li>").text(view::format_date(t, it->created_at)).raw(": ");
      h.text(core::format(t(it->given ? "consent.history_given" : "consent.history_withdrawn"),
                          {{"what", t("consent." + std::string(consent_purpose_code(it->purpose)) + ".title")},
                           {"version", std::to_string(it->version)}}));
      h.raw("</li>\n");
    }
    h.raw("</ul>\n");
  }
  h.raw("</div></div>\n");
  return respond_form(ctx, deps, std::string(t("consent.title")), h, !errors.empty());
}

}  // namespace

awaitable<Response> consent_form(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->consents(ctx.principal->user_id);
  auto [state, history] = co_await std::move(op);
  co_return consent_page(ctx, deps, state, history, {}, nullptr);
}

awaitable<Response> save_consent(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  std::vector<std::pair<ConsentPurpose, bool>> decisions;
  std::vector<view::FieldError> errors;
  for (auto purpose : {ConsentPurpose::contact, ConsentPurpose::public_use}) {
    const std::string code(consent_purpose_code(purpose));
    auto v = ctx.form.value(code);
    if (v == "yes" || v == "no") {
      decisions.emplace_back(purpose, v == "yes");
    } else {
      errors.push_back({code, std::string(t("consent." + code + ".error"))});
    }
  }
  if (!errors.empty()) {
    auto op = deps.service->consents(ctx.principal->user_id);
    auto [state, history] = co_await std::move(op);
    co_return consent_page(ctx, deps, state, history, errors, &ctx.form);
  }
  auto save = deps.service->set_consents(ctx.principal->user_id, ctx.lang, std::move(decisions));
  co_await std::move(save);
  co_return http::redirect(ctx.request, "/account/consent?saved=1");
}

namespace {

/// The person the {id} path parameter names, as the viewer may see them; nullopt for anything else.
awaitable<std::optional<MemberView>> member_from_path(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  const http::Membership* m = &req.membership;
  std::string id(ctx.param("id"));
  if (id.empty() || id.size() > 18 || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    co_return std::nullopt;
  }
  const bool staff = may(req, policy::Action::see_shared_needs);
  auto op = deps.service->member_profile(ctx.principal->user_id, m->org_id, std::stoll(id), staff);
  co_return co_await std::move(op);
}

/// The role and member types form an organisation admin sees on a member's page.
void role_form(Html& h, const RequestContext& ctx, const core::Translator& t, const http::Membership& m,
               const MemberView& view, const std::vector<view::FieldError>& errors, const http::FormData* typed) {
  const std::string base = "/o/" + m.org_slug + "/people/" + std::to_string(view.profile.user_id);
  h.raw("<h2 class=\"govuk-heading-m\" id=\"membership\">").text(t("members.manage_title")).raw("</h2>\n");
  h.raw("<form method=\"post\" action=\"").text(base).raw("/role\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  const std::string chosen = typed ? std::string(typed->value("role")) : std::string(role_code(view.membership.role));
  view::ChoiceField roles{.id = "role",
                          .name = "role",
                          .legend = std::string(t("invite.role")),
                          .error = std::string(view::error_for(errors, "role")),
                          .small = true};
  for (auto r : kAllRoles) {
    std::string code(role_code(r));
    roles.choices.push_back({code, role_name(t, r), std::string(t("role_hint." + code)), chosen == code});
  }
  view::radios(h, t, roles);
  view::ChoiceField types{
      .id = "member_types", .name = "member_types", .legend = std::string(t("members.member_types")), .small = true};
  for (auto type : kAllMemberTypes) {
    std::string code(member_type_code(type));
    bool checked = false;
    if (typed) {
      for (auto v : typed->all("member_types")) checked = checked || v == code;
    } else {
      checked = std::find(view.membership.member_types.begin(), view.membership.member_types.end(), type) !=
                view.membership.member_types.end();
    }
    types.choices.push_back({code, std::string(t("member_type." + code)), "", checked});
  }
  view::checkboxes(h, t, types);
  view::button(h, t("members.save"), "secondary");
  h.raw("</form>\n<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"").text(base).raw("/remove\">");
  h.text(core::format(t("members.remove_link"), {{"name", view.profile.name}})).raw("</a></p>\n");
}

Response render_member(http::OrgRequest& req, const PagesDeps& deps, const MemberView& view,
                       const std::vector<view::FieldError>& errors = {}, const http::FormData* typed = nullptr) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  const auto& p = view.profile;
  Html h;
  if (ctx.query_params().value("saved") == "1") success_banner(h, t, t("members.saved"));
  view::error_summary(h, t, errors);
  h.raw("<span class=\"govuk-caption-l\">").text(m->org_name).raw("</span>\n");
  if (!p.photo_url.empty()) {
    h.raw("<img class=\"rt-profile-photo govuk-!-margin-bottom-2\" src=\"").text(p.photo_url).raw("\" alt=\"");
    h.text(core::format(t("photo.of_alt"), {{"name", p.name}})).raw("\">\n");
  }
  h.raw("<h1 class=\"govuk-heading-l\">").text(p.name);
  if (!p.pronouns.empty()) h.raw(" <span class=\"rt-pronouns\">(").text(p.pronouns).raw(")</span>");
  h.raw("</h1>\n");
  std::vector<std::string> type_keys;
  for (auto type : view.membership.member_types) {
    type_keys.push_back("member_type." + std::string(member_type_code(type)));
  }
  h.raw("<p class=\"govuk-body\">").text(t("role." + std::string(role_code(view.membership.role))));
  if (!type_keys.empty()) h.raw(" – ").text(joined(t, type_keys));
  h.raw("</p>\n");
  bring_card(h, t, p, "", false);
  if (view.about_me_visible) {
    h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/o/").text(m->org_slug).raw("/people/");
    h.number(p.user_id).raw("/about-me\">").text(core::format(t("members.about_me_link"), {{"name", p.name}}));
    h.raw("</a></p>\n");
  }
  if (view.needs_visible) {
    needs_card(h, t, p, "", false);
  } else if (view.needs_withheld) {
    h.raw("<div class=\"govuk-inset-text\">").text(core::format(t("profile.needs_withheld"), {{"name", p.name}}));
    h.raw("</div>\n");
  }
  if (view.contact_visible) contact_card(h, t, p, "", false);
  if (view.contact_withdrawn && (view.needs_withheld || view.needs_visible)) {
    h.raw("<div class=\"govuk-inset-text\">").text(core::format(t("consent.no_contact_note"), {{"name", p.name}}));
    h.raw("</div>\n");
  }
  if (may(req, policy::Action::manage_members)) role_form(h, ctx, t, *m, view, errors, typed);
  return respond(ctx, deps, p.name, h, errors.empty() ? http::Status::ok : http::Status::bad_request, !errors.empty());
}

Response remove_page(http::OrgRequest& req, const PagesDeps& deps, const MemberView& view,
                     const std::vector<view::FieldError>& errors) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  const std::string base = "/o/" + m->org_slug + "/people/" + std::to_string(view.profile.user_id);
  Html h;
  back_link(h, t, base);
  h.raw("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
  view::error_summary(h, t, errors);
  const std::string title =
      core::format(t("members.remove_title"), {{"name", view.profile.name}, {"org", m->org_name}});
  h.raw("<h1 class=\"govuk-heading-l\">").text(title).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(core::format(t("members.remove_body"), {{"name", view.profile.name}}));
  h.raw("</p>\n<form method=\"post\" action=\"").text(base).raw("/remove\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  h.raw("<div class=\"govuk-button-group\">\n");
  view::button(h, t("members.remove_button"), "warning");
  h.raw("<a class=\"govuk-link\" href=\"").text(base).raw("\">").text(t("members.cancel")).raw("</a>\n</div>\n");
  h.raw("</form>\n</div></div>\n");
  return respond(ctx, deps, title, h, errors.empty() ? http::Status::ok : http::Status::bad_request, !errors.empty());
}

}  // namespace

awaitable<Response> member_page(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto view = co_await member_from_path(req, deps);
  if (!view) co_return deps.not_found(ctx);
  if (deps.about_me_visible) {
    auto op = deps.about_me_visible(ctx.principal->user_id, view->profile.user_id);
    view->about_me_visible = co_await std::move(op);
  }
  co_return render_member(req, deps, *view);
}

awaitable<Response> change_member_role(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  auto view = co_await member_from_path(req, deps);
  if (!view) co_return deps.not_found(ctx);
  auto role = parse_role(ctx.form.value("role"));
  if (!role)
    co_return render_member(req, deps, *view, {{"role", std::string(t("invite.error.role_missing"))}}, &ctx.form);
  std::vector<MemberType> types;
  for (auto v : ctx.form.all("member_types")) {
    if (auto type = parse_member_type(v)) types.push_back(*type);
  }
  auto op = deps.service->change_membership(ctx.principal->user_id, m->org_id, view->profile.user_id, *role, types);
  auto outcome = co_await std::move(op);
  if (outcome == PeopleService::MembershipChange::last_admin) {
    co_return render_member(req, deps, *view, {{"role", std::string(t("members.error.last_admin"))}}, &ctx.form);
  }
  if (outcome == PeopleService::MembershipChange::not_member) co_return deps.not_found(ctx);
  co_return http::redirect(ctx.request,
                           "/o/" + m->org_slug + "/people/" + std::to_string(view->profile.user_id) + "?saved=1");
}

awaitable<Response> remove_member_form(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto view = co_await member_from_path(req, deps);
  if (!view) co_return deps.not_found(ctx);
  co_return remove_page(req, deps, *view, {});
}

awaitable<Response> remove_member(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  auto view = co_await member_from_path(req, deps);
  if (!view) co_return deps.not_found(ctx);
  auto op = deps.service->remove_member(ctx.principal->user_id, m->org_id, view->profile.user_id);
  auto outcome = co_await std::move(op);
  if (outcome == PeopleService::MembershipChange::last_admin) {
    co_return remove_page(req, deps, *view, {{"", std::string(t("members.error.last_admin"))}});
  }
  if (outcome == PeopleService::MembershipChange::not_member) co_return deps.not_found(ctx);
  const std::string name = view->profile.name;
  co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/people?removed=" + view::url_encode(name));
}

}  // namespace roundtable::people::pages
