// Expressing interest (and changing or taking it back), the applicants with their words, shortlisting and selecting,
// and telling everyone the outcome.
#include "http/pipeline.hpp"
#include "opportunities/opportunity_form.hpp"
#include "opportunities/opportunity_pages.hpp"
#include "organisations/organisation_pages.hpp"
#include "uploads/uploads.hpp"
#include "view/csv.hpp"
#include "view/dates.hpp"
#include "view/file_upload.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/recorder.hpp"

namespace roundtable::opportunities::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

using view::s;

/// Where an applicant is, in words ("Shortlisted").
std::string status_name(const core::Translator& t, ApplicantStatus st) {
  return s(t("opportunities.applicants.status." + std::string(applicant_status_code(st))));
}

std::string types_text(const core::Translator& t, const std::vector<MemberType>& types) {
  std::string out;
  for (auto type : types) {
    if (!out.empty()) out += ", ";
    out += organisations::pages::member_type_name(t, type);
  }
  return out.empty() ? s(t("opportunities.applicants.no_types")) : out;
}

Response render_interest(OrgRequest& req, const PagesDeps& deps, const OpportunityForViewer& v,
                         const InterestForm& form, const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& o = v.opportunity;
  const std::string base = opportunity_url(req, o.id);
  auto page =
      page_builder(ctx, deps, s(t(v.mine ? "opportunities.interest.change_title" : "opportunities.interest.title")));
  page.caption(o.details.title).back_link(base, s(t("opportunities.back"))).errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, core::format(t("opportunities.interest.lead"), {{"group", o.group_name}}));
  govuk::paragraph(h, t("opportunities.interest.either"));
  govuk::paragraph(h,
                   core::format(t("opportunities.interest.until"), {{"date", closing_date(t, o.details.closes_on)}}));
  govuk::form_start(h, {.action = base + "/interest", .csrf_token = ctx.csrf_token, .multipart = true});
  govuk::textarea(h, {.id = "message",
                      .name = "message",
                      .rows = 6,
                      .value = form.message,
                      .label = small_label(s(t("opportunities.interest.message"))),
                      .hint = {.text = s(t("opportunities.interest.message_hint"))},
                      .error_message = field_error_message(t, errors, "message")});
  // The recording: the one there is (to keep or remove), a file to choose, or one made here with the microphone.
  const auto* current = v.mine && v.mine->recording ? &*v.mine->recording : nullptr;
  govuk::heading(h, 2, "m", t("opportunities.interest.recording_title"));
  if (current) {
    govuk::SummaryList rows;
    recording_row(rows, t, *current, std::nullopt);
    govuk::summary_list(h, rows);
    govuk::checkboxes(h, {.name = "remove_recording",
                          .id_prefix = "remove_recording",
                          .items = {{.text = s(t("opportunities.interest.remove_recording")),
                                     .value = "1",
                                     .checked = form.remove_recording}},
                          .classes = "govuk-checkboxes--small"});
  }
  view::file_upload(
      h, t,
      {.id = "recording",
       .name = "recording",
       .label =
           small_label(s(t(current ? "opportunities.interest.replace_recording" : "opportunities.interest.recording"))),
       .hint = {.text = s(t("opportunities.interest.recording_hint"))},
       .error_message = field_error_message(t, errors, "recording"),
       .attributes = {{"accept", "audio/*,video/*"}}});
  view::recorder(h, t, "recording");
  govuk::textarea(h, {.id = "help",
                      .name = "help",
                      .rows = 3,
                      .value = form.help,
                      .label = small_label(s(t("opportunities.interest.help_optional"))),
                      .hint = {.text = s(t("opportunities.interest.help_hint"))},
                      .error_message = field_error_message(t, errors, "help")});
  submit_button(h, t(v.mine ? "opportunities.interest.save" : "opportunities.interest.send"));
  govuk::form_end(h);
  auto res = page.respond();
  // Only this page may use the microphone, and play back what it recorded (blob:).
  http::allow_microphone(res);
  return res;
}

/// A file part named "recording" that came with a name but no bytes: a file was chosen, and it was empty.
bool empty_file_chosen(const RequestContext& ctx) {
  for (const auto& f : ctx.files) {
    if (f.field == "recording" && f.data.empty() && !f.filename.empty()) return true;
  }
  return false;
}

}  // namespace

awaitable<Response> interest_form(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::express_interest);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& v = std::get<OpportunityForViewer>(loaded);
  InterestForm form;
  if (v.mine) form = {v.mine->message, v.mine->help};
  co_return render_interest(req, deps, v, form, {});
}

awaitable<Response> save_interest(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::express_interest);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& v = std::get<OpportunityForViewer>(loaded);
  const auto form = read_interest(ctx.form);
  // The recording, checked by its content and cleaned of its metadata as About Me's are.
  const auto allowed = recording_allowed();
  RecordingChange recording{.remove = form.remove_recording};
  std::optional<view::FieldError> file_error;
  auto* uploads = deps.service->uploads();
  if (const auto* file = ctx.file("recording"); file && uploads) {
    auto op = uploads->prepare(std::string(file->data), file->filename, allowed);
    auto prepared = co_await std::move(op);
    if (auto* refusal = std::get_if<uploads::Refusal>(&prepared)) {
      file_error = view::FieldError{"recording", uploads::refusal_message(t, *refusal, allowed)};
    } else {
      recording.file = std::move(std::get<uploads::Prepared>(prepared));
    }
  } else if (empty_file_chosen(ctx)) {
    file_error = view::FieldError{"recording", uploads::refusal_message(t, uploads::Refusal::empty, allowed)};
  }
  const bool keeps_one = v.mine && v.mine->recording && !form.remove_recording;
  // A refused file was meant as the recording: its problem is the one to tell, not missing words as well.
  const auto problems = check_interest(form, recording.file || keeps_one || file_error);
  std::vector<view::FieldError> errors;
  for (const auto& e : field_errors(t, problems)) {
    if (e.field_id == "message") errors.push_back(e);
  }
  if (file_error) errors.push_back(*file_error);
  for (const auto& e : field_errors(t, problems)) {
    if (e.field_id != "message") errors.push_back(e);
  }
  if (!errors.empty() && recording.file) {
    // Browsers cannot show a chosen file again, so the person is asked to choose (or record) it again.
    errors.push_back({"recording", s(t("opportunities.error.recording_again"))});
  }
  if (!errors.empty()) co_return render_interest(req, deps, v, form, errors);
  auto op = deps.service->express_interest(req.membership.org_id, v.opportunity.id, req.principal.user_id, form.message,
                                           form.help, std::move(recording));
  const auto outcome = co_await std::move(op);
  switch (outcome) {
    case InterestOutcome::done:
      ctx.set_flash(v.mine ? "opportunities.done.interest_changed" : "opportunities.done.interest_sent",
                    {{"title", v.opportunity.details.title}});
      break;
    case InterestOutcome::in_group: ctx.set_flash("opportunities.done.in_group"); break;
    case InterestOutcome::not_open:
    case InterestOutcome::not_in_organisation: ctx.set_flash("opportunities.done.not_open"); break;
  }
  co_return http::redirect(ctx.request, opportunity_url(req, v.opportunity.id));
}

awaitable<Response> withdraw_interest(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, Action::express_interest);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& v = std::get<OpportunityForViewer>(loaded);
  auto op = deps.service->withdraw_interest(req.membership.org_id, v.opportunity.id, req.principal.user_id);
  if (co_await std::move(op)) ctx.set_flash("opportunities.done.withdrawn", {{"title", v.opportunity.details.title}});
  co_return http::redirect(ctx.request, opportunity_url(req, v.opportunity.id));
}

awaitable<Response> applicants(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::see_applicants);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& v = std::get<OpportunityForViewer>(loaded);
  const auto& o = v.opportunity;
  auto op = deps.service->applicants(req.membership.org_id, o.id);
  const auto people = co_await std::move(op);
  const bool selects = may(req, v, Action::select);
  const std::string base = opportunity_url(req, o.id);
  auto page = page_builder(ctx, deps, s(t("opportunities.applicants.title")));
  page.caption(o.details.title).back_link(base, s(t("opportunities.back")));
  Html& h = page.body();
  if (people.empty()) {
    govuk::paragraph(h, t("opportunities.applicants.none"));
    co_return page.respond();
  }
  long long shortlisted = 0, selected = 0;
  for (const auto& p : people) {
    shortlisted += p.shortlisted;
    selected += p.selected;
  }
  govuk::paragraph(h, core::format(t("opportunities.applicants.summary"),
                                   {{"applied", t.plural("opportunities.applicants.people", people.size())},
                                    {"shortlisted", std::to_string(shortlisted)},
                                    {"selected", std::to_string(selected)}}));
  if (selects) govuk::paragraph(h, t("opportunities.applicants.lead"));
  if (may(req, v, Action::tell_outcome)) {
    govuk::link_paragraph(h, base + "/outcome", t("opportunities.page.outcome_link"));
  }
  govuk::link_paragraph(h, base + "/applicants.csv", t("opportunities.applicants.csv_link"));
  for (const auto& p : people) {
    govuk::SummaryList rows;
    auto row = [&](const char* key, std::string value, std::string classes = "") {
      rows.rows.push_back({.key = {.text = s(t(key))}, .value = {.text = std::move(value), .classes = classes}});
    };
    row("opportunities.applicants.takes_part", types_text(t, p.member_types));
    row("opportunities.applicants.applied_on", view::format_date(t, p.created_at));
    interest_rows(rows, t, p, p.name);
    std::string where = status_name(t, applicant_status(p));
    if (p.told_at) {
      where +=
          " – " + core::format(t("opportunities.applicants.told_on"), {{"date", view::format_date(t, *p.told_at)}});
    }
    row("opportunities.applicants.where", where);
    rows.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.text = p.name, .heading_level = 2}};
    govuk::summary_list(h, rows);
    if (!selects) continue;
    const std::string who = std::to_string(p.user_id);
    Html buttons;
    govuk::button_form(buttons,
                       {.form = {.action = base + "/applicants", .csrf_token = ctx.csrf_token},
                        .hidden = {{"user", who}, {"what", "shortlist"}, {"on", p.shortlisted ? "0" : "1"}},
                        .button = {.text = core::format(t(p.shortlisted ? "opportunities.applicants.unshortlist"
                                                                        : "opportunities.applicants.shortlist"),
                                                        {{"name", p.name}}),
                                   .classes = "govuk-button--secondary"}});
    govuk::button_form(buttons, {.form = {.action = base + "/applicants", .csrf_token = ctx.csrf_token},
                                 .hidden = {{"user", who}, {"what", "select"}, {"on", p.selected ? "0" : "1"}},
                                 .button = {.text = core::format(t(p.selected ? "opportunities.applicants.unselect"
                                                                              : "opportunities.applicants.select"),
                                                                 {{"name", p.name}}),
                                            .classes = p.selected ? "govuk-button--secondary" : ""}});
    h.append(buttons);
  }
  co_return page.respond();
}

awaitable<Response> applicants_csv(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::see_applicants);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& o = std::get<OpportunityForViewer>(loaded).opportunity;
  auto op = deps.service->applicants(req.membership.org_id, o.id);
  const auto people = co_await std::move(op);
  auto t = req.ctx.t();
  view::Csv csv;
  csv.row({t("opportunities.csv.name"), t("opportunities.csv.types"), t("opportunities.csv.words"),
           t("opportunities.csv.recording"), t("opportunities.csv.help"), t("opportunities.csv.status"),
           t("opportunities.csv.applied_on")});
  const auto yes = s(t("opportunities.csv.yes")), no = s(t("opportunities.csv.no"));
  for (const auto& p : people) {
    const auto types = p.member_types.empty() ? std::string() : types_text(t, p.member_types);
    const auto status = status_name(t, applicant_status(p));
    const auto applied = view::format_date(t, p.created_at);
    csv.row({p.name, types, p.message, p.recording ? yes : no, p.help, status, applied});
  }
  co_return view::csv_download(req.ctx, "opportunity-" + std::to_string(o.id) + "-applicants.csv", csv);
}

awaitable<Response> mark(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, Action::select);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& o = std::get<OpportunityForViewer>(loaded).opportunity;
  const auto user = parse_id(ctx.form.trimmed("user"));
  const auto what = ctx.form.trimmed("what");
  const auto on = ctx.form.trimmed("on");
  if (!user || (what != "shortlist" && what != "select") || (on != "1" && on != "0")) co_return deps.not_found(ctx);
  const bool select = what == "select", yes = on == "1";
  auto op = deps.service->mark(req.membership.org_id, o.id, *user, select, yes);
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash(select ? (yes ? "opportunities.done.selected" : "opportunities.done.unselected")
                       : (yes ? "opportunities.done.shortlisted" : "opportunities.done.unshortlisted"));
  co_return http::redirect(ctx.request, opportunity_url(req, o.id) + "/applicants");
}

awaitable<Response> outcome_form(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::tell_outcome);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& o = std::get<OpportunityForViewer>(loaded).opportunity;
  auto op = deps.service->applicants(req.membership.org_id, o.id);
  const auto people = co_await std::move(op);
  const std::string base = opportunity_url(req, o.id);
  std::vector<govuk::Content> chosen;
  long long others = 0;
  for (const auto& p : people) {
    if (p.selected) {
      chosen.emplace_back(p.name);
    } else {
      ++others;
    }
  }
  auto page = page_builder(ctx, deps, s(t("opportunities.outcome.title")));
  page.caption(o.details.title).back_link(base + "/applicants", s(t("opportunities.outcome.back")));
  Html& h = page.body();
  if (people.empty()) {
    govuk::paragraph(h, t("opportunities.outcome.nobody"));
  } else {
    govuk::paragraph(h, core::format(t.plural("opportunities.outcome.selected", static_cast<long long>(chosen.size())),
                                     {{"group", o.group_name}}));
    if (!chosen.empty()) govuk::list(h, {.items = std::move(chosen), .bullet = true});
    govuk::paragraph(h, t.plural("opportunities.outcome.others", others));
    govuk::paragraph(h, t("opportunities.outcome.language"));
  }
  govuk::warning_text(h, {.text = s(t("opportunities.outcome.warning")),
                          .icon_fallback_text = s(t("opportunities.outcome.warning_word"))});
  govuk::button_form(h, {.form = {.action = base + "/outcome", .csrf_token = ctx.csrf_token},
                         .button = {.text = s(t("opportunities.outcome.button"))}});
  govuk::link_paragraph(h, base + "/applicants", t("opportunities.outcome.not_yet"));
  co_return page.respond();
}

awaitable<Response> tell_outcome(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, Action::tell_outcome);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& o = std::get<OpportunityForViewer>(loaded).opportunity;
  auto op = deps.service->tell_outcome(req.membership.org_id, o.id, req.principal.user_id);
  const auto told = co_await std::move(op);
  if (told.done) {
    ctx.set_flash("opportunities.done.told",
                  {{"selected", std::to_string(told.selected)}, {"others", std::to_string(told.not_selected)}});
  }
  co_return http::redirect(ctx.request, opportunity_url(req, o.id));
}

}  // namespace roundtable::opportunities::pages
