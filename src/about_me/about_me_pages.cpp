#include "about_me/about_me_pages.hpp"

#include <algorithm>
#include <string>
#include <variant>

#include "people/pages_common.hpp"
#include "view/forms.hpp"
#include "view/html.hpp"
#include "view/page.hpp"

namespace roundtable::about_me::pages {

namespace {

using view::Html;

constexpr const char* kBase = "/account/about-me";

Response respond(const RequestContext& ctx, const PagesDeps& deps, std::string title, const Html& h,
                 bool has_errors = false) {
  auto p = view::page_for(ctx, std::move(title));
  p.has_errors = has_errors;
  return view::html_page(ctx, *deps.assets, p, h, has_errors ? http::Status::bad_request : http::Status::ok);
}

std::optional<long long> id_param(const RequestContext& ctx, std::string_view name) {
  auto id = ctx.param(name);
  if (id.empty() || id.size() > 18 || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoll(std::string(id));
}

std::string kind_key(ItemKind k, std::string_view what) {
  return "about_me.kind." + std::string(item_kind_code(k)) + "." + std::string(what);
}

/// What an item is called on the owner's page: its title, or for a photo its caption, or the kind's name.
std::string item_label(const core::Translator& t, const Item& item) {
  if (!item.title.empty()) return item.title;
  if (item.kind == ItemKind::photo && !item.caption.empty()) return item.caption;
  return std::string(t(kind_key(item.kind, "name")));
}

void back_link(Html& h, const core::Translator& t, std::string_view href, std::string_view key) {
  h.raw("<a href=\"").text(href).raw("\" class=\"govuk-back-link\">").text(t(key)).raw("</a>\n");
}

void open_column(Html& h) { h.raw("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n"); }
void close_column(Html& h) { h.raw("</div></div>\n"); }

void transcript_details(Html& h, const core::Translator& t, const Item& item) {
  if (item.transcript.empty()) return;
  h.raw("<details class=\"govuk-details\">\n<summary class=\"govuk-details__summary\">");
  h.raw("<span class=\"govuk-details__summary-text\">").text(t("about_me.transcript_summary"));
  h.raw("<span class=\"govuk-visually-hidden\"> – ").text(item_label(t, item)).raw("</span></span></summary>\n");
  h.raw("<div class=\"govuk-details__text rt-pre-line\">").text(item.transcript).raw("</div>\n</details>\n");
}

/// The item itself: words as paragraphs, a photo with its description, a player with its transcript.
void render_item(Html& h, const core::Translator& t, const Item& item, std::string_view heading_tag,
                 bool show_title = true) {
  const auto heading = [&](std::string_view text) {
    if (!show_title) return;
    h.raw("<").text(heading_tag).raw(" class=\"govuk-heading-m\">").text(text).raw("</").text(heading_tag).raw(">\n");
  };
  switch (item.kind) {
    case ItemKind::text:
      if (!item.title.empty()) heading(item.title);
      h.raw("<p class=\"govuk-body rt-pre-line\">").text(item.body).raw("</p>\n");
      break;
    case ItemKind::photo:
      h.raw("<figure class=\"rt-about-me__figure govuk-!-margin-left-0 govuk-!-margin-right-0\">\n");
      h.raw("<img class=\"rt-about-me__media\" src=\"").text(item.file_url).raw("\" alt=\"").text(item.caption);
      h.raw("\">\n<figcaption class=\"govuk-body-s govuk-!-margin-top-2\">").text(item.caption);
      h.raw("</figcaption>\n</figure>\n");
      break;
    case ItemKind::audio:
    case ItemKind::video: {
      const bool audio = item.kind == ItemKind::audio;
      heading(item.title);
      h.raw_if(audio, "<audio", "<video").raw(" class=\"rt-about-me__media\" controls preload=\"none\"");
      h.raw(" aria-label=\"").text(item.title).raw("\">\n");
      h.raw("<source src=\"").text(item.file_url).raw("\"");
      if (!item.file_mime.empty()) h.raw(" type=\"").text(item.file_mime).raw("\"");
      h.raw(">\n<a class=\"govuk-link\" href=\"").text(item.file_url).raw("\">");
      h.text(t(kind_key(item.kind, "download"))).raw("</a>\n");
      h.raw_if(audio, "</audio>\n", "</video>\n");
      transcript_details(h, t, item);
      break;
    }
  }
}

std::string_view done_key(std::string_view done) {
  if (done == "added") return "about_me.done.added";
  if (done == "saved") return "about_me.done.saved";
  if (done == "deleted") return "about_me.done.deleted";
  if (done == "moved") return "about_me.done.moved";
  if (done == "visibility") return "about_me.done.visibility";
  if (done == "intro") return "about_me.done.intro";
  return {};
}

/// A small form with one button (move up or down), so ordering works without JavaScript.
void move_button(Html& h, const RequestContext& ctx, const core::Translator& t, const Item& item,
                 std::string_view direction) {
  h.raw("<form method=\"post\" action=\"").text(kBase).raw("/items/").number(item.id).raw("/move\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  h.raw("<input type=\"hidden\" name=\"direction\" value=\"").text(direction).raw("\">\n");
  h.raw(
      "<button type=\"submit\" class=\"govuk-button govuk-button--secondary govuk-!-margin-bottom-0\" "
      "data-module=\"govuk-button\">");
  h.text(t(direction == "up" ? "about_me.move_up" : "about_me.move_down"));
  h.raw("<span class=\"govuk-visually-hidden\">: ").text(item_label(t, item)).raw("</span></button>\n</form>\n");
}

}  // namespace

awaitable<Response> own_page(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const long long me = ctx.principal->user_id;
  auto op = deps.service->own_page(me);
  auto page = co_await std::move(op);
  Html h;
  back_link(h, t, "/account", "about_me.back_to_account");
  open_column(h);
  if (auto key = done_key(ctx.query_params().value("done")); !key.empty()) {
    people::pages::success_banner(h, t, t(key));
  }
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("about_me.own.title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("about_me.own.lead")).raw("</p>\n");
  h.raw("<dl class=\"govuk-summary-list\">\n");
  const auto row = [&](std::string_view key, std::string_view value, std::string_view href) {
    h.raw("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").text(key);
    h.raw("</dt><dd class=\"govuk-summary-list__value rt-pre-line\">").text(value);
    h.raw("</dd><dd class=\"govuk-summary-list__actions\"><a class=\"govuk-link\" href=\"").text(href).raw("\">");
    h.text(t("about_me.change"))
        .raw("<span class=\"govuk-visually-hidden\"> ")
        .text(key)
        .raw("</span></a></dd></div>\n");
  };
  std::string who(t("about_me.visibility." + std::string(visibility_code(page.settings.visibility)) + ".short"));
  if (page.settings.visibility != Visibility::only_me && !page.viewers.empty()) {
    who += "\n" + core::format(t("about_me.own.named_count"), {{"count", std::to_string(page.viewers.size())}});
  }
  row(t("about_me.own.who_can_see"), who, std::string(kBase) + "/visibility");
  row(t("about_me.own.intro"),
      page.settings.intro.empty() ? std::string(t("about_me.own.intro_none")) : page.settings.intro,
      std::string(kBase) + "/intro");
  h.raw("</dl>\n");
  if (!ctx.principal->memberships.empty()) {
    const auto& org = ctx.principal->memberships.front();
    h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/o/").text(org.org_slug).raw("/people/").number(me);
    h.raw("/about-me\">").text(t("about_me.own.preview")).raw("</a></p>\n");
  }
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("about_me.own.items_title")).raw("</h2>\n");
  if (page.items.empty()) {
    h.raw("<div class=\"govuk-inset-text\">\n<p class=\"govuk-body\">").text(t("about_me.own.empty_lead"));
    h.raw("</p>\n<ul class=\"govuk-list govuk-list--bullet\">\n");
    for (const char* key : {"about_me.own.empty_important", "about_me.own.empty_support", "about_me.own.empty_likes",
                            "about_me.own.empty_people"}) {
      h.raw("<li>").text(t(key)).raw("</li>\n");
    }
    h.raw("</ul>\n</div>\n");
  }
  for (size_t i = 0; i < page.items.size(); ++i) {
    const auto& item = page.items[i];
    const std::string label = item_label(t, item);
    const std::string item_url = std::string(kBase) + "/items/" + std::to_string(item.id);
    h.raw("<div class=\"govuk-summary-card\" id=\"item-").number(item.id).raw("\">\n");
    h.raw("<div class=\"govuk-summary-card__title-wrapper\">\n<h3 class=\"govuk-summary-card__title\">");
    h.raw("<span class=\"govuk-caption-s\">").text(t(kind_key(item.kind, "name"))).raw("</span>").text(label);
    h.raw("</h3>\n<ul class=\"govuk-summary-card__actions\">\n");
    h.raw("<li class=\"govuk-summary-card__action\"><a class=\"govuk-link\" href=\"").text(item_url).raw("\">");
    h.text(t("about_me.change")).raw("<span class=\"govuk-visually-hidden\">: ").text(label).raw("</span></a></li>\n");
    h.raw("<li class=\"govuk-summary-card__action\"><a class=\"govuk-link\" href=\"").text(item_url);
    h.raw("/delete\">").text(t("about_me.delete"));
    h.raw("<span class=\"govuk-visually-hidden\">: ").text(label).raw("</span></a></li>\n</ul>\n</div>\n");
    h.raw("<div class=\"govuk-summary-card__content\">\n");
    render_item(h, t, item, "h4", false);
    if (page.items.size() > 1) {
      h.raw("<div class=\"govuk-button-group govuk-!-margin-bottom-0\">\n");
      if (i > 0) move_button(h, ctx, t, item, "up");
      if (i + 1 < page.items.size()) move_button(h, ctx, t, item, "down");
      h.raw("</div>\n");
    }
    h.raw("</div>\n</div>\n");
  }
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("about_me.own.add_title")).raw("</h2>\n");
  h.raw("<ul class=\"govuk-list\">\n");
  for (auto kind : kAllItemKinds) {
    h.raw("<li><a class=\"govuk-link\" href=\"").text(kBase).raw("/add/").text(item_kind_code(kind)).raw("\">");
    h.text(t(kind_key(kind, "add_link"))).raw("</a></li>\n");
  }
  h.raw("</ul>\n");
  close_column(h);
  co_return respond(ctx, deps, std::string(t("about_me.own.title")), h);
}

namespace {

Response visibility_page(RequestContext& ctx, const PagesDeps& deps, const OwnPage& page,
                         const std::vector<view::FieldError>& errors, std::string_view chosen, std::string_view email) {
  auto t = ctx.t();
  Html h;
  back_link(h, t, kBase, "about_me.back_to_page");
  open_column(h);
  if (ctx.query_params().value("named") == "added") people::pages::success_banner(h, t, t("about_me.named.added"));
  if (ctx.query_params().value("named") == "removed") {
    people::pages::success_banner(h, t, t("about_me.named.removed"));
  }
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("about_me.visibility.title")).raw("</h1>\n");
  h.raw("<form method=\"post\" action=\"").text(kBase).raw("/visibility\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  h.raw("<input type=\"hidden\" name=\"action\" value=\"save\">\n");
  view::ChoiceField f{.id = "visibility",
                      .name = "visibility",
                      .legend = std::string(t("about_me.visibility.legend")),
                      .error = std::string(view::error_for(errors, "visibility"))};
  for (auto v : kAllVisibilities) {
    const std::string code(visibility_code(v));
    f.choices.push_back({code, std::string(t("about_me.visibility." + code + ".label")),
                         std::string(t("about_me.visibility." + code + ".hint")), chosen == code});
  }
  view::radios(h, t, f);
  view::button(h, t("about_me.save"));
  h.raw("</form>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("about_me.named.title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("about_me.named.lead")).raw("</p>\n");
  if (page.viewers.empty()) {
    h.raw("<p class=\"govuk-body\">").text(t("about_me.named.none")).raw("</p>\n");
  } else {
    h.raw("<ul class=\"govuk-list\">\n");
    for (const auto& v : page.viewers) {
      h.raw("<li class=\"govuk-!-margin-bottom-4\">").text(v.name).raw(" <span class=\"rt-secondary-text\">(");
      h.text(v.email).raw(")</span>\n<form method=\"post\" action=\"").text(kBase).raw("/visibility\" novalidate>\n");
      view::csrf_field(h, ctx.csrf_token);
      h.raw("<input type=\"hidden\" name=\"action\" value=\"remove\">\n");
      h.raw("<input type=\"hidden\" name=\"viewer\" value=\"").number(v.user_id).raw("\">\n");
      h.raw(
          "<button type=\"submit\" class=\"govuk-button govuk-button--secondary govuk-!-margin-bottom-0\" "
          "data-module=\"govuk-button\">");
      h.text(t("about_me.named.remove")).raw("<span class=\"govuk-visually-hidden\">: ").text(v.name);
      h.raw("</span></button>\n</form>\n</li>\n");
    }
    h.raw("</ul>\n");
  }
  h.raw("<form method=\"post\" action=\"").text(kBase).raw("/visibility\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  h.raw("<input type=\"hidden\" name=\"action\" value=\"add\">\n");
  view::input(h, t,
              {.id = "email",
               .label = std::string(t("about_me.named.email")),
               .hint = std::string(t("about_me.named.email_hint")),
               .value = std::string(email),
               .error = std::string(view::error_for(errors, "email")),
               .type = "email",
               .autocomplete = "off",
               .spellcheck_off = true});
  view::button(h, t("about_me.named.add"), "secondary");
  h.raw("</form>\n");
  close_column(h);
  return respond(ctx, deps, std::string(t("about_me.visibility.title")), h, !errors.empty());
}

}  // namespace

awaitable<Response> visibility_form(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->own_page(ctx.principal->user_id);
  auto page = co_await std::move(op);
  co_return visibility_page(ctx, deps, page, {}, visibility_code(page.settings.visibility), "");
}

awaitable<Response> save_visibility(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const long long me = ctx.principal->user_id;
  const auto action = ctx.form.value("action");
  if (action == "remove") {
    auto viewer = ctx.form.value("viewer");
    if (!viewer.empty() && viewer.size() <= 18 &&
        std::all_of(viewer.begin(), viewer.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      auto op = deps.service->remove_viewer(me, std::stoll(std::string(viewer)));
      co_await std::move(op);
    }
    co_return http::redirect(ctx.request, std::string(kBase) + "/visibility?named=removed");
  }
  if (action == "add") {
    const std::string email = tidy(ctx.form.value("email"));
    std::string error_key;
    if (email.empty()) {
      error_key = "about_me.error.email_missing";
    } else if (email.size() > 320 || email.find('@') == std::string::npos) {
      error_key = "about_me.error.email_format";
    } else {
      auto op = deps.service->add_viewer(me, email);
      auto outcome = co_await std::move(op);
      if (outcome == AddViewerOutcome::added) {
        co_return http::redirect(ctx.request, std::string(kBase) + "/visibility?named=added");
      }
      error_key =
          outcome == AddViewerOutcome::yourself ? "about_me.error.email_yourself" : "about_me.error.email_unknown";
    }
    auto op = deps.service->own_page(me);
    auto page = co_await std::move(op);
    co_return visibility_page(ctx, deps, page, {{"email", std::string(t(error_key))}},
                              visibility_code(page.settings.visibility), email);
  }
  auto v = parse_visibility(ctx.form.value("visibility"));
  if (!v) {
    auto op = deps.service->own_page(me);
    auto page = co_await std::move(op);
    co_return visibility_page(ctx, deps, page, {{"visibility", std::string(t("about_me.error.visibility_missing"))}},
                              "", "");
  }
  auto op = deps.service->set_visibility(me, *v);
  co_await std::move(op);
  co_return http::redirect(ctx.request, std::string(kBase) + "?done=visibility");
}

namespace {

Response intro_page(RequestContext& ctx, const PagesDeps& deps, std::string_view intro,
                    const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  Html h;
  back_link(h, t, kBase, "about_me.back_to_page");
  open_column(h);
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("about_me.intro.title")).raw("</h1>\n");
  h.raw("<form method=\"post\" action=\"").text(kBase).raw("/intro\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  view::textarea(h, t,
                 {.id = "intro",
                  .label = std::string(t("about_me.intro.label")),
                  .hint = std::string(t("about_me.intro.hint")),
                  .value = std::string(intro),
                  .error = std::string(view::error_for(errors, "intro"))});
  view::button(h, t("about_me.save"));
  h.raw("</form>\n");
  close_column(h);
  return respond(ctx, deps, std::string(t("about_me.intro.title")), h, !errors.empty());
}

}  // namespace

awaitable<Response> intro_form(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->own_page(ctx.principal->user_id);
  auto page = co_await std::move(op);
  co_return intro_page(ctx, deps, page.settings.intro, {});
}

awaitable<Response> save_intro(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  std::string intro(ctx.form.value("intro"));
  auto problems = validate_intro(intro);
  if (!problems.empty()) {
    co_return intro_page(ctx, deps, intro, {{problems.front().field, std::string(t(problems.front().key))}});
  }
  auto op = deps.service->set_intro(ctx.principal->user_id, intro);
  co_await std::move(op);
  co_return http::redirect(ctx.request, std::string(kBase) + "?done=intro");
}

namespace {

/// The add and change forms. existing: the item being changed (nullptr when adding).
Response item_page(RequestContext& ctx, const PagesDeps& deps, const ItemInput& in, const Item* existing,
                   const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  const std::string kind(item_kind_code(in.kind));
  const std::string title(t(existing ? kind_key(in.kind, "change_title") : kind_key(in.kind, "add_title")));
  Html h;
  back_link(h, t, kBase, "about_me.back_to_page");
  open_column(h);
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(title).raw("</h1>\n");
  if (!existing) h.raw("<p class=\"govuk-body\">").text(t(kind_key(in.kind, "lead"))).raw("</p>\n");
  if (existing && in.kind != ItemKind::text) {
    h.raw("<div class=\"govuk-inset-text\">\n");
    render_item(h, t, *existing, "h2");
    h.raw("</div>\n");
  }
  const std::string action =
      existing ? std::string(kBase) + "/items/" + std::to_string(existing->id) : std::string(kBase) + "/items";
  h.raw("<form method=\"post\" action=\"").text(action).raw("\" enctype=\"multipart/form-data\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  h.raw("<input type=\"hidden\" name=\"kind\" value=\"").text(kind).raw("\">\n");
  if (in.kind != ItemKind::text) {
    view::file_upload(h, t,
                      {.id = "file",
                       .label = std::string(t(kind_key(in.kind, existing ? "replace_label" : "file_label"))),
                       .hint = std::string(t(kind_key(in.kind, "file_hint"))),
                       .error = std::string(view::error_for(errors, "file")),
                       .accept = in.kind == ItemKind::photo   ? "image/*"
                                 : in.kind == ItemKind::audio ? "audio/*"
                                                              : "video/*"});
  }
  if (in.kind != ItemKind::photo) {
    view::input(h, t,
                {.id = "title",
                 .label = std::string(t(kind_key(in.kind, "title_label"))),
                 .hint = std::string(t(kind_key(in.kind, "title_hint"))),
                 .value = in.title,
                 .error = std::string(view::error_for(errors, "title"))});
  }
  if (in.kind == ItemKind::text) {
    view::textarea(h, t,
                   {.id = "body",
                    .label = std::string(t("about_me.kind.text.body_label")),
                    .hint = std::string(t("about_me.kind.text.body_hint")),
                    .value = in.body,
                    .error = std::string(view::error_for(errors, "body")),
                    .rows = 10});
  } else if (in.kind == ItemKind::photo) {
    view::textarea(h, t,
                   {.id = "caption",
                    .label = std::string(t("about_me.kind.photo.caption_label")),
                    .hint = std::string(t("about_me.kind.photo.caption_hint")),
                    .value = in.caption,
                    .error = std::string(view::error_for(errors, "caption")),
                    .rows = 3});
  } else {
    view::textarea(h, t,
                   {.id = "transcript",
                    .label = std::string(t(kind_key(in.kind, "transcript_label"))),
                    .hint = std::string(t(kind_key(in.kind, "transcript_hint"))),
                    .value = in.transcript,
                    .error = std::string(view::error_for(errors, "transcript")),
                    .rows = 8});
  }
  h.raw("<div class=\"govuk-button-group\">\n");
  view::button(h, t(existing ? "about_me.save" : "about_me.add_button"));
  h.raw("<a class=\"govuk-link\" href=\"").text(kBase).raw("\">").text(t("about_me.cancel")).raw("</a>\n</div>\n");
  h.raw("</form>\n");
  close_column(h);
  return respond(ctx, deps, title, h, !errors.empty());
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
  co_return http::redirect(ctx.request, std::string(kBase) + "?done=added#item-" + std::to_string(result.id));
}

namespace {

/// The signed-in person's item named by the {id} path parameter.
awaitable<std::optional<Item>> own_item(RequestContext& ctx, const PagesDeps& deps) {
  auto id = id_param(ctx, "id");
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
  co_return http::redirect(ctx.request, std::string(kBase) + "?done=saved#item-" + std::to_string(item->id));
}

awaitable<Response> delete_form(RequestContext& ctx, const PagesDeps& deps) {
  auto item = co_await own_item(ctx, deps);
  if (!item) co_return deps.not_found(ctx);
  auto t = ctx.t();
  Html h;
  back_link(h, t, kBase, "about_me.back_to_page");
  open_column(h);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("about_me.delete_title")).raw("</h1>\n");
  h.raw("<div class=\"govuk-inset-text\">\n");
  render_item(h, t, *item, "h2");
  h.raw("</div>\n<p class=\"govuk-body\">").text(t("about_me.delete_body")).raw("</p>\n");
  h.raw("<form method=\"post\" action=\"").text(kBase).raw("/items/").number(item->id).raw("/delete\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  h.raw("<div class=\"govuk-button-group\">\n");
  view::button(h, t("about_me.delete_button"), "warning");
  h.raw("<a class=\"govuk-link\" href=\"").text(kBase).raw("\">").text(t("about_me.cancel")).raw("</a>\n</div>\n");
  h.raw("</form>\n");
  close_column(h);
  co_return respond(ctx, deps, std::string(t("about_me.delete_title")), h);
}

awaitable<Response> delete_item(RequestContext& ctx, const PagesDeps& deps) {
  auto id = id_param(ctx, "id");
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->delete_item(ctx.principal->user_id, *id);
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  co_return http::redirect(ctx.request, std::string(kBase) + "?done=deleted");
}

awaitable<Response> move_item(RequestContext& ctx, const PagesDeps& deps) {
  auto id = id_param(ctx, "id");
  if (!id) co_return deps.not_found(ctx);
  auto item_op = deps.service->item(ctx.principal->user_id, *id);
  if (!co_await std::move(item_op)) co_return deps.not_found(ctx);
  // A missing direction, or a move past the end, leaves the page as it was.
  if (auto d = parse_direction(ctx.form.value("direction"))) {
    auto op = deps.service->move_item(ctx.principal->user_id, *id, *d);
    co_await std::move(op);
  }
  co_return http::redirect(ctx.request, std::string(kBase) + "?done=moved#item-" + std::to_string(*id));
}

awaitable<Response> shared_page(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  const http::Membership* m = &req.membership;
  auto id = id_param(ctx, "id");
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->shared_page(ctx.principal->user_id, m->org_id, *id);
  auto page = co_await std::move(op);
  if (!page) co_return deps.not_found(ctx);
  auto t = ctx.t();
  const bool own = page->owner_id == ctx.principal->user_id;
  const std::string title = core::format(t("about_me.shared.title"), {{"name", page->owner_name}});
  Html h;
  if (own) {
    back_link(h, t, kBase, "about_me.back_to_page");
  } else {
    back_link(h, t, "/o/" + m->org_slug + "/people/" + std::to_string(page->owner_id), "about_me.back_to_person");
  }
  open_column(h);
  if (own) {
    h.raw("<div class=\"govuk-inset-text\">");
    h.text(t("about_me.visibility." + std::string(visibility_code(page->settings.visibility)) + ".seen_by"));
    h.raw("</div>\n");
  }
  h.raw("<span class=\"govuk-caption-l\">").text(m->org_name).raw("</span>\n");
  h.raw("<h1 class=\"govuk-heading-l\">").text(title).raw("</h1>\n");
  if (!page->settings.intro.empty()) {
    h.raw("<p class=\"govuk-body-l rt-pre-line\">").text(page->settings.intro).raw("</p>\n");
  }
  if (page->items.empty()) {
    h.raw("<p class=\"govuk-body\">").text(core::format(t("about_me.shared.empty"), {{"name", page->owner_name}}));
    h.raw("</p>\n");
  }
  for (const auto& item : page->items) render_item(h, t, item, "h2");
  close_column(h);
  co_return respond(ctx, deps, title, h);
}

}  // namespace roundtable::about_me::pages
