// The owner's About Me page, who can see it, its first words, and the page as others see it. The forms that add,
// change, move and delete items are in about_me_item_pages.cpp.
#include "about_me/about_me_pages.hpp"

#include <algorithm>
#include <string>

#include "about_me/about_me_page_parts.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/page_builder.hpp"

namespace roundtable::about_me::pages {

namespace {

namespace govuk = view::govuk;
using parts::item_label;
using parts::kBase;
using parts::kind_key;
using view::Html;

/// A small form with one button (move up or down), so ordering works without JavaScript.
void move_button(Html& h, const RequestContext& ctx, const core::Translator& t, const Item& item,
                 std::string_view label, bool up) {
  Html text;
  text.text(t(up ? "about_me.move_up" : "about_me.move_down"));
  text.raw("<span class=\"govuk-visually-hidden\">: ").text(label).raw("</span>");
  govuk::button_form(
      h, {.form = {.action = std::string(kBase) + "/items/" + std::to_string(item.id) + "/move",
                   .csrf_token = ctx.csrf_token},
          .hidden = {{"direction", up ? "up" : "down"}},
          .button = {.html = std::move(text), .classes = "govuk-button--secondary govuk-!-margin-bottom-0"}});
}

/// One item in a summary card: its name as the title with Change and Delete, then its kind beside the item itself
/// and the move buttons.
void item_card(Html& h, const RequestContext& ctx, const core::Translator& t, const OwnPage& page, size_t i) {
  const auto& item = page.items[i];
  const std::string label = item_label(t, item);
  const std::string item_url = std::string(kBase) + "/items/" + std::to_string(item.id);
  Html shown;
  parts::render_item(shown, t, item, 4, false);
  if (page.items.size() > 1) {
    shown.raw("<div class=\"govuk-button-group govuk-!-margin-bottom-0\">\n");
    if (i > 0) move_button(shown, ctx, t, item, label, true);
    if (i + 1 < page.items.size()) move_button(shown, ctx, t, item, label, false);
    shown.raw("</div>\n");
  }
  govuk::summary_list(
      h, {.rows = {{.key = {.text = std::string(t(kind_key(item.kind, "name")))}, .value = {.html = std::move(shown)}}},
          .card = govuk::SummaryCard{
              .title = govuk::SummaryCardTitle{.text = label, .heading_level = 3},
              .actions = {.items = {{.href = item_url, .text = std::string(t("about_me.change"))},
                                    {.href = item_url + "/delete", .text = std::string(t("about_me.delete"))}}},
              .attributes = {{"id", "item-" + std::to_string(item.id)}}}});
}

}  // namespace

awaitable<Response> own_page(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const long long me = ctx.principal->user_id;
  auto op = deps.service->own_page(me);
  auto page = co_await std::move(op);
  view::PageBuilder frame(ctx, *deps.assets, std::string(t("about_me.own.title")));
  frame.back_link("/account", std::string(t("about_me.back_to_account")));
  Html& h = frame.body();
  govuk::paragraph(h, t("about_me.own.lead"));
  std::string who(t("about_me.visibility." + std::string(visibility_code(page.settings.visibility)) + ".short"));
  if (page.settings.visibility != Visibility::only_me && !page.viewers.empty()) {
    who += "\n" + core::format(t("about_me.own.named_count"), {{"count", std::to_string(page.viewers.size())}});
  }
  const auto row = [&](std::string_view key, std::string_view value, std::string href) {
    // A paragraph keeps the person's line breaks (rt-pre-line) without the component's own around the value.
    Html shown;
    govuk::paragraph(shown, value, "govuk-body rt-pre-line");
    return govuk::SummaryListRow{.key = {.text = std::string(key)},
                                 .value = {.html = std::move(shown)},
                                 .actions = {.items = {{.href = std::move(href),
                                                        .text = std::string(t("about_me.change")),
                                                        .visually_hidden_text = std::string(key)}}}};
  };
  govuk::summary_list(h, {.rows = {row(t("about_me.own.who_can_see"), who, std::string(kBase) + "/visibility"),
                                   row(t("about_me.own.intro"),
                                       page.settings.intro.empty() ? t("about_me.own.intro_none") : page.settings.intro,
                                       std::string(kBase) + "/intro")}});
  if (!ctx.principal->memberships.empty()) {
    const auto& org = ctx.principal->memberships.front();
    govuk::link_paragraph(h, "/o/" + org.org_slug + "/people/" + std::to_string(me) + "/about-me",
                          t("about_me.own.preview"));
  }
  govuk::heading(h, 2, "m", t("about_me.own.items_title"));
  if (page.items.empty()) {
    Html ideas;
    govuk::paragraph(ideas, t("about_me.own.empty_lead"));
    govuk::list(ideas, {.items = {t("about_me.own.empty_important"), t("about_me.own.empty_support"),
                                  t("about_me.own.empty_likes"), t("about_me.own.empty_people")},
                        .bullet = true});
    govuk::inset_text(h, {.html = std::move(ideas)});
  }
  for (size_t i = 0; i < page.items.size(); ++i) item_card(h, ctx, t, page, i);
  govuk::heading(h, 2, "m", t("about_me.own.add_title"));
  govuk::List add;
  for (auto kind : kAllItemKinds) {
    Html link;
    govuk::link(link, std::string(kBase) + "/add/" + std::string(item_kind_code(kind)), t(kind_key(kind, "add_link")));
    add.items.emplace_back(std::move(link));
  }
  govuk::list(h, add);
  co_return frame.respond();
}

namespace {

Response visibility_page(RequestContext& ctx, const PagesDeps& deps, const OwnPage& page,
                         const std::vector<view::FieldError>& errors, std::string_view chosen, std::string_view email) {
  auto t = ctx.t();
  auto frame = parts::own_frame(ctx, deps, std::string(t("about_me.visibility.title")));
  const auto params = ctx.query_params();
  const auto named = params.value("named");
  if (named == "added") frame.success(t("about_me.named.added"));
  if (named == "removed") frame.success(t("about_me.named.removed"));
  frame.errors(t, errors);
  Html& h = frame.body();
  const std::string action = std::string(kBase) + "/visibility";
  govuk::form_start(h, {.action = action, .csrf_token = ctx.csrf_token});
  govuk::hidden(h, "action", "save");
  govuk::Radios radios{.name = "visibility",
                       .value = std::string(chosen),
                       .fieldset = govuk::Fieldset{.legend = {.text = std::string(t("about_me.visibility.legend")),
                                                              .classes = "govuk-fieldset__legend--s"}},
                       .error_message = view::field_error_message(t, errors, "visibility")};
  for (auto v : kAllVisibilities) {
    const std::string code(visibility_code(v));
    radios.items.push_back({.text = std::string(t("about_me.visibility." + code + ".label")),
                            .value = code,
                            .hint = {.text = std::string(t("about_me.visibility." + code + ".hint"))}});
  }
  govuk::radios(h, radios);
  govuk::button(h, {.text = std::string(t("about_me.save"))});
  govuk::form_end(h);
  govuk::heading(h, 2, "m", t("about_me.named.title"));
  govuk::paragraph(h, t("about_me.named.lead"));
  if (page.viewers.empty()) {
    govuk::paragraph(h, t("about_me.named.none"));
  } else {
    govuk::List viewers;
    for (const auto& v : page.viewers) {
      Html item;
      item.text(v.name).raw(" <span class=\"rt-secondary-text\">(").text(v.email).raw(")</span>\n");
      Html remove;
      remove.text(t("about_me.named.remove")).raw("<span class=\"govuk-visually-hidden\">: ").text(v.name);
      remove.raw("</span>");
      govuk::button_form(
          item, {.form = {.action = action, .csrf_token = ctx.csrf_token},
                 .hidden = {{"action", "remove"}, {"viewer", std::to_string(v.user_id)}},
                 .button = {.html = std::move(remove), .classes = "govuk-button--secondary govuk-!-margin-bottom-4"}});
      viewers.items.emplace_back(std::move(item));
    }
    govuk::list(h, viewers);
  }
  govuk::form_start(h, {.action = action, .csrf_token = ctx.csrf_token});
  govuk::hidden(h, "action", "add");
  govuk::input(h, {.id = "email",
                   .name = "email",
                   .type = "email",
                   .value = std::string(email),
                   .label = {.text = std::string(t("about_me.named.email")), .classes = "govuk-label--s"},
                   .hint = {.text = std::string(t("about_me.named.email_hint"))},
                   .error_message = view::field_error_message(t, errors, "email"),
                   .autocomplete = "off",
                   .spellcheck = false});
  govuk::button(h, {.text = std::string(t("about_me.named.add")), .classes = "govuk-button--secondary"});
  govuk::form_end(h);
  return frame.respond();
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
  ctx.set_flash("about_me.done.visibility");
  co_return http::redirect(ctx.request, std::string(kBase));
}

namespace {

Response intro_page(RequestContext& ctx, const PagesDeps& deps, std::string_view intro,
                    const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  auto frame = parts::own_frame(ctx, deps, std::string(t("about_me.intro.title")));
  frame.errors(t, errors);
  Html& h = frame.body();
  govuk::form_start(h, {.action = std::string(kBase) + "/intro", .csrf_token = ctx.csrf_token});
  govuk::textarea(h, {.id = "intro",
                      .name = "intro",
                      .value = std::string(intro),
                      .label = {.text = std::string(t("about_me.intro.label")), .classes = "govuk-label--s"},
                      .hint = {.text = std::string(t("about_me.intro.hint"))},
                      .error_message = view::field_error_message(t, errors, "intro")});
  govuk::button(h, {.text = std::string(t("about_me.save"))});
  govuk::form_end(h);
  return frame.respond();
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
  ctx.set_flash("about_me.done.intro");
  co_return http::redirect(ctx.request, std::string(kBase));
}

awaitable<Response> shared_page(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  const http::Membership* m = &req.membership;
  auto id = ctx.id_param();
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->shared_page(ctx.principal->user_id, m->org_id, *id);
  auto page = co_await std::move(op);
  if (!page) co_return deps.not_found(ctx);
  auto t = ctx.t();
  const bool own = page->owner_id == ctx.principal->user_id;
  view::PageBuilder frame(ctx, *deps.assets, core::format(t("about_me.shared.title"), {{"name", page->owner_name}}));
  if (own) {
    frame.back_link(std::string(kBase), std::string(t("about_me.back_to_page")));
  } else {
    frame.back_link("/o/" + m->org_slug + "/people/" + std::to_string(page->owner_id),
                    std::string(t("about_me.back_to_person")));
  }
  frame.caption(m->org_name);
  Html& h = frame.body();
  if (own) {
    govuk::inset_text(
        h, {.text = std::string(
                t("about_me.visibility." + std::string(visibility_code(page->settings.visibility)) + ".seen_by"))});
  }
  if (!page->settings.intro.empty()) govuk::paragraph(h, page->settings.intro, "govuk-body-l rt-pre-line");
  if (page->items.empty()) {
    govuk::paragraph(h, core::format(t("about_me.shared.empty"), {{"name", page->owner_name}}));
  }
  for (const auto& item : page->items) parts::render_item(h, t, item, 2);
  co_return frame.respond();
}

}  // namespace roundtable::about_me::pages
