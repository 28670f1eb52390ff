#include "view/scroll_region.hpp"

namespace roundtable::view {

void scroll_region_start(Html& h, const core::Translator& t, std::string_view label) {
  // The hint shows on narrow screens only (app.scss), where the table may be wider than the screen.
  h.raw("<p class=\"govuk-hint rt-table-scroll__hint\">").text(t("layout.table_scroll_hint")).raw("</p>\n");
  h.raw("<div class=\"rt-table-scroll\" role=\"region\" aria-label=\"").text(label).raw("\" tabindex=\"0\">\n");
}

void scroll_region_end(Html& h) { h.raw("</div>\n"); }

}  // namespace roundtable::view
