/// The request pipeline: route match, security headers, session, CSRF, access policy, handler, errors, metrics and
/// access log.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "http/metrics.hpp"
#include "http/route_matcher.hpp"
#include "http/types.hpp"

namespace roundtable::http {

class PrincipalLoader;

/// A long-lived answer handed from a handler to the server (RequestContext::stream), with who opened it.
struct OpenStream {
  std::shared_ptr<Stream> stream;
  /// The signed-in person who opened it (nullopt: nobody was signed in).
  std::optional<long long> user_id;
};

/// A session as the pipeline loads it on each request: the session, and the person it names when they may sign in.
struct LoadedSession {
  std::optional<SessionData> session;
  std::optional<Principal> principal;
};

/// Where sessions live (the database, in production). Implemented outside http/.
class SessionStore {
 public:
  virtual ~SessionStore() = default;
  /// The session whose id is the hash of this cookie token and, when it names a person, that person. The default
  /// asks load() and then `principals` (two visits to the store); a store that can read both at once overrides it,
  /// since this runs on every signed-in request (DbSessionStore: one database hop).
  virtual boost::asio::awaitable<LoadedSession> load_with_principal(std::string id, PrincipalLoader* principals);
  /// The session whose id is the hash of this cookie token, if it exists and has not expired.
  virtual boost::asio::awaitable<std::optional<SessionData>> load(std::string id) = 0;
  /// Inserts or updates the session; returns once the write is durable.
  virtual boost::asio::awaitable<void> save(const SessionData& session) = 0;
  /// Records that the session was used: only updates an existing row (never brings back one that was deleted).
  virtual boost::asio::awaitable<void> touch(std::string id, std::chrono::system_clock::time_point last_seen,
                                             std::chrono::system_clock::time_point expires_at) = 0;
  /// Deletes the session with this id (the hash of its token).
  virtual boost::asio::awaitable<void> remove(std::string id) = 0;
  /// Deletes every session of this user.
  virtual boost::asio::awaitable<void> remove_for_user(long long user_id) = 0;
};

/// Who is signed in: loads the person behind a session's user id. Implemented outside http/.
class PrincipalLoader {
 public:
  virtual ~PrincipalLoader() = default;
  /// The person, or nullopt when the account no longer exists or may not sign in.
  virtual boost::asio::awaitable<std::optional<Principal>> load(long long user_id) = 0;
};

/// Renders an error page (404, 403, 500 ...) in the request's language.
using ErrorRenderer = std::function<Response(RequestContext&, Status)>;

struct PipelineOptions {
  /// Behind HTTPS: cookies are Secure and every answer says Strict-Transport-Security.
  bool secure_cookies = false;
  bool access_log = true;
  size_t max_form_bytes = 1024 * 1024;
  /// Where a GET page that needs a signed-in person sends everyone else (with ?next=the page).
  std::string sign_in_path = "/sign-in";
  /// Where organisation admins without two-step sign-in are sent (need_two_step).
  std::string two_step_setup_path = "/account/two-step";
  /// The address of a reverse proxy in front of the server: for requests from it, the client's address is the
  /// last one its X-Forwarded-For header names (for rate limits). Empty: the TCP peer is the client.
  std::string trusted_proxy;
  /// A signed-in session ends after this long without a request, and at the latest this long after sign-in
  /// (admin_session_lifetime for organisation and platform admins). Sessions that only hold a language last
  /// anonymous_session_lifetime.
  std::chrono::seconds session_idle{std::chrono::hours(2)};
  std::chrono::seconds session_lifetime{std::chrono::hours(24)};
  std::chrono::seconds admin_session_lifetime{std::chrono::hours(8)};
  std::chrono::seconds anonymous_session_lifetime{std::chrono::hours(24 * 180)};
  /// What time it is; nullptr: the computer's clock. Tests move a core::ManualClock.
  const core::Clock* clock = nullptr;
  /// The places every organisation page links to, in order (RequestContext::org_navigation).
  std::vector<OrgNavItem> org_navigation;
};

class Pipeline {
 public:
  Pipeline(std::vector<Route> routes, std::shared_ptr<SessionStore> sessions, std::string csrf_secret,
           ErrorRenderer render_error, PipelineOptions options);

  /// Sets who loads signed-in people (without one, nobody is ever signed in).
  void set_principal_loader(std::shared_ptr<PrincipalLoader> loader) { principals_ = std::move(loader); }

  /// Answers one request from remote_address. Never throws: failures become a 500 page.
  boost::asio::awaitable<Response> handle(const Request& req, std::string remote_address = {},
                                          OpenStream* stream = nullptr);

  /// For a stream opened by this request: whether its session still names user_id and has not ended (the same
  /// rules as a request's, without recording a use).
  boost::asio::awaitable<bool> still_signed_in(const Request& req, long long user_id);

  /// Checks a request from its header alone, before its body is read: the session, the CSRF cookie (and an
  /// X-CSRF-Token header if sent) and the route's access policy. nullopt: read the body and call handle(); otherwise
  /// the answer to send instead (403, 401, 404, a redirect ...), with Connection: close.
  boost::asio::awaitable<std::optional<Response>> check_header(const Request& req, std::string remote_address = {});

  /// Answers a request that failed before reaching the pipeline (e.g. a body over the size limit).
  boost::asio::awaitable<Response> handle_error(const Request& req, Status status);

  /// The largest body this request may send: for an unsafe method, the matched route's max_body when nonzero, or
  /// the form limit for a route without uploads; otherwise default_limit (the server's own limit).
  size_t body_limit(const Request& req, size_t default_limit) const;
  /// True when the request is for a route that takes uploads (multipart bodies).
  bool takes_uploads(const Request& req) const;
  /// The client's address: the TCP peer, or the one the trusted proxy names.
  std::string client_of(const Request& req, std::string_view peer) const;
  /// The largest max_body of any route (0 when no route takes uploads).
  size_t largest_body_limit() const { return largest_body_; }

  const std::vector<Route>& routes() const { return routes_; }
  Metrics& metrics() { return metrics_; }

  static constexpr std::string_view kSessionCookie = "rt_session";
  static constexpr std::string_view kCsrfCookie = "rt_csrf";

 private:
  /// handle() and check_header(): with headers_ok, stops before the body is needed and sets it when the request
  /// may go on.
  boost::asio::awaitable<Response> run(const Request& req, std::string remote_address, bool* headers_ok,
                                       OpenStream* stream = nullptr);
  boost::asio::awaitable<Response> dispatch(RequestContext& ctx, RouteMatcher::Result& match, bool* headers_ok);
  boost::asio::awaitable<void> store_session(RequestContext& ctx);
  void finish(RequestContext& ctx, Response& res) const;
  std::chrono::system_clock::time_point now() const { return options_.clock->now(); }
  /// When a signed-in session ends: idle since its last use, or its whole lifetime (shorter for admins) used up.
  std::chrono::system_clock::time_point session_end(const SessionData& s, bool admin) const;

  std::vector<Route> routes_;
  RouteMatcher matcher_;
  std::shared_ptr<SessionStore> sessions_;
  std::shared_ptr<PrincipalLoader> principals_;
  std::string csrf_secret_;
  ErrorRenderer render_error_;
  PipelineOptions options_;
  Metrics metrics_;
  /// The largest max_body of any route, worked out once (the server asks for it on every request).
  size_t largest_body_ = 0;
};

/// The client's address: the TCP peer, or (when the peer is the trusted proxy) the last X-Forwarded-For entry.
std::string client_address(std::string_view peer, std::string_view forwarded_for, std::string_view trusted_proxy);

/// The CSRF token of a signed-in session: derived from the session cookie's token (never stored), so it changes at
/// every sign-in and a cookie planted in the browser cannot stand in for it.
std::string session_csrf_token(std::string_view csrf_secret, std::string_view session_token);

/// The Content-Security-Policy every response carries unless its handler set a stricter one.
std::string_view content_security_policy();
/// The Permissions-Policy every response carries unless its handler set its own: no camera, microphone or location.
std::string_view permissions_policy();
/// For the one page that records from the microphone (About Me's "Add a recording"): the microphone for this site
/// only, and the page's own recording (a blob: URL its script made) playable before it is sent. Everything else stays
/// as content_security_policy() and permissions_policy() say.
void allow_microphone(Response& res);

}  // namespace roundtable::http
