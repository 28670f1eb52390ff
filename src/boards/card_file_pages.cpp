// Files on a card: the card page's list of them and its "Add a file" form, through the uploads module and its rules
// (type read from the content, size limits, metadata removed; pictures and documents), and taking a file off.
#include "boards/board_pages.hpp"
#include "http/form.hpp"
#include "media/media.hpp"
#include "uploads/uploads.hpp"
#include "view/file_upload.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::boards::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

policy::Facts file_facts(const OrgRequest& req, const CardPage& cp, const Attachment& a) {
  auto facts = policy::facts_of(cp.board.view.board, &cp.card);
  facts.own_file = a.added_by != 0 && a.added_by == req.principal.user_id;
  return facts;
}

/// "Budget.pdf (PDF, 120 KB)": its name, kind and size in words.
std::string file_words(const core::Translator& t, const Attachment& a) {
  const auto document = media::document_type(a.mime);
  const std::string kind =
      document ? s(t("boards.file.type." + std::string(document->extension))) : s(t("boards.file.type.picture"));
  return core::format(t("boards.file.line"), {{"name", a.name.empty() ? s(t("boards.file.no_name")) : a.name},
                                              {"type", kind},
                                              {"size", uploads::size_words(a.bytes)}});
}

}  // namespace

void files_section(Html& h, const OrgRequest& req, const PagesDeps& deps, const CardPage& cp,
                   const std::vector<view::FieldError>& errors) {
  if (!deps.service->uploads()) return;
  const auto t = req.ctx.t();
  const auto actor = actor_of(req, cp.board.view.role);
  govuk::heading(h, 2, "m", t("boards.file.title"), "files");
  if (cp.attachments.empty()) govuk::paragraph(h, t("boards.file.none"));
  for (const auto& a : cp.attachments) {
    Html line;
    govuk::link(line, uploads::file_url(a.public_id), file_words(t, a));
    govuk::paragraph(h, std::move(line));
    if (policy::allows(actor, Action::remove_file, file_facts(req, cp, a)) != policy::Verdict::allow) continue;
    govuk::button_form(h, {.form = {.action = card_url(req, cp.card.id) + "/files/" + std::to_string(a.id) + "/remove",
                                    .csrf_token = req.ctx.csrf_token},
                           .button = {.text = core::format(t("boards.file.remove"), {{"name", a.name}}),
                                      .classes = "govuk-button--secondary govuk-!-margin-bottom-4"}});
  }
  if (policy::allows(actor, Action::attach_file, policy::facts_of(cp.board.view.board, &cp.card)) !=
      policy::Verdict::allow) {
    return;
  }
  govuk::form_start(
      h, {.action = card_url(req, cp.card.id) + "/files", .csrf_token = req.ctx.csrf_token, .multipart = true});
  view::file_upload(
      h, t,
      {.id = "file",
       .name = "file",
       .label = small_label(s(t("boards.file.choose"))),
       .hint = {.text = s(t("boards.file.hint"))},
       .error_message = field_error_message(t, errors, "file"),
       .attributes = {{"accept", "image/jpeg,image/png,image/gif,image/webp,application/pdf,.docx,.odt"}}});
  submit_button(h, t("boards.file.add_button"), "govuk-button--secondary");
  govuk::form_end(h);
}

awaitable<Response> attach_file(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load_card(req, deps, Action::attach_file);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& cp = std::get<CardPage>(loaded);
  auto* uploads = deps.service->uploads();
  if (!uploads) co_return deps.not_found(ctx);
  const auto allowed = card_file_allowed();
  const auto* chosen = ctx.file("file");
  if (!chosen || chosen->filename.empty()) {
    co_return render_card(req, deps, cp, "", {{"file", s(ctx.t()("boards.error.file_missing"))}});
  }
  auto prepare_op = uploads->prepare(std::string(chosen->data), chosen->filename, allowed);
  auto prepared = co_await std::move(prepare_op);
  if (auto* refusal = std::get_if<uploads::Refusal>(&prepared)) {
    co_return render_card(req, deps, cp, "", {{"file", uploads::refusal_message(ctx.t(), *refusal, allowed)}});
  }
  auto op = deps.service->attach_file(who_of(req), req.membership.org_id, cp.card.id,
                                      std::move(std::get<uploads::Prepared>(prepared)));
  co_return after(req, deps, co_await std::move(op), card_url(req, cp.card.id) + "#files", "boards.done.file_added");
}

awaitable<Response> remove_file(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load_card(req, deps, Action::see_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& cp = std::get<CardPage>(loaded);
  const auto id = http::parse_id(ctx.param("file"));
  const Attachment* a = id ? cp.attachment(*id) : nullptr;
  if (!a || policy::allows(actor_of(req, cp.board.view.role), Action::remove_file, file_facts(req, cp, *a)) !=
                policy::Verdict::allow) {
    co_return deps.not_found(ctx);
  }
  auto op = deps.service->remove_file(who_of(req), req.membership.org_id, cp.card.id, a->id);
  co_return after(req, deps, co_await std::move(op), card_url(req, cp.card.id) + "#files", "boards.done.file_removed");
}

}  // namespace roundtable::boards::pages
