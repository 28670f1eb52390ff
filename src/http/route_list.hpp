/// How a module adds its routes: a RouteList (optionally scoped under a path prefix such as "/o/{org}"), one
/// binding helper for handlers that take the module's dependencies, and builder calls for what a route accepts.
///
///   http::RouteList r(routes);
///   r.get("/account", "account", signed_in(), http::bind(deps, pages::account));
///   auto org = r.scope("/o/{org}");
///   org.post("/logo", "org_logo_save", guard(Action::manage_org), http::bind(deps, pages::save_org_logo))
///       .accepts_uploads(limit);
///
/// A handler taking an OrgRequest gets the membership the route's org_member policy found; binding one to a route
/// without that policy is a programming error that throws on its first request (routes_test checks every route
/// under /o/{org} has an org_member policy).
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/types.hpp"

namespace roundtable::http {

class RouteList {
 public:
  explicit RouteList(std::vector<Route>& routes, std::string prefix = "")
      : routes_(&routes), prefix_(std::move(prefix)) {}
  /// Routes under prefix + sub (e.g. scope("/o/{org}")).
  RouteList scope(std::string_view sub) const { return RouteList(*routes_, prefix_ + std::string(sub)); }

  /// A GET route at prefix + pattern ("" for the scope itself). The reference is valid until the next route is added.
  Route& get(std::string_view pattern, std::string name, Policy policy, Handler handler) {
    return add("GET", pattern, std::move(name), std::move(policy), std::move(handler));
  }
  Route& post(std::string_view pattern, std::string name, Policy policy, Handler handler) {
    return add("POST", pattern, std::move(name), std::move(policy), std::move(handler));
  }

 private:
  Route& add(const char* method, std::string_view pattern, std::string name, Policy policy, Handler handler) {
    routes_->push_back(
        {method, prefix_ + std::string(pattern), std::move(name), std::move(policy), std::move(handler)});
    return routes_->back();
  }
  std::vector<Route>* routes_;
  std::string prefix_;
};

namespace detail {
template <class Deps>
boost::asio::awaitable<Response> run_org(boost::asio::awaitable<Response> (*fn)(OrgRequest&, const Deps&),
                                         RequestContext& ctx, const Deps& deps) {
  const Membership* m = ctx.principal ? ctx.principal->membership(ctx.param("org")) : nullptr;
  if (!m) throw std::logic_error("an OrgRequest handler on a route without an org_member policy");
  OrgRequest req{ctx, *ctx.principal, *m};
  auto op = fn(req, deps);
  co_return co_await std::move(op);
}
}  // namespace detail

/// The route guard under /o/{org} for a module's pure policy: decide(principal, membership) returns the module's
/// Verdict (allow, need_two_step or deny), and deny answers 404, as for anything a person may not see. The same
/// policy decides which links a page shows, so the two cannot disagree.
template <class Decide>
Policy org_guard(std::string name, Decide decide) {
  return policy::org_member(std::move(name), [decide = std::move(decide)](const Principal& p, const Membership& m) {
    using Verdict = decltype(decide(p, m));
    switch (decide(p, m)) {
      case Verdict::allow: return Decision::allow;
      case Verdict::need_two_step: return Decision::need_two_step;
      case Verdict::deny: break;
    }
    return Decision::not_found;
  });
}

/// A handler that calls fn with the request and the module's dependencies (kept with the route).
template <class Deps>
Handler bind(Deps deps, boost::asio::awaitable<Response> (*fn)(RequestContext&, const Deps&)) {
  return [fn, deps = std::move(deps)](RequestContext& ctx) { return fn(ctx, deps); };
}

/// The same for dependencies that outlive the route table and that handlers change (std::ref(services)).
template <class Deps>
Handler bind(std::reference_wrapper<Deps> deps, boost::asio::awaitable<Response> (*fn)(RequestContext&, Deps&)) {
  return [fn, deps](RequestContext& ctx) { return fn(ctx, deps.get()); };
}

/// The same for a page under /o/{org}: fn gets the membership the route's policy found.
template <class Deps>
Handler bind(Deps deps, boost::asio::awaitable<Response> (*fn)(OrgRequest&, const Deps&)) {
  return [fn, deps = std::move(deps)](RequestContext& ctx) { return detail::run_org(fn, ctx, deps); };
}

}  // namespace roundtable::http
