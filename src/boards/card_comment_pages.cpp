// Comments on a card: the card page's comments and its "Add a comment" form; changing and deleting your own comment;
// removing anyone's, with a reason its author sees, for the people who run the group. What each person may do is the
// boards policy's (board_policy.cpp), asked with the comment's facts.
#include "accounts/form_checks.hpp"
#include "boards/board_pages.hpp"
#include "http/form.hpp"
#include "markdown/markdown.hpp"
#include "security/tokens.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::boards::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

bool may_to(const OrgRequest& req, const CardPage& cp, Action action, const Comment& c) {
  const auto facts = policy::facts_of(cp.board.view.board, &cp.card, &c, req.principal.user_id);
  return policy::allows(actor_of(req, cp.board.view.role), action, facts) != policy::Verdict::deny;
}

std::string comment_url(const OrgRequest& req, const Comment& c) {
  return card_url(req, c.card_id) + "/comments/" + std::to_string(c.id);
}

/// Back to the comment on its card's page.
std::string at_comment(const OrgRequest& req, const Comment& c) {
  return card_url(req, c.card_id) + "#comment-" + std::to_string(c.id);
}

std::string author_of(const core::Translator& t, const Comment& c) {
  return c.author_name.empty() ? s(t("boards.comment.former_member")) : c.author_name;
}

/// The comment's words as they were written, in an inset (on the forms that change, delete or remove it).
void quoted(Html& h, const core::Translator& t, const Comment& c) {
  Html words;
  govuk::paragraph(
      words,
      core::format(t("boards.comment.written_by"), {{"name", author_of(t, c)}, {"when", when_words(t, c.created_at)}}),
      "govuk-body-s");
  markdown::render(words, c.body, {.top_heading_level = 3});
  govuk::inset_text(h, {.html = std::move(words)});
}

/// "See earlier versions", for those who may read them, when the comment was changed or deleted.
void history_link(Html& h, const OrgRequest& req, const CardPage& cp, const Comment& c) {
  if (!c.edited_at && !c.deleted_at) return;
  if (!may_to(req, cp, Action::see_comment_history, c)) return;
  govuk::link_paragraph(h, comment_url(req, c) + "/history", req.ctx.t()("boards.comment.history_link"));
}

void comment_block(Html& h, const OrgRequest& req, const CardPage& cp, const Comment& c) {
  const auto t = req.ctx.t();
  h.raw("<div class=\"govuk-!-margin-bottom-6\" id=\"comment-").number(c.id).raw("\">\n");
  if (c.deleted_at) {
    // A deleted comment leaves a line rather than disappearing: later comments that answer it still make sense, and
    // nobody wonders whether the list was changed behind their back. Its words are gone (store::delete_comment empties
    // them, keeping them as an earlier version for its author and the people who run the group), and so is its
    // author's name: they asked for it to go.
    govuk::paragraph(h, t("boards.comment.deleted"), "govuk-body-s");
    history_link(h, req, cp, c);
    h.raw("</div>\n");
    return;
  }
  const std::string who = author_of(t, c);
  govuk::heading(h, 3, "s", who);
  std::string meta = core::format(t("boards.comment.written"), {{"when", when_words(t, c.created_at)}});
  if (c.edited_at) meta += " " + core::format(t("boards.comment.edited"), {{"when", when_words(t, *c.edited_at)}});
  govuk::paragraph(h, meta, "govuk-body-s");
  history_link(h, req, cp, c);
  const bool own = c.author_id != 0 && c.author_id == req.principal.user_id;
  const auto role = cp.board.view.role;
  const bool runs = role == GroupRole::lead || role == GroupRole::facilitator;
  if (c.removed_at) {
    // Its author (and the people who run the group) see why, and the words; everyone else sees only that it went.
    if (own || runs) {
      const std::string reason = core::format(t("boards.comment.removed_reason"), {{"reason", c.removed_reason}});
      govuk::warning_text(h,
                          {.text = s(t(own ? "boards.comment.removed_yours" : "boards.comment.removed")) + " " + reason,
                           .icon_fallback_text = s(t("boards.comment.warning"))});
      Html words;
      markdown::render(words, c.body, {.top_heading_level = 4});
      govuk::details(h, {.summary_text = s(t("boards.comment.removed_show")), .html = std::move(words)});
    } else {
      govuk::paragraph(h, t("boards.comment.removed"));
    }
  } else {
    markdown::render(h, c.body, {.top_heading_level = 4});
  }
  govuk::List actions{.classes = "govuk-!-font-size-16"};
  auto link = [&](Action action, const char* path, const char* key) {
    if (!may_to(req, cp, action, c)) return;
    Html a;
    govuk::link(a, comment_url(req, c) + path, t(key));
    actions.items.emplace_back(std::move(a));
  };
  link(Action::edit_comment, "/edit", "boards.comment.edit_link");
  link(Action::delete_comment, "/delete", "boards.comment.delete_link");
  link(Action::remove_comment, "/remove", "boards.comment.remove_link");
  if (!actions.items.empty()) govuk::list(h, actions);
  h.raw("</div>\n");
}

/// The comment's text box (on the card's page and the change form).
void comment_field(Html& h, const core::Translator& t, const char* label_key, const std::string& value,
                   const std::vector<view::FieldError>& errors) {
  govuk::textarea(h, {.id = "comment",
                      .name = "comment",
                      .rows = 5,
                      .value = value,
                      .label = small_label(s(t(label_key))),
                      .hint = {.text = s(t("boards.comment.hint"))},
                      .error_message = field_error_message(t, errors, "comment")});
}

/// The comment typed into a form, and its problems (none, empty, or too long).
struct Typed {
  std::string body;
  std::vector<view::FieldError> errors;
};
Typed read_comment(const RequestContext& ctx) {
  Typed out{ctx.form.trimmed("comment"), {}};
  std::vector<FormProblem> problems;
  accounts::check_required(problems, out.body, kMaxComment, "comment", "boards.error.");
  out.errors = field_errors(ctx.t(), problems);
  return out;
}

/// The card's page with the comment named by {comment} on it, when the person may do this to it (404 for a comment of
/// another card, board or organisation).
struct CommentOnCard {
  CardPage page;
  Comment comment;
};
awaitable<std::variant<CommentOnCard, Response>> load_comment(OrgRequest& req, const PagesDeps& deps, Action action) {
  auto loaded_op = load_card(req, deps, Action::see_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& cp = std::get<CardPage>(loaded);
  const auto id = http::parse_id(req.ctx.param("comment"));
  const Comment* c = id ? cp.comment(*id) : nullptr;
  if (!c) co_return deps.not_found(req.ctx);
  const auto facts = policy::facts_of(cp.board.view.board, &cp.card, c, req.principal.user_id);
  switch (policy::allows(actor_of(req, cp.board.view.role), action, facts)) {
    case policy::Verdict::allow: break;
    case policy::Verdict::need_two_step: co_return http::redirect(req.ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: co_return deps.not_found(req.ctx);
  }
  Comment found = *c;
  co_return CommentOnCard{std::move(cp), std::move(found)};
}

/// A page about one comment: its card's title as the caption, a way back to the comment on the card.
view::PageBuilder comment_page(OrgRequest& req, const PagesDeps& deps, const CommentOnCard& found,
                               const char* title_key, const std::vector<view::FieldError>& errors) {
  const auto t = req.ctx.t();
  auto pb = page_builder(req.ctx, deps, s(t(title_key)));
  pb.caption(found.page.card.title)
      .back_link(at_comment(req, found.comment), s(t("boards.back_to_card")))
      .errors(t, errors);
  return pb;
}

Response render_edit(OrgRequest& req, const PagesDeps& deps, const CommentOnCard& found, const std::string& value,
                     const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto pb = comment_page(req, deps, found, "boards.comment.edit_title", errors);
  Html& h = pb.body();
  govuk::form_start(h, {.action = comment_url(req, found.comment) + "/edit", .csrf_token = ctx.csrf_token});
  comment_field(h, t, "boards.comment.your_comment", value, errors);
  submit_button(h, t("boards.comment.save"));
  govuk::form_end(h);
  return pb.respond();
}

Response render_remove(OrgRequest& req, const PagesDeps& deps, const CommentOnCard& found, const std::string& value,
                       const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto pb = comment_page(req, deps, found, "boards.comment.remove_title", errors);
  Html& h = pb.body();
  govuk::paragraph(h, t("boards.comment.remove_lead"));
  quoted(h, t, found.comment);
  govuk::form_start(h, {.action = comment_url(req, found.comment) + "/remove", .csrf_token = ctx.csrf_token});
  govuk::textarea(h, {.id = "reason",
                      .name = "reason",
                      .rows = 4,
                      .value = value,
                      .label = small_label(s(t("boards.comment.reason"))),
                      .hint = {.text = s(t("boards.comment.reason_hint"))},
                      .error_message = field_error_message(t, errors, "reason")});
  submit_button(h, t("boards.comment.remove_button"), "govuk-button--warning");
  govuk::form_end(h);
  return pb.respond();
}

}  // namespace

void comments_section(Html& h, const OrgRequest& req, const CardPage& cp, const std::string& typed,
                      const std::vector<view::FieldError>& errors) {
  const auto t = req.ctx.t();
  govuk::heading(h, 2, "m", t("boards.comment.title"), "comments");
  if (cp.comments.empty()) govuk::paragraph(h, t("boards.comment.none"));
  // Oldest first: a conversation reads from the top.
  for (const auto& c : cp.comments) comment_block(h, req, cp, c);
  const auto facts = policy::facts_of(cp.board.view.board, &cp.card);
  if (policy::allows(actor_of(req, cp.board.view.role), Action::comment, facts) != policy::Verdict::allow) return;
  govuk::form_start(h, {.action = card_url(req, cp.card.id) + "/comments", .csrf_token = req.ctx.csrf_token});
  // The same form sent twice makes one comment; a form sent back with a problem keeps its key.
  const std::string key = req.ctx.form.trimmed("create_key");
  govuk::hidden(h, "create_key", key.empty() ? security::random_token(16) : key);
  comment_field(h, t, "boards.comment.add", typed, errors);
  submit_button(h, t("boards.comment.add_button"));
  govuk::form_end(h);
}

awaitable<Response> add_comment(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load_card(req, deps, Action::comment);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& cp = std::get<CardPage>(loaded);
  const auto typed = read_comment(ctx);
  if (!typed.errors.empty()) co_return render_card(req, deps, cp, "", typed.errors, typed.body);
  std::string key = ctx.form.trimmed("create_key");
  if (key.empty()) key = security::random_token(16);
  auto op = deps.service->add_comment(who_of(req), req.membership.org_id, cp.card.id, typed.body, key);
  const long long id = co_await std::move(op);
  if (id == 0) co_return deps.not_found(ctx);
  ctx.set_flash("boards.done.commented");
  co_return http::redirect(ctx.request, card_url(req, cp.card.id) + "#comment-" + std::to_string(id));
}

awaitable<Response> edit_comment(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_comment(req, deps, Action::edit_comment);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& found = std::get<CommentOnCard>(loaded);
  co_return render_edit(req, deps, found, found.comment.body, {});
}

awaitable<Response> save_comment(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load_comment(req, deps, Action::edit_comment);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& found = std::get<CommentOnCard>(loaded);
  const auto typed = read_comment(ctx);
  if (!typed.errors.empty()) co_return render_edit(req, deps, found, typed.body, typed.errors);
  auto op =
      deps.service->edit_comment(who_of(req), req.membership.org_id, found.page.card.id, found.comment.id, typed.body);
  co_return after(req, deps, co_await std::move(op), at_comment(req, found.comment), "boards.done.comment_saved");
}

awaitable<Response> delete_comment_form(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_comment(req, deps, Action::delete_comment);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& found = std::get<CommentOnCard>(loaded);
  auto pb = comment_page(req, deps, found, "boards.comment.delete_title", {});
  Html& h = pb.body();
  govuk::paragraph(h, t("boards.comment.delete_lead"));
  quoted(h, t, found.comment);
  govuk::button_form(h, {.form = {.action = comment_url(req, found.comment) + "/delete", .csrf_token = ctx.csrf_token},
                         .button = {.text = s(t("boards.comment.delete_button")), .classes = "govuk-button--warning"}});
  co_return pb.respond();
}

awaitable<Response> delete_comment(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_comment(req, deps, Action::delete_comment);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& found = std::get<CommentOnCard>(loaded);
  auto op = deps.service->delete_comment(who_of(req), req.membership.org_id, found.page.card.id, found.comment.id);
  co_return after(req, deps, co_await std::move(op), at_comment(req, found.comment), "boards.done.comment_deleted");
}

awaitable<Response> comment_history(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  // Only the card and the comment, not the card's whole page: this page shows neither.
  const auto card_id = http::parse_id(ctx.param("card"));
  const auto comment_id = http::parse_id(ctx.param("comment"));
  if (!card_id || !comment_id) co_return deps.not_found(ctx);
  auto op = deps.service->comment_history(who_of(req), req.membership.org_id, *card_id, *comment_id);
  const auto found = co_await std::move(op);
  if (!found || found->verdict == policy::Verdict::deny) co_return deps.not_found(ctx);
  if (found->verdict == policy::Verdict::need_two_step) {
    co_return http::redirect(ctx.request, deps.two_step_path + "?required=1");
  }
  auto pb = page_builder(ctx, deps, s(t("boards.comment.history_title")));
  pb.caption(found->card.title).back_link(at_comment(req, found->comment), s(t("boards.back_to_card")));
  Html& h = pb.body();
  govuk::paragraph(h, t("boards.comment.history_lead"));
  if (found->versions.empty()) govuk::paragraph(h, t("boards.comment.history_none"));
  // Newest first: the last change is what people look for.
  for (auto it = found->versions.rbegin(); it != found->versions.rend(); ++it) {
    govuk::heading(
        h, 2, "s",
        core::format(t("boards.comment.history_version"), {{"date", view::format_datetime(t, it->replaced_at)}}));
    Html words;
    markdown::render(words, it->body, {.top_heading_level = 3});
    govuk::inset_text(h, {.html = std::move(words)});
  }
  co_return pb.respond();
}

awaitable<Response> remove_comment_form(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_comment(req, deps, Action::remove_comment);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return render_remove(req, deps, std::get<CommentOnCard>(loaded), "", {});
}

awaitable<Response> remove_comment(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load_comment(req, deps, Action::remove_comment);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& found = std::get<CommentOnCard>(loaded);
  const std::string reason = ctx.form.trimmed("reason");
  std::vector<FormProblem> problems;
  accounts::check_required(problems, reason, kMaxRemoveReason, "reason", "boards.error.");
  if (!problems.empty()) co_return render_remove(req, deps, found, reason, field_errors(ctx.t(), problems));
  auto op =
      deps.service->remove_comment(who_of(req), req.membership.org_id, found.page.card.id, found.comment.id, reason);
  co_return after(req, deps, co_await std::move(op), at_comment(req, found.comment), "boards.done.comment_removed");
}

}  // namespace roundtable::boards::pages
