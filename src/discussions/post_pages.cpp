// Changing and deleting your own post (its earlier versions kept), a post's earlier versions, reporting a post, and
// hiding and showing a post for the people who run the group.
#include "discussions/discussion_form.hpp"
#include "discussions/discussion_pages.hpp"
#include "markdown/markdown.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::discussions::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

using view::s;

std::string base_of(const OrgRequest& req, const store::PostInTopic& f) {
  return topic_url(req.membership.org_slug, f.topic.id) + "/posts/" + std::to_string(f.post.number);
}

/// "topic" for an opening post, "reply" for the rest (the words differ).
std::string what(const Post& p) { return p.number == 1 ? "topic" : "reply"; }

Response render_edit(OrgRequest& req, const PagesDeps& deps, const store::PostInTopic& found, const PostForm& form,
                     const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const bool opening = found.post.number == 1;
  auto page = page_builder(ctx, deps, s(t("discussions.edit.title." + what(found.post))));
  page.caption(title_of(t, found.topic.title))
      .back_link(post_url(req.membership.org_slug, found.topic.id, found.post.number),
                 s(t("discussions.back_to_topic")))
      .errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("discussions.edit.lead"));
  govuk::form_start(h, {.action = base_of(req, found) + "/edit", .csrf_token = ctx.csrf_token, .multipart = opening});
  if (opening) {
    govuk::input(h, {.id = "title",
                     .name = "title",
                     .value = form.title,
                     .label = small_label(s(t("discussions.form.title"))),
                     .error_message = field_error_message(t, errors, "title")});
  }
  body_field(h, t, s(t(opening ? "discussions.form.opening" : "discussions.form.reply")), form.body, errors);
  if (opening && deps.service->uploads()) attachment_fields(h, t, found.topic.attachment, form, errors);
  submit_button(h, t("discussions.edit.button"));
  govuk::form_end(h);
  return page.respond();
}

Response render_reason(OrgRequest& req, const PagesDeps& deps, const store::PostInTopic& found, const char* kind,
                       const std::string& value, const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const std::string k(kind);
  auto page = page_builder(ctx, deps, s(t("discussions." + k + ".title_" + what(found.post))));
  page.caption(title_of(t, found.topic.title))
      .back_link(post_url(req.membership.org_slug, found.topic.id, found.post.number),
                 s(t("discussions.back_to_topic")))
      .errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("discussions." + k + ".lead"));
  Html words;
  govuk::paragraph(
      words, core::format(t("discussions.post.written_by"), {{"name", name_or_former(t, found.post.author_name)}}),
      "govuk-body-s");
  markdown::render(words, found.post.body, {.top_heading_level = 3});
  govuk::inset_text(h, {.html = std::move(words)});
  govuk::form_start(h, {.action = base_of(req, found) + "/" + k, .csrf_token = ctx.csrf_token});
  govuk::textarea(h, {.id = "reason",
                      .name = "reason",
                      .rows = 4,
                      .value = value,
                      .label = small_label(s(t("discussions." + k + ".label"))),
                      .hint = {.text = s(t("discussions." + k + ".hint"))},
                      .error_message = field_error_message(t, errors, "reason")});
  submit_button(h, t("discussions." + k + ".button"));
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<Response> edit_post(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::edit_post);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& found = std::get<store::PostInTopic>(loaded);
  PostForm form;
  form.title = found.topic.title;
  form.body = found.post.body;
  if (found.topic.attachment) form.alt = found.topic.attachment->alt;
  co_return render_edit(req, deps, found, form, {});
}

awaitable<Response> save_post(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::edit_post);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  const auto& found = std::get<store::PostInTopic>(loaded);
  const bool opening = found.post.number == 1;
  const auto form = read_post(ctx.form);
  // An opening post's form also adds, replaces, describes or takes away its topic's attachment.
  const auto& had = found.topic.attachment;
  const bool keeps_picture = had && had->kind == media::Kind::image && !form.remove_attachment;
  AttachmentChecked attachment;
  if (opening) {
    auto check = check_attachment(ctx, deps, form, keeps_picture);
    attachment = co_await std::move(check);
  }
  const auto errors =
      with_attachment_errors(ctx.t(), field_errors(ctx.t(), check_post(form, opening, false)), attachment);
  if (!errors.empty()) co_return render_edit(req, deps, found, form, errors);
  auto op = deps.service->edit(req.membership.org_id, found.topic.id, found.post.number, req.principal.user_id,
                               opening ? form.title : "", form.body,
                               {std::move(attachment.file), form.remove_attachment, form.alt});
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash("discussions.done.saved." + what(found.post));
  co_return http::redirect(ctx.request, post_url(req.membership.org_slug, found.topic.id, found.post.number));
}

awaitable<Response> delete_form(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::delete_post);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& found = std::get<store::PostInTopic>(loaded);
  auto page = page_builder(ctx, deps, s(t("discussions.delete.title." + what(found.post))));
  page.caption(title_of(t, found.topic.title))
      .back_link(post_url(req.membership.org_slug, found.topic.id, found.post.number),
                 s(t("discussions.back_to_topic")));
  Html& h = page.body();
  govuk::paragraph(h, t("discussions.delete.lead." + what(found.post)));
  Html words;
  markdown::render(words, found.post.body, {.top_heading_level = 3});
  govuk::inset_text(h, {.html = std::move(words)});
  govuk::warning_text(h,
                      {.text = s(t("discussions.delete.warning")), .icon_fallback_text = s(t("discussions.warning"))});
  govuk::button_form(h, {.form = {.action = base_of(req, found) + "/delete", .csrf_token = ctx.csrf_token},
                         .button = {.text = s(t("discussions.delete.button")), .classes = "govuk-button--warning"}});
  co_return page.respond();
}

awaitable<Response> delete_post(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::delete_post);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  const auto& found = std::get<store::PostInTopic>(loaded);
  auto op = deps.service->remove(req.membership.org_id, found.topic.id, found.post.number, req.principal.user_id);
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash("discussions.done.deleted." + what(found.post));
  co_return http::redirect(ctx.request, post_url(req.membership.org_slug, found.topic.id, found.post.number));
}

awaitable<Response> history(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::see_history);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& found = std::get<store::PostInTopic>(loaded);
  auto op = deps.service->history(found.post.id);
  const auto versions = co_await std::move(op);
  auto page = page_builder(ctx, deps, s(t("discussions.history.title")));
  page.caption(title_of(t, found.topic.title))
      .back_link(post_url(req.membership.org_slug, found.topic.id, found.post.number),
                 s(t("discussions.back_to_topic")));
  Html& h = page.body();
  govuk::paragraph(h, t("discussions.history.lead"));
  if (versions.empty()) govuk::paragraph(h, t("discussions.history.none"));
  // Newest first: the last change is what people look for.
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    govuk::heading(
        h, 2, "s",
        core::format(t("discussions.history.version"), {{"date", view::format_datetime(t, it->replaced_at)}}));
    if (!it->title.empty()) {
      govuk::paragraph(h, core::format(t("discussions.history.title_was"), {{"title", it->title}}), "govuk-body-s");
    }
    // What the change that ended this version did to the topic's attachment.
    if (!it->attachment_change.empty()) {
      govuk::paragraph(h, t("discussions.history.attachment." + it->attachment_change), "govuk-body-s");
    }
    Html words;
    markdown::render(words, it->body, {.top_heading_level = 3});
    govuk::inset_text(h, {.html = std::move(words)});
  }
  co_return page.respond();
}

awaitable<Response> report_form(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::report_post);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return render_reason(req, deps, std::get<store::PostInTopic>(loaded), "report", "", {});
}

awaitable<Response> report_post(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::report_post);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  const auto& found = std::get<store::PostInTopic>(loaded);
  const auto form = read_reason(ctx.form);
  const auto problems = check_reason(form, "report");
  if (!problems.empty()) {
    co_return render_reason(req, deps, found, "report", form.reason, field_errors(ctx.t(), problems));
  }
  auto op = deps.service->report(req.membership.org_id, found.topic.id, found.post.number, req.principal.user_id,
                                 form.reason);
  // Reported twice: the first report stands, and the person hears the same.
  co_await std::move(op);
  ctx.set_flash("discussions.done.reported");
  co_return http::redirect(ctx.request, post_url(req.membership.org_slug, found.topic.id, found.post.number));
}

awaitable<Response> hide_form(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::hide_post);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return render_reason(req, deps, std::get<store::PostInTopic>(loaded), "hide", "", {});
}

awaitable<Response> hide_post(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::hide_post);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  const auto& found = std::get<store::PostInTopic>(loaded);
  const auto form = read_reason(ctx.form);
  const auto problems = check_reason(form, "hide");
  if (!problems.empty()) {
    co_return render_reason(req, deps, found, "hide", form.reason, field_errors(ctx.t(), problems));
  }
  auto op =
      deps.service->hide(req.membership.org_id, found.topic.id, found.post.number, req.principal.user_id, form.reason);
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash("discussions.done.hidden");
  co_return http::redirect(ctx.request, post_url(req.membership.org_slug, found.topic.id, found.post.number));
}

awaitable<Response> unhide_post(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::unhide_post);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  const auto& found = std::get<store::PostInTopic>(loaded);
  auto op = deps.service->unhide(req.membership.org_id, found.topic.id, found.post.number, req.principal.user_id);
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash("discussions.done.shown");
  co_return http::redirect(ctx.request, post_url(req.membership.org_slug, found.topic.id, found.post.number));
}

}  // namespace roundtable::discussions::pages
