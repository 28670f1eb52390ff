/// "What happened next" on a contribution's page: what other modules did with it (module::FollowUp: on a meeting's
/// agenda, a card on a board, ...), each with its date and a link, so the people who raised it see what became of it
/// where they left it. Shared by every page that gathers follow-ups (a topic, a proposal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "module/follow_up.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::module {

/// Nothing when there are none; else a heading (`heading`, already in the reader's language; none when empty, under a
/// heading the page has already) and each follow-up.
inline void follow_ups_section(view::Html& h, const core::Translator& t, std::string_view heading,
                               const std::string& slug, const std::vector<FollowUp>& items) {
  namespace govuk = view::govuk;
  if (items.empty()) return;
  if (!heading.empty()) govuk::heading(h, 2, "m", heading);
  for (const auto& f : items) {
    govuk::paragraph(h, core::format(t(f.text_key), {{"what", f.what}, {"date", view::format_date(t, f.at)}}));
    if (!f.detail.empty()) {
      govuk::paragraph(h, core::format(t(f.detail_key), {{"detail", f.detail}}), "govuk-body rt-pre-line");
    }
    if (!f.href.empty()) govuk::link_paragraph(h, "/o/" + slug + f.href, t(f.link_key));
  }
}

}  // namespace roundtable::module
