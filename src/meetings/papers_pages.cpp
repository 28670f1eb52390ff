// A meeting's papers: listed on the agenda page with their easy-read or large-print versions, added (a file through
// the uploads rules, and optionally its other version) and removed by the people who run the group.
#include "media/media.hpp"
#include "meetings/agenda_form.hpp"
#include "meetings/meeting_pages.hpp"
#include "security/tokens.hpp"
#include "view/file_upload.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"

namespace roundtable::meetings::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

std::string kind_name(const core::Translator& t, std::string_view kind) {
  return s(t(kind == "large_print" ? "meetings.papers.large_print" : "meetings.papers.easy_read"));
}

/// A link to one file of a paper: a document says it downloads, with its type and size in words ("Download the paper:
/// Budget (PDF, 120 KB)"); a picture, recording or video opens in the browser.
Html file_link(const core::Translator& t, std::string_view public_id, std::string_view mime, long long bytes,
               std::string_view title, std::string_view version) {
  Html link;
  const auto document = media::document_type(mime);
  std::string text;
  if (document) {
    const std::vector<std::pair<std::string, std::string>> args{
        {"version", std::string(version)},
        {"title", std::string(title)},
        {"type", s(t("meetings.papers.type." + std::string(document->extension)))},
        {"size", uploads::size_words(bytes)}};
    text = core::format(t(version.empty() ? "meetings.papers.download" : "meetings.papers.download_version"), args);
  } else if (version.empty()) {
    text = core::format(t("meetings.papers.open"), {{"title", title}});
  } else {
    text = core::format(t("meetings.papers.open_version"), {{"version", version}, {"title", title}});
  }
  govuk::link(link, uploads::file_url(public_id), text);
  return link;
}

/// The file sent in this field, if one was chosen.
const http::UploadedFile* chosen(const RequestContext& ctx, std::string_view field) {
  for (const auto& f : ctx.files) {
    if (f.field == field && !f.filename.empty()) return &f;
  }
  return nullptr;
}

}  // namespace

void papers_section(Html& h, const core::Translator& t, const OrgRequest& req, const MeetingRecord& r, bool runs,
                    const PaperForm& form, const std::vector<view::FieldError>& errors) {
  const auto& m = r.meeting.meeting;
  const std::string base = meeting_url(req, m.id) + "/papers";
  govuk::heading(h, 2, "m", t("meetings.papers.title"));
  if (r.papers.empty()) govuk::paragraph(h, t("meetings.papers.none"));
  for (const auto& p : r.papers) {
    govuk::heading(h, 3, "s", p.title);
    govuk::List links;
    links.items.emplace_back(file_link(t, p.public_id, p.mime, p.bytes, p.title, ""));
    if (!p.accessible_public_id.empty()) {
      links.items.emplace_back(file_link(t, p.accessible_public_id, p.accessible_mime, p.accessible_bytes, p.title,
                                         kind_name(t, p.accessible_kind)));
    }
    govuk::list(h, links);
    if (runs) {
      govuk::button_form(
          h, {.form = {.action = base + "/" + std::to_string(p.id) + "/remove", .csrf_token = req.ctx.csrf_token},
              .button = {.text = core::format(t("meetings.papers.remove"), {{"title", p.title}}),
                         .classes = "govuk-button--secondary"}});
    }
  }
  if (!runs) return;
  govuk::heading(h, 3, "s", t("meetings.papers.add_title"));
  govuk::form_start(h, {.action = base, .csrf_token = req.ctx.csrf_token, .multipart = true});
  govuk::hidden(h, "create_key", form.create_key);
  govuk::input(h, {.id = "paper_title",
                   .name = "paper_title",
                   .value = form.title,
                   .label = small_label(s(t("meetings.papers.paper_title"))),
                   .error_message = field_error_message(t, errors, "paper_title")});
  view::file_upload(h, t,
                    {.id = "paper",
                     .name = "paper",
                     .label = small_label(s(t("meetings.papers.file"))),
                     .hint = {.text = s(t("meetings.papers.file_hint"))},
                     .error_message = field_error_message(t, errors, "paper")});
  view::file_upload(h, t,
                    {.id = "accessible",
                     .name = "accessible",
                     .label = small_label(s(t("meetings.papers.version_file"))),
                     .hint = {.text = s(t("meetings.papers.version_file_hint"))},
                     .error_message = field_error_message(t, errors, "accessible")});
  govuk::Radios kinds{.name = "accessible_kind",
                      .value = form.accessible_kind,
                      .fieldset = small_legend(s(t("meetings.papers.version_kind"))),
                      .error_message = field_error_message(t, errors, "accessible_kind")};
  for (const char* kind : {"easy_read", "large_print"})
    kinds.items.push_back({.text = kind_name(t, kind), .value = kind});
  govuk::radios(h, kinds);
  submit_button(h, t("meetings.papers.add_button"));
  govuk::form_end(h);
}

awaitable<Response> add_paper(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_record(req, deps, Action::run_agenda);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& rec = std::get<MeetingRecord>(loaded);
  const long long id = rec.meeting.meeting.id;
  auto form = read_paper(ctx.form);
  if (form.create_key.empty()) form.create_key = security::random_token(16);
  const auto* paper = chosen(ctx, "paper");
  const auto* version = chosen(ctx, "accessible");
  auto errors = field_errors(t, check_paper(form, version != nullptr));
  const auto allowed = paper_allowed();
  auto* uploads = deps.service->uploads();
  std::optional<uploads::Prepared> file, accessible;
  const std::pair<const char*, const http::UploadedFile*> sent_files[] = {{"paper", paper}, {"accessible", version}};
  for (const auto& [field, sent] : sent_files) {
    if (!sent) continue;
    if (!uploads) break;
    auto op = uploads->prepare(std::string(sent->data), sent->filename, allowed);
    auto prepared = co_await std::move(op);
    if (auto* refusal = std::get_if<uploads::Refusal>(&prepared)) {
      errors.push_back({field, uploads::refusal_message(t, *refusal, allowed)});
    } else {
      (std::string_view(field) == "paper" ? file : accessible) = std::move(std::get<uploads::Prepared>(prepared));
    }
  }
  if (!paper) errors.push_back({"paper", s(t("meetings.error.paper_missing"))});
  if (!errors.empty() || !file) {
    co_return render_agenda(req, deps, rec, {.create_key = security::random_token(16)}, form, errors);
  }
  // A downloaded document is named after the paper, not after whatever the file was called on someone's computer.
  file->original_name = form.title + "." + file->extension;
  if (accessible) {
    accessible->original_name = form.title + " (" + kind_name(t, form.accessible_kind) + ")." + accessible->extension;
  }
  auto op = deps.service->add_paper(who_of(req), req.membership.org_id, id, form.title, std::move(*file),
                                    std::move(accessible), form.accessible_kind, form.create_key);
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, meeting_url(req, id) + "/agenda", "meetings.done.paper_added");
}

awaitable<Response> remove_paper(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("meeting"));
  const auto paper = http::parse_id(ctx.param("paper"));
  if (!id || !paper) co_return deps.not_found(ctx);
  auto op = deps.service->remove_paper(who_of(req), req.membership.org_id, *id, *paper);
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, meeting_url(req, *id) + "/agenda", "meetings.done.paper_removed");
}

}  // namespace roundtable::meetings::pages
