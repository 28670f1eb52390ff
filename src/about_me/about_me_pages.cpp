// The owner's About Me page, who can see it, its first words, and the page as others see it. The forms that add,
// change, move and delete items are in about_me_item_pages.cpp.
#include "about_me/about_me_pages.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

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
  // govuk-visually-hidden puts a no-break space before the hidden words itself: "Move up (What matters to me)", the
  // way the card's Change and Delete links say whose they are.
  govuk::visually_hidden(text, "(" + std::string(label) + ")");
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
    govuk::button_group_start(shown, "govuk-!-margin-bottom-0");
    if (i > 0) move_button(shown, ctx, t, item, label, true);
    if (i + 1 < page.items.size()) move_button(shown, ctx, t, item, label, false);
    govuk::button_group_end(shown);
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
    std::string names;
    for (const auto& v : page.viewers) names += (names.empty() ? "" : ", ") + display_name(v, page.viewers);
    who += "\n" + core::format(t("about_me.own.named_people"), {{"names", names}});
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

/// What the "who can see it" form holds: as saved when it is first shown, as sent when it is shown again.
struct SharingInput {
  std::string visibility;
  std::vector<long long> keep;
  std::string add;
};

/// The people the owner could add: everyone they may name who is not named yet.
std::vector<Viewer> addable(const SharingPage& page) {
  std::vector<Viewer> out;
  for (const auto& p : page.people) {
    const bool named =
        std::any_of(page.named.begin(), page.named.end(), [&](const Viewer& v) { return v.user_id == p.user_id; });
    if (!named) out.push_back(p);
  }
  return out;
}

/// The one form: who can see the page, the people named (ticked; untick to take off) and someone to add, saved
/// together with one button so no choice is lost.
Response visibility_page(RequestContext& ctx, const PagesDeps& deps, const SharingPage& page, const SharingInput& in,
                         const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  auto frame = parts::own_frame(ctx, deps, std::string(t("about_me.visibility.title")));
  frame.errors(t, errors);
  Html& h = frame.body();
  govuk::form_start(h, {.action = std::string(kBase) + "/visibility", .csrf_token = ctx.csrf_token});
  govuk::Radios radios{.name = "visibility",
                       .value = in.visibility,
                       .fieldset = govuk::Fieldset{.legend = {.text = std::string(t("about_me.visibility.legend")),
                                                              .classes = "govuk-fieldset__legend--m"}},
                       .error_message = view::field_error_message(t, errors, "visibility")};
  for (auto v : kAllVisibilities) {
    const std::string code(visibility_code(v));
    radios.items.push_back({.text = std::string(t("about_me.visibility." + code + ".label")),
                            .value = code,
                            .hint = {.text = std::string(t("about_me.visibility." + code + ".hint"))}});
  }
  govuk::radios(h, radios);
  // Names, never sign-in email addresses; the organisation is added when two people share a name.
  std::vector<Viewer> everyone = page.people;
  for (const auto& v : page.named) everyone.push_back(v);
  if (page.named.empty()) {
    govuk::heading(h, 2, "s", t("about_me.named.title"));
    govuk::paragraph(h, t("about_me.named.none"));
  } else {
    govuk::Checkboxes named{.name = "named",
                            .fieldset = govuk::Fieldset{.legend = {.text = std::string(t("about_me.named.title")),
                                                                   .classes = "govuk-fieldset__legend--s"}},
                            .hint = {.text = std::string(t("about_me.named.keep_hint"))},
                            .classes = "govuk-checkboxes--small"};
    for (const auto& v : page.named) {
      const bool kept = std::find(in.keep.begin(), in.keep.end(), v.user_id) != in.keep.end();
      named.items.push_back({.text = display_name(v, everyone), .value = std::to_string(v.user_id), .checked = kept});
    }
    govuk::checkboxes(h, named);
  }
  govuk::Select add{.id = "add",
                    .name = "add",
                    .value = in.add,
                    .label = {.text = std::string(t("about_me.named.add_label")), .classes = "govuk-label--s"},
                    .hint = {.text = std::string(t("about_me.named.add_hint"))},
                    .error_message = view::field_error_message(t, errors, "add")};
  add.items.push_back({.value = "", .text = std::string(t("about_me.named.add_nobody"))});
  for (const auto& p : addable(page)) {
    add.items.push_back({.value = std::to_string(p.user_id), .text = display_name(p, everyone)});
  }
  if (add.items.size() > 1) {
    govuk::select(h, add);
  } else {
    govuk::paragraph(h, t("about_me.named.nobody_to_add"));
  }
  govuk::button(h, {.text = std::string(t("about_me.save"))});
  govuk::form_end(h);
  return frame.respond();
}

/// A person's id as a form sends it (1 to 18 digits), or nullopt.
std::optional<long long> id_from(std::string_view value) {
  if (value.empty() || value.size() > 18 ||
      !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoll(std::string(value));
}

}  // namespace

awaitable<Response> visibility_form(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->sharing_page(ctx.principal->user_id);
  auto page = co_await std::move(op);
  SharingInput in{.visibility = std::string(visibility_code(page.settings.visibility))};
  for (const auto& v : page.named) in.keep.push_back(v.user_id);
  co_return visibility_page(ctx, deps, page, in, {});
}

awaitable<Response> save_visibility(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const long long me = ctx.principal->user_id;
  SharingInput in{.visibility = std::string(ctx.form.value("visibility")), .add = std::string(ctx.form.value("add"))};
  for (auto value : ctx.form.all("named")) {
    if (auto id = id_from(value)) in.keep.push_back(*id);
  }
  std::vector<view::FieldError> errors;
  const auto visibility = parse_visibility(in.visibility);
  const auto add = id_from(in.add);
  if (!visibility) errors.push_back({"visibility", std::string(t("about_me.error.visibility_missing"))});
  if (!in.add.empty() && !add) errors.push_back({"add", std::string(t("about_me.error.person_unknown"))});
  if (errors.empty()) {
    auto op = deps.service->save_sharing(me, {.visibility = *visibility, .keep = in.keep, .add = add});
    const auto outcome = co_await std::move(op);
    if (outcome == SharingOutcome::saved) {
      ctx.set_flash("about_me.done.visibility");
      co_return http::redirect(ctx.request, std::string(kBase));
    }
    errors.push_back(
        {"add", std::string(t(outcome == SharingOutcome::no_such_person ? "about_me.error.person_unknown"
                                                                        : "about_me.error.nobody_named"))});
  }
  auto op = deps.service->sharing_page(me);
  auto page = co_await std::move(op);
  // With nobody left to choose from there is no list: the problem is then the answer to the question.
  const bool can_add = !addable(page).empty();
  for (auto& e : errors) {
    if (e.field_id == "add" && !can_add) e.field_id = "visibility";
  }
  co_return visibility_page(ctx, deps, page, in, errors);
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
