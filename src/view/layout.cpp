#include "view/layout.hpp"

#include <string_view>

#include "view/html.hpp"

namespace roundtable::view {

Assets Assets::from_manifest(const std::map<std::string, std::string>& manifest) {
  Assets a;
  auto get = [&](const char* key) {
    auto it = manifest.find(key);
    return it == manifest.end() ? std::string() : it->second;
  };
  a.css = get("app.css");
  a.js = get("app.js");
  a.favicon = get("favicon.svg");
  return a;
}

void layout_start(Html& h, const Page& page, const Assets& assets) {
  core::Translator t(core::Messages::embedded(), page.lang);
  const core::Lang other = page.lang == core::Lang::cy ? core::Lang::en : core::Lang::cy;
  h.raw("<!DOCTYPE html>\n<html lang=\"")
      .text(core::lang_code(page.lang))
      .raw("\" class=\"govuk-template\">\n<head>\n");
  h.raw("<meta charset=\"utf-8\">\n<title>");
  if (page.has_errors) h.text(t("layout.error_prefix")).raw(" ");
  h.text(page.title).raw(" – ").text(t("app.name")).raw("</title>\n");
  h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  h.raw("<meta name=\"theme-color\" content=\"#1d3b4a\">\n");
  if (!assets.favicon.empty())
    h.raw("<link rel=\"icon\" href=\"").text(assets.favicon).raw("\" type=\"image/svg+xml\">\n");
  if (!assets.css.empty()) h.raw("<link rel=\"stylesheet\" href=\"").text(assets.css).raw("\">\n");
  h.raw("</head>\n<body class=\"govuk-template__body\">\n");
  h.raw("<a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">")
      .text(t("layout.skip_link"))
      .raw("</a>\n");
  h.raw("<header class=\"rt-header\">\n<div class=\"rt-header__container govuk-width-container\">\n");
  h.raw("<a href=\"/\" class=\"rt-header__name\">").text(t("app.name")).raw("</a>\n");
  h.raw("<div class=\"rt-header__tools\">\n");
  // The sign-in page has its own "Sign in" button: a header "Sign in" link there would be a second stop with the
  // same name in the tab order, leading back to the same page, so the account menu is left out of that page.
  const std::string_view path = std::string_view(page.current_url).substr(0, page.current_url.find('?'));
  if (!page.signed_in_as.empty() || path != "/sign-in") {
    h.raw("<nav class=\"rt-header__nav\" aria-label=\"").text(t("layout.account_nav")).raw("\">\n");
    h.raw("<ul class=\"rt-header__list\">\n");
    if (page.signed_in_as.empty()) {
      h.raw("<li><a class=\"rt-header__link\" href=\"/sign-in\">").text(t("layout.sign_in")).raw("</a></li>\n");
    } else {
      h.raw("<li><a class=\"rt-header__link\" href=\"/account\">").text(t("layout.your_account")).raw("</a></li>\n");
      h.raw("<li><form method=\"post\" action=\"/sign-out\" class=\"rt-header__form\">\n");
      h.raw("<input type=\"hidden\" name=\"csrf_token\" value=\"").text(page.csrf_token).raw("\">\n");
      h.raw("<button type=\"submit\" class=\"rt-header__button\">").text(t("layout.sign_out")).raw("</button>\n");
      h.raw("</form></li>\n");
    }
    h.raw("</ul>\n</nav>\n");
  }
  h.raw("<nav class=\"rt-header__nav\" aria-label=\"").text(t("layout.language_nav")).raw("\">\n");
  h.raw("<form method=\"post\" action=\"/language\" class=\"rt-language-switcher\">\n");
  h.raw("<input type=\"hidden\" name=\"csrf_token\" value=\"").text(page.csrf_token).raw("\">\n");
  h.raw("<input type=\"hidden\" name=\"return_to\" value=\"").text(page.current_url).raw("\">\n");
  h.raw("<button type=\"submit\" name=\"lang\" value=\"")
      .text(core::lang_code(other))
      .raw("\" class=\"rt-language-switcher__button\" lang=\"")
      .text(core::lang_code(other))
      .raw("\">")
      .text(core::Messages::embedded().get(other, "layout.language_name"))
      .raw("</button>\n</form>\n</nav>\n</div>\n</div>\n</header>\n");
}

void layout_main_start(Html& h) {
  h.raw("<div class=\"govuk-width-container\">\n<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
}

void layout_end(Html& h, const Page& page, const Assets& assets) {
  core::Translator t(core::Messages::embedded(), page.lang);
  h.raw("\n</main>\n</div>\n");
  h.raw("<footer class=\"govuk-footer\">\n<div class=\"govuk-width-container\">\n<div class=\"govuk-footer__meta\">\n");
  h.raw("<div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">\n");
  h.raw("<h2 class=\"govuk-visually-hidden\">").text(t("layout.footer_links")).raw("</h2>\n");
  h.raw("<ul class=\"govuk-footer__inline-list\">\n");
  h.raw("<li class=\"govuk-footer__inline-list-item\"><a class=\"govuk-footer__link\" href=\"/accessibility\">")
      .text(t("layout.footer_accessibility"))
      .raw("</a></li>\n");
  h.raw("<li class=\"govuk-footer__inline-list-item\"><a class=\"govuk-footer__link\" href=\"/search\">")
      .text(t("layout.footer_search"))
      .raw("</a></li>\n</ul>\n");
  h.raw("<p class=\"govuk-footer__licence-description\">").text(t("layout.footer_about")).raw("</p>\n");
  h.raw("</div>\n</div>\n</div>\n</footer>\n");
  if (!assets.js.empty()) h.raw("<script type=\"module\" src=\"").text(assets.js).raw("\"></script>\n");
  h.raw("</body>\n</html>\n");
}

std::string render_layout(const Page& page, const Assets& assets, const Html& main) {
  Html h;
  h.reserve(kLayoutSize + page.service_navigation.size() + main.size());
  layout_start(h, page, assets);
  h.append(page.service_navigation);
  layout_main_start(h);
  h.append(main);
  layout_end(h, page, assets);
  return h.take();
}

}  // namespace roundtable::view
