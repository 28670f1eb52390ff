#include "app/error_pages.hpp"

#include "view/html.hpp"
#include "view/page.hpp"

namespace roundtable::app {

http::ErrorRenderer make_error_renderer(const Services& services) {
  return [&services](http::RequestContext& ctx, http::Status status) {
    std::string key;
    switch (status) {
      case http::Status::bad_request: key = "error.400"; break;
      case http::Status::unauthorized: key = "error.401"; break;
      case http::Status::forbidden: key = ctx.request.method() == http::Verb::post ? "error.csrf" : "error.403"; break;
      case http::Status::not_found: key = "error.404"; break;
      case http::Status::method_not_allowed: key = "error.405"; break;
      case http::Status::payload_too_large: key = "error.413"; break;
      default: key = "error.500"; break;
    }
    auto t = ctx.t();
    view::Html h;
    h.raw("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
    h.raw("<h1 class=\"govuk-heading-l\">").text(t(key + ".title")).raw("</h1>\n");
    h.raw("<p class=\"govuk-body\">").text(t(key + ".body")).raw("</p>\n");
    h.raw("<p class=\"govuk-body\">").text(t(key + ".next")).raw("</p>\n");
    h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">").text(t("error.home_link")).raw("</a></p>\n");
    if (status == http::Status::internal_server_error) {
      h.raw("<p class=\"govuk-body-s\">")
          .text(t("error.reference"))
          .raw(" <code>")
          .text(ctx.request_id)
          .raw("</code></p>\n");
    }
    h.raw("</div></div>");
    auto page = view::page_for(ctx, std::string(t(key + ".title")));
    if (ctx.request.method() != http::Verb::get && ctx.request.method() != http::Verb::head) page.current_url = "/";
    return view::html_page(ctx, services.assets, page, h, status);
  };
}

}  // namespace roundtable::app
