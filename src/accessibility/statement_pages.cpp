// Roundtable's own accessibility statement, an organisation's, and the form an organisation admin writes theirs
// with. Both statements follow the headings UK public-sector bodies must publish: compliance status, what does not
// work yet, how to ask for another format or report a problem, the enforcement procedure, and when it was checked.
#include "accessibility/statement_pages.hpp"

#include <string>

#include "accessibility/statement_form.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/page_builder.hpp"

namespace roundtable::accessibility::pages {

namespace {

namespace govuk = view::govuk;
using view::Html;

/// When Roundtable's own statement was written and last checked: 4 December 2026.
constexpr long long kPlatformPrepared = 1796342400;
constexpr long long kPlatformReviewed = 1796342400;

using view::s;

/// "If you are not happy with the reply": who enforces the regulations, and who to contact.
void enforcement(Html& h, const core::Translator& t) {
  govuk::heading(h, 2, "m", t("accessibility.enforcement_title"));
  govuk::paragraph(h, t("accessibility.enforcement"));
  Html eass;
  eass.text(t("accessibility.enforcement_eass")).text(" ");
  govuk::link(eass, "https://www.equalityadvisoryservice.com/", t("accessibility.enforcement_eass_link"));
  govuk::paragraph(h, std::move(eass));
  Html ni;
  ni.text(t("accessibility.enforcement_ni")).text(" ");
  govuk::link(ni, "https://www.equalityni.org/", t("accessibility.enforcement_ni_link"));
  govuk::paragraph(h, std::move(ni));
}

/// "When we checked": prepared and last reviewed.
void checked(Html& h, const core::Translator& t, long long prepared, long long reviewed) {
  govuk::heading(h, 2, "m", t("accessibility.checked_title"));
  govuk::paragraph(h, core::format(t("accessibility.checked"), {{"prepared", view::format_date(t, prepared)},
                                                                {"reviewed", view::format_date(t, reviewed)}}));
}

std::string compliance_sentence(const core::Translator& t, Compliance c, std::string_view name) {
  const char* key = c == Compliance::full      ? "accessibility.org.compliance_full"
                    : c == Compliance::partial ? "accessibility.org.compliance_partial"
                                               : "accessibility.org.compliance_none";
  return core::format(t(key), {{"name", std::string(name)}});
}

govuk::Fieldset legend(std::string text) {
  return {.legend = {.text = std::move(text), .classes = "govuk-fieldset__legend--s"}};
}
govuk::Label label(std::string text) { return {.text = std::move(text), .classes = "govuk-label--s"}; }

std::string edit_url(std::string_view slug) { return "/o/" + std::string(slug) + "/accessibility"; }
std::string public_url(std::string_view slug) { return "/accessibility/" + std::string(slug); }

Response render_form(http::OrgRequest& req, const PagesDeps& deps, const StatementForm& form,
                     const std::optional<Statement>& saved, const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& org = req.membership;
  view::PageBuilder page(ctx, *deps.assets, s(t("accessibility.edit.title")));
  page.caption(org.org_name).back_link("/o/" + org.org_slug, s(t("accessibility.edit.back"))).errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, core::format(t("accessibility.edit.lead"), {{"name", org.org_name}}));
  if (saved && saved->published) {
    Html status;
    status.text(t("accessibility.edit.published")).text(" ");
    govuk::link(status, public_url(org.org_slug), t("accessibility.edit.published_link"));
    govuk::inset_text(h, {.html = std::move(status)});
  } else {
    govuk::inset_text(h, {.text = s(t(saved ? "accessibility.edit.draft" : "accessibility.edit.none"))});
  }
  govuk::form_start(h, {.action = edit_url(org.org_slug), .csrf_token = ctx.csrf_token});
  govuk::radios(h, {.name = "compliance",
                    .items = {{.text = s(t("accessibility.edit.compliance_full")), .value = "full"},
                              {.text = s(t("accessibility.edit.compliance_partial")), .value = "partial"},
                              {.text = s(t("accessibility.edit.compliance_none")), .value = "none"}},
                    .value = form.compliance,
                    .fieldset = legend(s(t("accessibility.edit.compliance"))),
                    .hint = {.text = s(t("accessibility.edit.compliance_hint"))},
                    .error_message = view::field_error_message(t, errors, "compliance")});
  govuk::textarea(h, {.id = "known_problems",
                      .name = "known_problems",
                      .rows = 8,
                      .value = form.known_problems,
                      .label = label(s(t("accessibility.edit.known_problems"))),
                      .hint = {.text = s(t("accessibility.edit.known_problems_hint"))},
                      .error_message = view::field_error_message(t, errors, "known_problems")});
  govuk::input(h, {.id = "contact_email",
                   .name = "contact_email",
                   .type = "email",
                   .value = form.contact_email,
                   .label = label(s(t("accessibility.edit.contact_email"))),
                   .hint = {.text = s(t("accessibility.edit.contact_hint"))},
                   .error_message = view::field_error_message(t, errors, "contact_email"),
                   .autocomplete = "email",
                   .spellcheck = false});
  govuk::input(h, {.id = "contact_phone",
                   .name = "contact_phone",
                   .type = "tel",
                   .value = form.contact_phone,
                   .label = label(s(t("accessibility.edit.contact_phone"))),
                   .error_message = view::field_error_message(t, errors, "contact_phone"),
                   .classes = "govuk-input--width-20",
                   .autocomplete = "tel"});
  govuk::input(h, {.id = "reply_days",
                   .name = "reply_days",
                   .inputmode = "numeric",
                   .value = form.reply_days,
                   .label = label(s(t("accessibility.edit.reply_days"))),
                   .error_message = view::field_error_message(t, errors, "reply_days"),
                   .classes = "govuk-input--width-2",
                   .spellcheck = false});
  govuk::radios(h, {.name = "published",
                    .items = {{.text = s(t("accessibility.edit.publish_yes")), .value = "yes"},
                              {.text = s(t("accessibility.edit.publish_no")), .value = "no"}},
                    .value = form.published,
                    .fieldset = legend(s(t("accessibility.edit.publish"))),
                    .error_message = view::field_error_message(t, errors, "published")});
  govuk::button(h, {.text = s(t("accessibility.edit.save"))});
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<Response> platform_statement(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto op = deps.service->published_statements();
  const auto listed = co_await std::move(op);
  view::PageBuilder page(ctx, *deps.assets, s(t("accessibility.platform.title")));
  Html& h = page.body();
  govuk::paragraph(h, t("accessibility.platform.lead"));
  govuk::heading(h, 2, "m", t("accessibility.platform.using_title"));
  govuk::paragraph(h, t("accessibility.platform.using"));
  govuk::paragraph(h, t("accessibility.platform.can_intro"));
  govuk::list(h, {.items = {t("accessibility.platform.can1"), t("accessibility.platform.can2"),
                            t("accessibility.platform.can3"), t("accessibility.platform.can4"),
                            t("accessibility.platform.can5")},
                  .bullet = true});
  govuk::heading(h, 2, "m", t("accessibility.platform.status_title"));
  govuk::paragraph(h, t("accessibility.platform.status"));
  govuk::heading(h, 2, "m", t("accessibility.platform.problems_title"));
  govuk::list(
      h, {.items = {t("accessibility.platform.problem_transcripts"), t("accessibility.platform.problem_descriptions"),
                    t("accessibility.platform.problem_org_content")},
          .bullet = true});
  govuk::heading(h, 2, "m", t("accessibility.platform.report_title"));
  govuk::paragraph(h, t("accessibility.platform.report"));
  if (listed.empty()) {
    govuk::paragraph(h, t("accessibility.platform.report_none"));
  } else {
    govuk::paragraph(h, t("accessibility.platform.report_orgs"));
    std::vector<view::govuk::Content> links;
    for (const auto& l : listed) {
      Html a;
      govuk::link(a, public_url(l.org_slug), l.org_name);
      links.push_back(std::move(a));
    }
    govuk::list(h, {.items = std::move(links), .bullet = true});
  }
  enforcement(h, t);
  govuk::heading(h, 2, "m", t("accessibility.platform.testing_title"));
  govuk::paragraph(h, t("accessibility.platform.testing"));
  checked(h, t, kPlatformPrepared, kPlatformReviewed);
  co_return page.respond();
}

awaitable<Response> org_statement(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->published_statement(std::string(ctx.param("org")));
  const auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  auto t = ctx.t();
  const auto& [org, st] = *found;
  view::PageBuilder page(ctx, *deps.assets, core::format(t("accessibility.org.title"), {{"name", org.name}}));
  Html& h = page.body();
  Html lead;
  lead.text(core::format(t("accessibility.org.lead"), {{"name", org.name}})).text(" ");
  govuk::link(lead, "/accessibility", t("accessibility.org.platform_link"));
  govuk::paragraph(h, std::move(lead));
  govuk::heading(h, 2, "m", t("accessibility.org.status_title"));
  govuk::paragraph(h, compliance_sentence(t, st.compliance, org.name));
  if (!st.known_problems.empty()) {
    govuk::heading(h, 2, "m", t("accessibility.org.problems_title"));
    govuk::paragraph(h, st.known_problems, "govuk-body rt-pre-line");
  }
  govuk::heading(h, 2, "m", t("accessibility.org.contact_title"));
  govuk::paragraph(h, core::format(t("accessibility.org.contact"), {{"name", org.name}}));
  std::vector<view::govuk::Content> ways;
  if (!st.contact_email.empty()) {
    Html email;
    email.text(t("accessibility.org.email")).text(" ");
    govuk::link(email, "mailto:" + st.contact_email, st.contact_email);
    ways.push_back(std::move(email));
  }
  if (!st.contact_phone.empty()) {
    ways.push_back(core::format(t("accessibility.org.phone"), {{"phone", st.contact_phone}}));
  }
  govuk::list(h, {.items = std::move(ways), .bullet = true});
  govuk::paragraph(h, t.plural("accessibility.org.reply_within", st.reply_days));
  enforcement(h, t);
  checked(h, t, st.prepared_at, st.reviewed_at);
  co_return page.respond();
}

awaitable<Response> edit_form(http::OrgRequest& req, const PagesDeps& deps) {
  auto op = deps.service->statement(req.membership.org_id);
  const auto saved = co_await std::move(op);
  StatementForm form;
  if (saved) {
    form = form_of(*saved);
  } else {
    form.reply_days = "5";
    form.published = "no";
  }
  co_return render_form(req, deps, form, saved, {});
}

awaitable<Response> save(http::OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto form = read_statement(ctx.form);
  const auto problems = check_statement(form);
  if (!problems.empty()) {
    std::vector<view::FieldError> errors;
    for (const auto& p : problems) errors.push_back({p.field, s(t(p.key))});
    auto op = deps.service->statement(req.membership.org_id);
    const auto saved = co_await std::move(op);
    co_return render_form(req, deps, form, saved, errors);
  }
  const auto statement = statement_of(form, req.membership.org_id);
  auto op = deps.service->save_statement(req.principal.user_id, statement);
  co_await std::move(op);
  ctx.set_flash(statement.published ? "accessibility.edit.saved_published" : "accessibility.edit.saved_draft");
  co_return http::redirect(ctx.request, edit_url(req.membership.org_slug));
}

}  // namespace roundtable::accessibility::pages
