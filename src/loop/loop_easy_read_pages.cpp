// The easy-read versions of a group's "You said, we did" (signed in and public) and of "What happened to what I
// said": the same entries as the standard pages (loop_page_parts.hpp finds them, with the same rules), drawn in
// short lines of larger text, with a picture beside what the group did.
#include <initializer_list>

#include "loop/loop_page_parts.hpp"
#include "loop/loop_words.hpp"
#include "markdown/markdown.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::loop::pages {

namespace {

namespace govuk = view::govuk;
using view::Html;

using view::s;

constexpr std::string_view kLine = "govuk-body-l";

/// Text as one paragraph a line, with space between: easy read puts one idea on each line, and a writer's line breaks
/// say where.
void lines(Html& h, std::string_view text) {
  for (const auto line : easy_lines(text)) govuk::paragraph(h, line, kLine);
}

/// A picture of what happened (an arrow going on, a tick, a cross, a calendar), each a different shape so that
/// nothing rests on colour; its text equivalent is the status's name.
void status_picture(Html& h, const core::Translator& t, Status st) {
  h.raw("<svg class=\"rt-easy-read__icon rt-easy-read__icon--");
  switch (st) {
    case Status::under_way: h.raw("under-way"); break;
    case Status::changed: h.raw("changed"); break;
    case Status::decided_against: h.raw("decided-against"); break;
    case Status::not_now: h.raw("not-now"); break;
  }
  h.raw("\" viewBox=\"0 0 64 64\" width=\"64\" height=\"64\" role=\"img\" focusable=\"false\"><title>");
  h.text(status_name(t, st)).raw("</title>");
  switch (st) {
    case Status::under_way:
      h.raw("<circle cx=\"32\" cy=\"32\" r=\"28\"/><path d=\"M16 32h28M34 21l11 11-11 11\"/>");
      break;
    case Status::changed: h.raw("<circle cx=\"32\" cy=\"32\" r=\"28\"/><path d=\"M18 33l9 9 19-20\"/>"); break;
    case Status::decided_against:
      h.raw("<circle cx=\"32\" cy=\"32\" r=\"28\"/><path d=\"M22 22l20 20M42 22L22 42\"/>");
      break;
    case Status::not_now:
      h.raw("<rect x=\"8\" y=\"14\" width=\"48\" height=\"42\" rx=\"4\"/><path d=\"M8 27h48M20 8v12M44 8v12\"/>");
      break;
  }
  h.raw("</svg>\n");
}

/// One entry: what was said, then the picture beside what the group did, one idea a line.
void easy_entry(Html& h, const core::Translator& t, const Entry& e, const std::string& href, const std::string& group) {
  h.raw("<li class=\"rt-easy-read__item\">\n");
  govuk::paragraph(h, t("loop.easy.you_said"), "govuk-body-l govuk-!-font-weight-bold govuk-!-margin-bottom-2");
  if (e.said_easy_read_markdown && !e.said_easy_read.empty()) {
    // A proposal's easy-read wording is Markdown: drawn safely, in the page's larger text.
    h.raw("<div class=\"rt-easy-read__text\">\n");
    markdown::render(h, e.said_easy_read, {.top_heading_level = 3});
    h.raw("</div>\n");
  } else {
    lines(h, e.said_easy_read.empty() ? e.said : e.said_easy_read);
  }
  h.raw("<div class=\"rt-easy-read__did\">\n");
  status_picture(h, t, e.status);
  h.raw("<div>\n");
  govuk::paragraph(h, t("loop.easy.we_did"), "govuk-body-l govuk-!-font-weight-bold govuk-!-margin-bottom-2");
  for (const auto& line : we_did_easy(t, e.status, e.detail, e.easy_read, e.until)) lines(h, line);
  h.raw("</div>\n</div>\n");
  if (!group.empty()) govuk::paragraph(h, core::format(t("loop.easy.where"), {{"group", group}}), kLine);
  if (!href.empty()) {
    Html link;
    link.text(t("loop.easy.see"));
    govuk::visually_hidden(link, t("loop.entry.see_hidden"));
    Html line;
    govuk::link(line, href, std::move(link));
    govuk::paragraph(h, std::move(line), kLine);
  }
  h.raw("</li>\n");
}

/// The list, or a line saying there is nothing (yet, or more), then "Newest" and "Older".
void easy_list(Html& h, const core::Translator& t, const std::vector<Entry>& entries, bool links, bool mine,
               const std::string& base, bool has_before, const EntryPage& page) {
  if (entries.empty()) {
    govuk::paragraph(h, t(has_before ? "loop.list.no_more" : (mine ? "loop.easy.mine_none" : "loop.easy.none")), kLine);
    return;
  }
  h.raw("<ul class=\"govuk-list rt-easy-read\">\n");
  for (const auto& e : entries) {
    easy_entry(h, t, e, links ? timeline_url(e.org_slug, e.kind, e.id) : std::string(), mine ? e.group_name : "");
  }
  h.raw("</ul>\n");
  pagination(h, t, base, has_before, page);
}

/// Lines saying what the page is, in the order given.
void lead(Html& h, std::initializer_list<std::string> lines) {
  for (const auto& line : lines) govuk::paragraph(h, line, kLine);
}

Response group_easy_read(RequestContext& ctx, const PagesDeps& deps, FoundGroup& l, bool public_page) {
  auto t = ctx.t();
  const auto& g = l.found.group;
  const std::string list_url = l.group_url + "/you-said-we-did";
  auto page = page_builder(ctx, deps, s(t("loop.easy.group_title")));
  page.caption(g.name).back_link(l.group_url, s(t("loop.back_to_group")));
  Html& h = page.body();
  other_version_link(h, t, list_url, false);
  if (public_page) lead(h, {core::format(t("loop.easy.public_lead"), {{"org", g.org_name}})});
  lead(h, {s(t("loop.easy.group_lead_1")), s(t("loop.easy.group_lead_2")), s(t("loop.easy.newest_first"))});
  // Each entry's address in the organisation, for the group's people only.
  for (auto& e : l.found.page.entries) e.org_slug = g.org_slug;
  easy_list(h, t, l.found.page.entries, l.sees_contributions, false, list_url + "/easy-read", l.before.has_value(),
            l.found.page);
  return page.respond();
}

}  // namespace

awaitable<Response> group_page_easy_read(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_group(req, deps, Version::easy_read);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return group_easy_read(req.ctx, deps, std::get<FoundGroup>(loaded), false);
}

awaitable<Response> public_group_page_easy_read(RequestContext& ctx, const PagesDeps& deps) {
  auto loaded_op = load_public_group(ctx, deps);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return group_easy_read(ctx, deps, std::get<FoundGroup>(loaded), true);
}

awaitable<Response> mine_easy_read(RequestContext& ctx, const PagesDeps& deps) {
  auto loaded_op = load_mine(ctx, deps, Version::easy_read);
  const auto loaded = co_await std::move(loaded_op);
  if (!loaded) co_return deps.not_found(ctx);
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, s(t("loop.easy.mine_title")));
  page.back_link("/account", s(t("loop.back_to_account")));
  Html& h = page.body();
  other_version_link(h, t, "/account/what-happened", false);
  lead(h, {s(t("loop.easy.mine_lead_1")), s(t("loop.easy.mine_lead_2")), s(t("loop.easy.newest_first"))});
  easy_list(h, t, loaded->page.entries, true, true, "/account/what-happened/easy-read", loaded->before.has_value(),
            loaded->page);
  co_return page.respond();
}

}  // namespace roundtable::loop::pages
