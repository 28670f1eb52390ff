#include "view/page.hpp"

#include "view/org_navigation.hpp"

namespace roundtable::view {

Page page_for(const http::RequestContext& ctx, std::string title) {
  Page page;
  page.title = std::move(title);
  page.lang = ctx.lang;
  page.csrf_token = ctx.csrf_token;
  if (ctx.principal) page.signed_in_as = ctx.principal->name;
  std::string url;
  url.reserve(ctx.path.size() + 1 + ctx.query.size());
  url.append(ctx.path);
  if (!ctx.query.empty()) url.append("?").append(ctx.query);
  page.current_url = http::is_local_path(url) ? std::move(url) : std::string("/");
  return page;
}

Html html_page_start(const http::RequestContext& ctx, const Assets& assets, const Page& page, http::Status status,
                     std::size_t main_size) {
  // An organisation's pages carry its navigation; a "not found" page carries nothing that says what exists.
  const bool with_navigation = status != http::Status::not_found && page.service_navigation.empty();
  Html out;
  out.reserve(kLayoutSize + (with_navigation ? kNavigationSize : page.service_navigation.size()) + main_size);
  layout_start(out, page, assets);
  if (with_navigation) {
    org_navigation(out, ctx);
  } else {
    out.append(page.service_navigation);
  }
  layout_main_start(out);
  return out;
}

http::Response html_page_end(const http::RequestContext& ctx, const Assets& assets, const Page& page, Html out,
                             http::Status status) {
  layout_end(out, page, assets);
  return http::make_response(ctx.request, status, out.take(), "text/html; charset=utf-8");
}

http::Response html_page(const http::RequestContext& ctx, const Assets& assets, const Page& page, const Html& main,
                         http::Status status) {
  Html out = html_page_start(ctx, assets, page, status, main.size());
  out.append(main);
  return html_page_end(ctx, assets, page, std::move(out), status);
}

}  // namespace roundtable::view
