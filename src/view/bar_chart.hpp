/// A horizontal bar chart as SVG that says what it shows: role="img" with a title and a description listing every
/// bar's words, and each bar carrying its words as text, so nothing rests on colour or length alone. Pages put a table
/// of the same numbers after it. Used by decisions' results and boards' dots.
#pragma once

#include <string>
#include <vector>

#include "view/html.hpp"

namespace roundtable::view {

/// One bar: the words it carries (its name and number, as the reader should hear them) and its value against the
/// chart's largest.
struct Bar {
  std::string label;
  long long value = 0;
  long long max = 0;
};

/// `id` makes the title's and description's ids ("<id>-title", "<id>-desc"), unique on the page.
void bar_chart(Html& h, const std::string& id, const std::string& title, const std::vector<Bar>& bars);

}  // namespace roundtable::view
