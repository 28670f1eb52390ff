#include "about_me/about_me_page_parts.hpp"

#include <algorithm>

#include "view/govuk/govuk.hpp"
#include "view/recorder.hpp"

namespace roundtable::about_me::pages::parts {

namespace govuk = view::govuk;
using view::Html;

std::string kind_key(ItemKind k, std::string_view what) {
  std::string key = "about_me.kind.";
  key.append(item_kind_code(k)).append(".").append(what);
  return key;
}

std::string item_label(const core::Translator& t, const Item& item) {
  if (!item.title.empty()) return item.title;
  if (item.kind == ItemKind::photo && !item.caption.empty()) return item.caption;
  return std::string(t(kind_key(item.kind, "name")));
}

namespace {

void transcript_details(Html& h, const core::Translator& t, const Item& item) {
  if (item.transcript.empty()) return;
  // Several players can be on one page: the hidden words say whose transcript each one is.
  Html summary;
  summary.text(t("about_me.transcript_summary"));
  // No space of our own before the dash: govuk-visually-hidden adds a no-break space (::before).
  govuk::visually_hidden(summary, "– " + item_label(t, item));
  Html text;
  govuk::paragraph(text, item.transcript, "govuk-body rt-pre-line");
  govuk::details(h, {.summary_html = std::move(summary), .html = std::move(text)});
}

}  // namespace

void render_item(Html& h, const core::Translator& t, const Item& item, int heading_level, bool show_title) {
  switch (item.kind) {
    case ItemKind::text:
      if (show_title && !item.title.empty()) govuk::heading(h, heading_level, "m", item.title);
      govuk::paragraph(h, item.body, "govuk-body rt-pre-line");
      break;
    case ItemKind::photo:
      // No component shows a picture: a figure, its description underneath and as the alternative text.
      h.raw("<figure class=\"rt-about-me__figure govuk-!-margin-left-0 govuk-!-margin-right-0\">\n");
      h.raw("<img class=\"rt-about-me__media\" src=\"").text(item.file_url).raw("\" alt=\"").text(item.caption);
      h.raw("\">\n<figcaption class=\"govuk-body-s govuk-!-margin-top-2\">").text(item.caption);
      h.raw("</figcaption>\n</figure>\n");
      break;
    case ItemKind::audio:
    case ItemKind::video: {
      const bool audio = item.kind == ItemKind::audio;
      if (show_title) govuk::heading(h, heading_level, "m", item.title);
      view::media_player(h, {.url = item.file_url,
                             .mime = item.file_mime,
                             .video = !audio,
                             .label = item.title,
                             .link_text = std::string(t(kind_key(item.kind, "download")))});
      transcript_details(h, t, item);
      break;
    }
  }
}

view::PageBuilder own_frame(const RequestContext& ctx, const PagesDeps& deps, std::string title) {
  view::PageBuilder page(ctx, *deps.assets, std::move(title));
  page.back_link(std::string(kBase), std::string(ctx.t()("about_me.back_to_page")));
  return page;
}

}  // namespace roundtable::about_me::pages::parts
