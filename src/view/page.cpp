#include "view/page.hpp"

#include "view/org_navigation.hpp"

namespace roundtable::view {

Page page_for(const http::RequestContext& ctx, std::string title) {
  Page page;
  page.title = std::move(title);
  page.lang = ctx.lang;
  page.csrf_token = ctx.csrf_token;
  if (ctx.principal) page.signed_in_as = ctx.principal->name;
  std::string url(ctx.path);
  if (!ctx.query.empty()) url += "?" + std::string(ctx.query);
  page.current_url = http::is_local_path(url) ? url : "/";
  return page;
}

http::Response html_page(const http::RequestContext& ctx, const Assets& assets, const Page& page, const Html& main,
                         http::Status status) {
  // An organisation's pages carry its navigation; a "not found" page carries nothing that says what exists.
  if (status != http::Status::not_found && page.service_navigation.empty()) {
    Page with_navigation = page;
    with_navigation.service_navigation = org_navigation(ctx);
    return http::make_response(ctx.request, status, render_layout(with_navigation, assets, main),
                               "text/html; charset=utf-8");
  }
  return http::make_response(ctx.request, status, render_layout(page, assets, main), "text/html; charset=utf-8");
}

}  // namespace roundtable::view
