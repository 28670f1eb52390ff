/// A region for a wide table: on a narrow screen it scrolls sideways (with the keyboard too, since it takes focus)
/// instead of pushing the page wider, says so in words above it, and shows a shadow at the edge that has more.
///
///   view::scroll_region_start(h, t, t("audit.title"));
///   govuk::TableWriter table(h, {...});
///   ...
///   view::scroll_region_end(h);
#pragma once

#include <string_view>

#include "core/i18n.hpp"
#include "view/html.hpp"

namespace roundtable::view {

/// label names the region for screen readers (usually the table's caption).
void scroll_region_start(Html& h, const core::Translator& t, std::string_view label);
void scroll_region_end(Html& h);

}  // namespace roundtable::view
