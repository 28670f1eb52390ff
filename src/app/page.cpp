#include "app/page.hpp"

namespace roundtable::app {

view::Page page_for(const http::RequestContext& ctx, std::string title) {
  view::Page page;
  page.title = std::move(title);
  page.lang = ctx.lang;
  page.csrf_token = ctx.csrf_token;
  std::string url(ctx.path);
  if (!ctx.query.empty()) url += "?" + std::string(ctx.query);
  page.current_url = http::is_local_path(url) ? url : "/";
  return page;
}

http::Response html_page(const http::RequestContext& ctx, const Services& services, const view::Page& page,
                         const std::string& main_html, http::Status status) {
  return http::make_response(ctx.request, status, view::render_layout(page, services.assets, main_html),
                             "text/html; charset=utf-8");
}

}  // namespace roundtable::app
