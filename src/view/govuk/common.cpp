#include "view/govuk/common.hpp"

#include <stdexcept>

namespace roundtable::view::govuk::detail {

void check_attribute_name(std::string_view name) {
  if (name.empty()) throw std::invalid_argument("empty HTML attribute name");
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) throw std::invalid_argument("unsafe HTML attribute name: " + std::string(name));
  }
}

void put_attributes(Html& h, const Attributes& attributes) {
  for (const auto& a : attributes) {
    check_attribute_name(a.name);
    h.raw(" ").text(a.name).raw("=\"").text(a.value).raw("\"");
  }
}

void put_i18n(Html& h, Markup key, std::string_view message) {
  if (!message.empty()) h.raw(" data-i18n.").raw(key).raw("=\"").text(message).raw("\"");
}

void put_i18n(Html& h, Markup key, const PluralMessages& m) {
  const auto form = [&](Markup name, const std::string& message) {
    if (!message.empty()) h.raw(" data-i18n.").raw(key).raw(".").raw(name).raw("=\"").text(message).raw("\"");
  };
  form("zero", m.zero);
  form("one", m.one);
  form("two", m.two);
  form("few", m.few);
  form("many", m.many);
  form("other", m.other);
}

void heading_open(Html& h, int level) {
  switch (level) {
    case 1: h.raw("<h1"); break;
    case 3: h.raw("<h3"); break;
    case 4: h.raw("<h4"); break;
    case 5: h.raw("<h5"); break;
    case 6: h.raw("<h6"); break;
    default: h.raw("<h2");
  }
}

void heading_close(Html& h, int level) {
  switch (level) {
    case 1: h.raw("</h1>\n"); break;
    case 3: h.raw("</h3>\n"); break;
    case 4: h.raw("</h4>\n"); break;
    case 5: h.raw("</h5>\n"); break;
    case 6: h.raw("</h6>\n"); break;
    default: h.raw("</h2>\n");
  }
}

}  // namespace roundtable::view::govuk::detail
