// Compiled by the ctest "html_raw_takes_only_literals" twice: as is it must compile, and with -DRUNTIME_STRING it
// must not, because Html::raw() takes only markup written as a literal (view::Markup has consteval constructors).
#include <string>
#include <string_view>

#include "view/html.hpp"

int main(int argc, char** argv) {
  roundtable::view::Html h;
  h.raw("<p>").text(argc > 1 ? argv[1] : "").raw("</p>");
  h.raw_if(argc > 2, " class=\"x\"");
#ifdef RUNTIME_STRING
  const std::string from_user = argc > 1 ? argv[1] : "<script>";
  h.raw(from_user);
#endif
#ifdef RUNTIME_VIEW
  const std::string_view view = argc > 1 ? argv[1] : "<script>";
  h.raw(view);
#endif
#ifdef RUNTIME_CHOICE
  h.raw(argc > 1 ? "<b>" : "<i>");
#endif
  return h.empty() ? 1 : 0;
}
