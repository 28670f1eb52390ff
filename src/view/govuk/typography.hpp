/// GOV.UK typography and forms that are not Nunjucks macros in govuk-frontend but that every page writes: headings,
/// paragraphs, links, lists, and POST forms with their CSRF field (a form with one button, such as "Remove", too).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "view/govuk/common.hpp"
#include "view/govuk/navigation.hpp"

namespace roundtable::view::govuk {

/// `<hN class="govuk-heading-SIZE">text</hN>`; size is "xl", "l", "m" or "s". id is optional.
void heading(Html& h, int level, std::string_view size, const Content& text, std::string_view id = "");
/// `<p class="govuk-body">…</p>`; classes replace "govuk-body" (e.g. "govuk-body-l", "govuk-hint",
/// "govuk-body rt-pre-line").
void paragraph(Html& h, const Content& text, std::string_view classes = "govuk-body");
/// `<a class="govuk-link" href="…">text</a>` (inline, for inside a paragraph or list item).
void link(Html& h, std::string_view href, const Content& text, std::string_view classes = "govuk-link");
/// A paragraph holding one link.
void link_paragraph(Html& h, std::string_view href, const Content& text);

struct List {
  std::vector<Content> items;
  /// Bullets ("govuk-list--bullet") or numbers (an <ol>, "govuk-list--number"); plain when neither.
  bool bullet = false;
  bool number = false;
  std::string classes;
  std::string id;
  /// Each item's id (a link or a redirect can point at it), in the items' order; empty, or shorter: no id.
  std::vector<std::string> item_ids;
};
void list(Html& h, const List& p);
/// Words read out by screen readers but not shown (`govuk-visually-hidden`), such as whose need a "Mark as arranged"
/// button is for. The class puts a no-break space before them.
void visually_hidden(Html& h, std::string_view text);

struct Form {
  std::string action;
  /// The token the pipeline checks (RequestContext::csrf_token).
  std::string csrf_token;
  /// multipart/form-data, for file uploads.
  bool multipart = false;
  /// GET forms (search) carry no token.
  bool get = false;
  std::string id;
  std::string classes;
  /// Browsers check nothing themselves: the server says what is wrong, in plain words (novalidate).
  bool novalidate = true;
  Attributes attributes;
};
/// `<form method="post" action="…" novalidate>` and the hidden csrf_token field; close with form_end.
void form_start(Html& h, const Form& p);
void form_end(Html& h);

/// govuk-frontend's button group (it has no macro): the buttons and links written until button_group_end sit side by
/// side, and stack on a narrow screen. `classes` are added to govuk-button-group (a spacing override).
void button_group_start(Html& h, std::string_view classes = {});
void button_group_end(Html& h);

/// A hidden input.
void hidden(Html& h, std::string_view name, std::string_view value);

/// A form with hidden fields and one button (remove, move up, resend…), so the action works without JavaScript.
struct ButtonForm {
  Form form;
  std::vector<std::pair<std::string, std::string>> hidden;
  Button button;
};
void button_form(Html& h, const ButtonForm& p);

}  // namespace roundtable::view::govuk
