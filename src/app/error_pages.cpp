#include "app/error_pages.hpp"

#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/page.hpp"

namespace roundtable::app {

namespace govuk = view::govuk;

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
      case http::Status::too_many_requests: key = "error.429"; break;
      default: key = "error.500"; break;
    }
    auto t = ctx.t();
    // Not a view::PageBuilder: after a refused form the language switcher must not come back to the form's address
    // (current_url "/" below), and the builder always answers for the address asked for. So the column is written
    // here.
    view::Html h;
    h.raw("<div class=\"govuk-grid-row\">\n<div class=\"govuk-grid-column-two-thirds\">\n");
    govuk::heading(h, 1, "l", t(key + ".title"));
    govuk::paragraph(h, t(key + ".body"));
    govuk::paragraph(h, t(key + ".next"));
    govuk::link_paragraph(h, "/", t("error.home_link"));
    if (status == http::Status::internal_server_error) {
      view::Html reference;
      reference.text(t("error.reference")).raw(" <code>").text(ctx.request_id).raw("</code>");
      govuk::paragraph(h, std::move(reference), "govuk-body-s");
    }
    h.raw("</div>\n</div>\n");
    auto page = view::page_for(ctx, std::string(t(key + ".title")));
    if (ctx.request.method() != http::Verb::get && ctx.request.method() != http::Verb::head) page.current_url = "/";
    return view::html_page(ctx, services.assets, page, h, status);
  };
}

}  // namespace roundtable::app
