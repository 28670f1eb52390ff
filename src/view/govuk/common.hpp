/// Shared pieces of the GOV.UK components: text-or-fragment content and extra HTML attributes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "view/html.hpp"

namespace roundtable::view::govuk {

/// Text (escaped when written) or a fragment of markup our own code built. Nunjucks macros take `text` or `html`;
/// a non-empty `html` wins, as in govuk-frontend.
struct Content {
  std::string text;
  std::optional<Html> html;

  Content() = default;
  Content(const char* t) : text(t) {}
  Content(std::string t) : text(std::move(t)) {}
  Content(std::string_view t) : text(t) {}
  Content(Html fragment) : html(std::move(fragment)) {}

  bool has_html() const { return html && !html->empty(); }
  bool empty() const { return !has_html() && text.empty(); }
};

/// One extra HTML attribute. The name may hold only letters, digits, '-' and '_' (anything else throws
/// std::invalid_argument when the component is rendered); the value is escaped.
struct Attribute {
  std::string name;
  std::string value;
};
using Attributes = std::vector<Attribute>;

/// A message for each CLDR plural form, for govuk-frontend's scripts (e.g. "You have %{count} characters
/// remaining"). Welsh uses all six forms; empty forms are left out.
struct PluralMessages {
  std::string zero;
  std::string one;
  std::string two;
  std::string few;
  std::string many;
  std::string other;
};

namespace detail {

/// Throws std::invalid_argument unless name is a non-empty run of [A-Za-z0-9_-].
void check_attribute_name(std::string_view name);
/// ` name="value"` for each attribute.
void put_attributes(Html& h, const Attributes& attributes);
/// ` data-i18n.key="message"` when message is not empty (the script's English default otherwise).
void put_i18n(Html& h, Markup key, std::string_view message);
/// ` data-i18n.key.form="message"` for each form given.
void put_i18n(Html& h, Markup key, const PluralMessages& messages);
/// `<hN` for a heading level 1 to 6 (2 for anything else), and the matching end tag.
void heading_open(Html& h, int level);
void heading_close(Html& h, int level);
/// ` classes` when classes is not empty (for inside a class attribute).
inline void put_classes(Html& h, std::string_view classes) {
  if (!classes.empty()) h.raw(" ").text(classes);
}
/// The html fragment when it is not empty, else the escaped text.
inline void put(Html& h, std::string_view text, const std::optional<Html>& html) {
  if (html && !html->empty()) {
    h.append(*html);
  } else {
    h.text(text);
  }
}
inline void put(Html& h, const Content& c) { put(h, c.text, c.html); }
inline bool present(std::string_view text, const std::optional<Html>& html) {
  return !text.empty() || (html && !html->empty());
}

}  // namespace detail

}  // namespace roundtable::view::govuk
