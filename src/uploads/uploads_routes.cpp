#include <boost/beast/http/field.hpp>

#include "http/route_list.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::uploads {

namespace {

using NotFound = std::function<http::Response(http::RequestContext&)>;

// A plain coroutine taking its arguments by value, so nothing it uses lives in the calling lambda.
boost::asio::awaitable<http::Response> serve_file(http::RequestContext& ctx, UploadService* service,
                                                  NotFound not_found) {
  auto op = service->file_for(std::string(ctx.param("public_id")), ctx.principal);
  auto file = co_await std::move(op);
  if (!file) co_return not_found(ctx);
  auto res = http::make_response(ctx.request, http::Status::ok, std::move(file->bytes), file->upload.mime);
  using boost::beast::http::field;
  // Even a file that a browser would run as a page (it cannot be one: the type is sniffed and images are
  // re-encoded) gets no scripts, no origin and nothing loaded.
  res.set("Content-Security-Policy", "default-src 'none'; sandbox");
  res.set("X-Content-Type-Options", "nosniff");
  res.set(field::cache_control, "private, max-age=3600");
  if (file->upload.kind == media::Kind::document) {
    // Documents are never shown in the browser: a PDF viewer or an office suite opens the downloaded file on the
    // person's own device (ADR 0030).
    res.set(field::content_disposition, attachment_disposition(file->upload.original_name));
  } else {
    res.set(field::content_disposition, "inline");
  }
  co_return res;
}

}  // namespace

void add_upload_routes(std::vector<http::Route>& routes, UploadService* service, NotFound not_found) {
  // Public: who may see a file depends on its purpose (UploadService::may_see), answered as 404 otherwise.
  http::RouteList(routes)
      .get("/files/{public_id}", "file", http::policy::public_access(),
           [service, not_found = std::move(not_found)](http::RequestContext& ctx) {
             return serve_file(ctx, service, not_found);
           })
      .not_html()
      .with_session();
}

}  // namespace roundtable::uploads
