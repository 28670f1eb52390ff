#include "mail/compose.hpp"

#include "view/html.hpp"

namespace roundtable::mail {

Message compose(std::string to_address, std::string to_name, core::Lang lang, std::string subject,
                const std::vector<std::string>& paragraphs, const std::optional<Action>& action) {
  core::Translator t(core::Messages::embedded(), lang);
  const std::string greeting = to_name.empty() ? std::string(t("mail.greeting_anonymous"))
                                               : core::format(t("mail.greeting"), {{"name", to_name}});
  std::string text = greeting + "\n\n";
  view::Html h;
  h.raw("<!DOCTYPE html>\n<html lang=\"").text(core::lang_code(lang)).raw("\">\n<head>\n<meta charset=\"utf-8\">\n");
  h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").text(subject);
  h.raw(
      "</title>\n</head>\n<body style=\"margin:0;padding:24px;font-family:Arial,sans-serif;font-size:19px;"
      "line-height:1.5;color:#0b0c0c;background:#ffffff\">\n");
  h.raw("<p style=\"margin:0 0 24px;font-size:24px;font-weight:bold;color:#1d3b4a\">").text(t("app.name"));
  h.raw("</p>\n<p>").text(greeting).raw("</p>\n");
  for (const auto& p : paragraphs) {
    text += p + "\n\n";
    h.raw("<p>").text(p).raw("</p>\n");
  }
  if (action) {
    text += action->label + ":\n" + action->url + "\n\n";
    h.raw("<p><a href=\"").text(action->url).raw("\" style=\"display:inline-block;padding:10px 16px;");
    h.raw("background:#00703c;color:#ffffff;font-weight:bold;text-decoration:none\">").text(action->label);
    h.raw("</a></p>\n<p style=\"font-size:16px\">").text(t("mail.link_fallback")).raw("<br>");
    h.raw("<a href=\"").text(action->url).raw("\">").text(action->url).raw("</a></p>\n");
  }
  const std::string footer(t("mail.footer"));
  text += "-- \n" + footer + "\n";
  h.raw("<hr style=\"border:0;border-top:1px solid #b1b4b6;margin:32px 0 16px\">\n<p style=\"font-size:16px;");
  h.raw("color:#505a5f\">").text(footer).raw("</p>\n</body>\n</html>\n");
  return {std::move(to_address), std::move(to_name), lang, std::move(subject), std::move(text), h.take()};
}

Message test_message(std::string to_address, core::Lang lang) {
  core::Translator t(core::Messages::embedded(), lang);
  return compose(std::move(to_address), "", lang, std::string(t("mail.test.subject")),
                 {std::string(t("mail.test.p1")), std::string(t("mail.test.p2"))}, std::nullopt);
}

}  // namespace roundtable::mail
