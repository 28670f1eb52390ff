// Operations endpoints: liveness, readiness (database reachable) and Prometheus metrics.
#include <soci/soci.h>

#include <boost/asio/awaitable.hpp>

#include "app/routes.hpp"
#include "http/metrics.hpp"
#include "http/route_list.hpp"
#include "security/tokens.hpp"

namespace roundtable::app {

namespace {

using boost::asio::awaitable;
using http::RequestContext;
using http::Response;

constexpr std::string_view kText = "text/plain; charset=utf-8";

awaitable<Response> healthz(RequestContext& ctx, Services&) {
  co_return http::make_response(ctx.request, http::Status::ok, "ok\n", kText);
}

awaitable<Response> readyz(RequestContext& ctx, Services& services) {
  bool ok = false;
  try {
    auto op = services.db->run([](soci::session& s) {
      int one = 0;
      s << "SELECT 1", soci::into(one);
      return one == 1;
    });
    ok = co_await std::move(op);
  } catch (const std::exception&) {
    ok = false;
  }
  co_return http::make_response(ctx.request, ok ? http::Status::ok : http::Status::service_unavailable,
                                ok ? "ready\n" : "database unreachable\n", kText);
}

/// Is this the machine itself (127.0.0.0/8, ::1, or IPv4 loopback written as IPv6)?
bool is_loopback(std::string_view address) {
  return address.rfind("127.", 0) == 0 || address == "::1" || address.rfind("::ffff:127.", 0) == 0;
}

awaitable<Response> metrics(RequestContext& ctx, Services& services) {
  // What the server is doing is for its operators: the machine itself, or a scraper holding the token.
  bool allowed = is_loopback(ctx.remote_address);
  if (!allowed && !services.metrics_token.empty()) {
    if (auto h = ctx.request.find(boost::beast::http::field::authorization); h != ctx.request.end()) {
      allowed = security::constant_time_equal(h->value(), "Bearer " + services.metrics_token);
    }
  }
  if (!allowed) co_return http::make_response(ctx.request, http::Status::not_found, "Not found\n", "text/plain");
  std::string body = services.metrics ? services.metrics->render() : std::string();
  body += services.db->render_metrics();
  co_return http::make_response(ctx.request, http::Status::ok, std::move(body),
                                "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace

void add_ops_routes(std::vector<http::Route>& routes, Services& services) {
  using http::bind;
  using http::policy::public_access;
  http::RouteList r(routes);
  r.get("/healthz", "healthz", public_access(), bind(std::ref(services), healthz)).not_html();
  r.get("/readyz", "readyz", public_access(), bind(std::ref(services), readyz)).not_html();
  r.get("/metrics", "metrics", public_access(), bind(std::ref(services), metrics)).not_html();
}

}  // namespace roundtable::app
