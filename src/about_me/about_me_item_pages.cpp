// The forms that add, change, move and delete what is on the owner's About Me page.
#include <string>
#include <variant>

#include "about_me/about_me_page_parts.hpp"
#include "about_me/about_me_pages.hpp"
#include "http/pipeline.hpp"
#include "view/file_upload.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/page_builder.hpp"
#include "view/recorder.hpp"

namespace roundtable::about_me::pages {

namespace {

namespace govuk = view::govuk;
using parts::kBase;
using parts::kind_key;
using view::Html;

/// The form's button and a Cancel link back to the page, side by side.
void buttons(Html& h, const core::Translator& t, const govuk::Button& button) {
  govuk::button_group_start(h);
  govuk::button(h, button);
  govuk::link(h, kBase, t("about_me.cancel"));
  govuk::button_group_end(h);
}

/// The add and change forms. existing: the item being changed (nullptr when adding).
Response item_page(RequestContext& ctx, const PagesDeps& deps, const ItemInput& in, const Item* existing,
                   const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  const std::string kind(item_kind_code(in.kind));
  auto frame = parts::own_frame(ctx, deps, std::string(t(kind_key(in.kind, existing ? "change_title" : "add_title"))));
  frame.errors(t, errors);
  Html& h = frame.body();
  if (!existing) govuk::paragraph(h, t(kind_key(in.kind, "lead")));
  if (existing && in.kind != ItemKind::text) {
    Html shown;
    parts::render_item(shown, t, *existing, 2);
    govuk::inset_text(h, {.html = std::move(shown)});
  }
  govuk::form_start(h, {.action = existing ? std::string(kBase) + "/items/" + std::to_string(existing->id)
                                           : std::string(kBase) + "/items",
                        .csrf_token = ctx.csrf_token,
                        .multipart = true});
  govuk::hidden(h, "kind", kind);
  const auto label = [&](std::string_view key) {
    return govuk::Label{.text = std::string(t(key)), .classes = "govuk-label--s"};
  };
  const auto hint = [&](std::string_view key) { return govuk::Hint{.text = std::string(t(key))}; };
  if (in.kind != ItemKind::text) {
    view::file_upload(h, t,
                      {.id = "file",
                       .name = "file",
                       .label = label(kind_key(in.kind, existing ? "replace_label" : "file_label")),
                       .hint = hint(kind_key(in.kind, "file_hint")),
                       .error_message = view::field_error_message(t, errors, "file"),
                       .attributes = {{"accept", in.kind == ItemKind::photo   ? "image/*"
                                                 : in.kind == ItemKind::audio ? "audio/*"
                                                                              : "video/*"}}});
  }
  if (in.kind == ItemKind::audio) view::recorder(h, t, "file");
  if (in.kind != ItemKind::photo) {
    govuk::input(h, {.id = "title",
                     .name = "title",
                     .value = in.title,
                     .label = label(kind_key(in.kind, "title_label")),
                     .hint = hint(kind_key(in.kind, "title_hint")),
                     .error_message = view::field_error_message(t, errors, "title")});
  }
  if (in.kind == ItemKind::text) {
    govuk::textarea(h, {.id = "body",
                        .name = "body",
                        .rows = 10,
                        .value = in.body,
                        .label = label("about_me.kind.text.body_label"),
                        .hint = hint("about_me.kind.text.body_hint"),
                        .error_message = view::field_error_message(t, errors, "body")});
  } else if (in.kind == ItemKind::photo) {
    govuk::textarea(h, {.id = "caption",
                        .name = "caption",
                        .rows = 3,
                        .value = in.caption,
                        .label = label("about_me.kind.photo.caption_label"),
                        .hint = hint("about_me.kind.photo.caption_hint"),
                        .error_message = view::field_error_message(t, errors, "caption")});
  } else {
    govuk::textarea(h, {.id = "transcript",
                        .name = "transcript",
                        .rows = 8,
                        .value = in.transcript,
                        .label = label(kind_key(in.kind, "transcript_label")),
                        .hint = hint(kind_key(in.kind, "transcript_hint")),
                        .error_message = view::field_error_message(t, errors, "transcript")});
  }
  buttons(h, t, {.text = std::string(t(existing ? "about_me.save" : "about_me.add_button"))});
  govuk::form_end(h);
  auto res = frame.respond();
  if (in.kind == ItemKind::audio) http::allow_microphone(res);
  return res;
}

ItemInput input_from_form(const RequestContext& ctx, ItemKind kind) {
  ItemInput in;
  in.kind = kind;
  in.title = std::string(ctx.form.value("title"));
  in.body = std::string(ctx.form.value("body"));
  in.caption = std::string(ctx.form.value("caption"));
  in.transcript = std::string(ctx.form.value("transcript"));
  return in;
}

struct Checked {
  std::vector<view::FieldError> errors;
  std::optional<uploads::Prepared> file;
};

/// Validates the fields and, for media kinds, checks and cleans the file (required when adding).
awaitable<Checked> check_item(RequestContext& ctx, const PagesDeps& deps, ItemInput& in, bool adding) {
  auto t = ctx.t();
  Checked out;
  std::optional<view::FieldError> file_error;
  if (in.kind != ItemKind::text) {
    const auto allowed = allowed_for(in.kind);
    if (const auto* file = ctx.file("file")) {
      auto op = deps.uploads->prepare(std::string(file->data), file->filename, allowed);
      auto prepared = co_await std::move(op);
      if (auto* refusal = std::get_if<uploads::Refusal>(&prepared)) {
        file_error = view::FieldError{"file", uploads::refusal_message(t, *refusal, allowed)};
      } else {
        out.file = std::move(std::get<uploads::Prepared>(prepared));
      }
    } else if (adding) {
      file_error = view::FieldError{"file", std::string(t(kind_key(in.kind, "file_missing")))};
    }
  }
  auto problems = validate_item(in);
  if (file_error) out.errors.push_back(*file_error);
  for (const auto& p : problems) out.errors.push_back({p.field, std::string(t(p.key))});
  if (!out.errors.empty() && out.file) {
    // Browsers cannot show a chosen file again, so the person is told to choose it again.
    out.errors.insert(out.errors.begin(), {"file", std::string(t("about_me.error.file_again"))});
    out.file.reset();
  }
  co_return out;
}

}  // namespace

awaitable<Response> add_form(RequestContext& ctx, const PagesDeps& deps) {
  auto kind = parse_item_kind(ctx.param("kind"));
  if (!kind) co_return deps.not_found(ctx);
  co_return item_page(ctx, deps, ItemInput{.kind = *kind}, nullptr, {});
}

awaitable<Response> add_item(RequestContext& ctx, const PagesDeps& deps) {
  auto kind = parse_item_kind(ctx.form.value("kind"));
  if (!kind) co_return deps.not_found(ctx);
  auto in = input_from_form(ctx, *kind);
  auto checked = co_await check_item(ctx, deps, in, true);
  if (!checked.errors.empty()) co_return item_page(ctx, deps, in, nullptr, checked.errors);
  auto op = deps.service->add_item(ctx.principal->user_id, in, std::move(checked.file));
  auto result = co_await std::move(op);
  if (result.too_many) {
    auto t = ctx.t();
    co_return item_page(ctx, deps, in, nullptr, {{"", std::string(t("about_me.error.too_many"))}});
  }
  ctx.set_flash("about_me.done.added");
  co_return http::redirect(ctx.request, std::string(kBase) + "#item-" + std::to_string(result.id));
}

namespace {

/// The signed-in person's item named by the {id} path parameter.
awaitable<std::optional<Item>> own_item(RequestContext& ctx, const PagesDeps& deps) {
  auto id = ctx.id_param();
  if (!id) co_return std::nullopt;
  auto op = deps.service->item(ctx.principal->user_id, *id);
  co_return co_await std::move(op);
}

ItemInput input_of(const Item& item) {
  return {.kind = item.kind,
          .title = item.title,
          .body = item.body,
          .caption = item.caption,
          .transcript = item.transcript};
}

}  // namespace

awaitable<Response> edit_form(RequestContext& ctx, const PagesDeps& deps) {
  auto item = co_await own_item(ctx, deps);
  if (!item) co_return deps.not_found(ctx);
  co_return item_page(ctx, deps, input_of(*item), &*item, {});
}

awaitable<Response> save_item(RequestContext& ctx, const PagesDeps& deps) {
  auto item = co_await own_item(ctx, deps);
  if (!item) co_return deps.not_found(ctx);
  auto in = input_from_form(ctx, item->kind);
  auto checked = co_await check_item(ctx, deps, in, false);
  if (!checked.errors.empty()) co_return item_page(ctx, deps, in, &*item, checked.errors);
  auto op = deps.service->update_item(ctx.principal->user_id, item->id, in, std::move(checked.file));
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash("about_me.done.saved");
  co_return http::redirect(ctx.request, std::string(kBase) + "#item-" + std::to_string(item->id));
}

awaitable<Response> delete_form(RequestContext& ctx, const PagesDeps& deps) {
  auto item = co_await own_item(ctx, deps);
  if (!item) co_return deps.not_found(ctx);
  auto t = ctx.t();
  auto frame = parts::own_frame(ctx, deps, std::string(t("about_me.delete_title")));
  Html& h = frame.body();
  Html shown;
  parts::render_item(shown, t, *item, 2);
  govuk::inset_text(h, {.html = std::move(shown)});
  govuk::paragraph(h, t("about_me.delete_body"));
  govuk::form_start(h, {.action = std::string(kBase) + "/items/" + std::to_string(item->id) + "/delete",
                        .csrf_token = ctx.csrf_token});
  buttons(h, t, {.text = std::string(t("about_me.delete_button")), .classes = "govuk-button--warning"});
  govuk::form_end(h);
  co_return frame.respond();
}

awaitable<Response> delete_item(RequestContext& ctx, const PagesDeps& deps) {
  auto id = ctx.id_param();
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->delete_item(ctx.principal->user_id, *id);
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash("about_me.done.deleted");
  co_return http::redirect(ctx.request, std::string(kBase));
}

awaitable<Response> move_item(RequestContext& ctx, const PagesDeps& deps) {
  auto id = ctx.id_param();
  if (!id) co_return deps.not_found(ctx);
  auto item_op = deps.service->item(ctx.principal->user_id, *id);
  if (!co_await std::move(item_op)) co_return deps.not_found(ctx);
  // A missing direction, or a move past the end, leaves the page as it was.
  if (auto d = parse_direction(ctx.form.value("direction"))) {
    auto op = deps.service->move_item(ctx.principal->user_id, *id, *d);
    co_await std::move(op);
  }
  ctx.set_flash("about_me.done.moved");
  co_return http::redirect(ctx.request, std::string(kBase) + "#item-" + std::to_string(*id));
}

}  // namespace roundtable::about_me::pages
