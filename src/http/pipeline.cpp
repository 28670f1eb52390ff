#include "http/pipeline.hpp"

#include <algorithm>
#include <boost/beast/http/field.hpp>
#include <cctype>
#include <chrono>
#include <exception>
#include <stdexcept>
#include <unordered_map>

#include "core/log.hpp"
#include "http/multipart.hpp"
#include "http/signed_address.hpp"
#include "security/tokens.hpp"

namespace roundtable::http {

namespace bhttp = boost::beast::http;
using boost::asio::awaitable;

namespace {

/// The path as logs write it. A path parameter named {token} is a secret (a calendar feed's address, an invitation,
/// a sign-in link): such a path is written as its route's pattern, so the secret never reaches the logs.
std::string_view logged_path(const RequestContext& ctx) {
  if (ctx.route && ctx.route->pattern.find("{token}") != std::string::npos) return ctx.route->pattern;
  return ctx.path;
}

// An ended session's row stays this long, so that a person coming back is told why they were signed out.
constexpr auto kEndedSessionKept = std::chrono::hours(24);
// The longest a signed-in session's last use may go unrecorded: a GET writes at most this often.
constexpr auto kTouchAtMost = std::chrono::minutes(5);
constexpr std::string_view kTimedOutMessage = "session.timed_out";
/// Said instead when the session lasted its whole lifetime, however busy the person was.
constexpr std::string_view kLastedMessage = "session.lasted";

bool is_admin(const std::optional<Principal>& p) {
  if (!p) return false;
  if (p->platform_admin) return true;
  return std::any_of(p->memberships.begin(), p->memberships.end(),
                     [](const Membership& m) { return m.role == core::Role::org_admin; });
}

long max_age(std::chrono::seconds s) { return static_cast<long>(s.count()); }

std::string cookie_header(std::string_view name, std::string_view value, bool secure, long max_age) {
  std::string c(name);
  c += '=';
  c += value;
  c += "; Path=/; HttpOnly; SameSite=Lax";
  if (max_age >= 0) c += "; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

std::string url_encode_component(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool is_urlencoded(const Request& req) {
  auto it = req.find(bhttp::field::content_type);
  if (it == req.end()) return false;
  std::string_view v = it->value();
  return v.substr(0, v.find(';')) == "application/x-www-form-urlencoded";
}

std::optional<std::string> request_boundary(const Request& req) {
  auto it = req.find(bhttp::field::content_type);
  if (it == req.end()) return std::nullopt;
  return multipart_boundary(it->value());
}

enum class MultipartOutcome { ok, too_large, malformed };

MultipartOutcome parse_multipart_form(RequestContext& ctx, std::string_view boundary, size_t max_body) {
  const std::string_view body = ctx.request.body();
  if (body.size() > max_body) return MultipartOutcome::too_large;
  auto parts = parse_multipart(body, boundary);
  if (!parts) return MultipartOutcome::malformed;
  const FormLimits limits;
  for (auto& part : *parts) {
    if (part.name.size() > limits.max_name || !is_form_text(part.name)) return MultipartOutcome::malformed;
    if (part.filename) {
      if (!is_form_text(*part.filename)) return MultipartOutcome::malformed;
      ctx.files.push_back({std::move(part.name), std::move(*part.filename), std::move(part.content_type), part.data});
    } else {
      if (!is_form_text(part.data)) return MultipartOutcome::malformed;
      ctx.form.add(std::move(part.name), std::string(part.data));
    }
  }
  return MultipartOutcome::ok;
}

struct TokenHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// What a session cookie's token stands for: the session's id (the token's hash, the only form the database holds)
/// and, once signed in, the session's form token.
struct TokenHashes {
  std::string session_id;
  std::string csrf;
};

/// Each is a hash of the token (and of the server's secret) that every request of the session would work out again,
/// about 9,000 instructions a request: kept per I/O thread, for at most a few thousand tokens, and for one secret.
const TokenHashes& token_hashes(std::string_view csrf_secret, std::string_view token) {
  constexpr size_t kKept = 4096;
  thread_local std::string kept_secret;
  thread_local std::unordered_map<std::string, TokenHashes, TokenHash, std::equal_to<>> kept;
  if (kept_secret != csrf_secret) {
    kept.clear();
    kept_secret = std::string(csrf_secret);
  }
  if (auto it = kept.find(token); it != kept.end()) return it->second;
  if (kept.size() >= kKept) kept.clear();
  return kept
      .emplace(std::string(token), TokenHashes{security::hash_token(token), session_csrf_token(csrf_secret, token)})
      .first->second;
}

}  // namespace

std::string session_csrf_token(std::string_view csrf_secret, std::string_view session_token) {
  return security::keyed_hash(csrf_secret, "session " + std::string(session_token));
}

std::string client_address(std::string_view peer, std::string_view forwarded_for, std::string_view trusted_proxy) {
  if (trusted_proxy.empty() || peer != trusted_proxy || forwarded_for.empty()) return std::string(peer);
  // The proxy appends the address it saw last; anything before it may have been written by the client.
  auto comma = forwarded_for.rfind(',');
  auto last = comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1);
  while (!last.empty() && (last.front() == ' ' || last.front() == '\t')) last.remove_prefix(1);
  while (!last.empty() && (last.back() == ' ' || last.back() == '\t')) last.remove_suffix(1);
  const bool plausible = !last.empty() && last.size() <= 45 &&
                         last.find_first_not_of("0123456789abcdefABCDEF.:") == std::string_view::npos;
  return plausible ? std::string(last) : std::string(peer);
}

std::string_view content_security_policy() {
  return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
         "media-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; "
         "frame-ancestors 'none'";
}

std::string_view permissions_policy() { return "camera=(), microphone=(), geolocation=(), interest-cohort=()"; }

void allow_microphone(Response& res) {
  res.set("Content-Security-Policy",
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
          "media-src 'self' blob:; connect-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; "
          "frame-ancestors 'none'");
  res.set("Permissions-Policy", "camera=(), microphone=(self), geolocation=(), interest-cohort=()");
}

Pipeline::Pipeline(std::vector<Route> routes, std::shared_ptr<SessionStore> sessions, std::string csrf_secret,
                   ErrorRenderer render_error, PipelineOptions options)
    : routes_(std::move(routes)),
      sessions_(std::move(sessions)),
      csrf_secret_(std::move(csrf_secret)),
      render_error_(std::move(render_error)),
      options_(options) {
  if (!options_.clock) options_.clock = &core::system_clock();
  for (auto& r : routes_) {
    if (r.policy.name.empty() || !r.policy.check) {
      throw std::invalid_argument("route " + r.method + " " + r.pattern + " has no access policy");
    }
    if (!r.handler) throw std::invalid_argument("route " + r.method + " " + r.pattern + " has no handler");
    matcher_.add(r.method, r.pattern);
    largest_body_ = std::max(largest_body_, r.max_body);
  }
}

size_t Pipeline::body_limit(const Request& req, size_t default_limit) const {
  if (!is_unsafe(req.method())) return default_limit;
  std::string_view target = req.target();
  std::string_view path = target.substr(0, target.find('?'));
  if (path.empty() || path.front() != '/') return default_limit;
  auto match = matcher_.match(req.method_string(), path);
  if (match.outcome != RouteMatcher::Outcome::found) return default_limit;
  const size_t route_limit = routes_[match.match.index].max_body;
  // A route without uploads takes only urlencoded forms: nothing bigger than the form limit is worth reading.
  return route_limit > 0 ? route_limit : std::min(default_limit, options_.max_form_bytes);
}

bool Pipeline::takes_uploads(const Request& req) const {
  std::string_view target = req.target();
  std::string_view path = target.substr(0, target.find('?'));
  if (path.empty() || path.front() != '/') return false;
  auto match = matcher_.match(req.method_string(), path);
  return match.outcome == RouteMatcher::Outcome::found && routes_[match.match.index].max_body > 0;
}

std::string Pipeline::client_of(const Request& req, std::string_view peer) const {
  std::string_view forwarded;
  if (auto it = req.find("X-Forwarded-For"); it != req.end()) forwarded = it->value();
  return client_address(peer, forwarded, options_.trusted_proxy);
}

awaitable<Response> Pipeline::handle(const Request& req, std::string remote_address, OpenStream* stream) {
  auto op = run(req, std::move(remote_address), nullptr, stream);
  co_return co_await std::move(op);
}

awaitable<bool> Pipeline::still_signed_in(const Request& req, long long user_id) {
  std::string_view cookies;
  if (auto it = req.find(bhttp::field::cookie); it != req.end()) cookies = it->value();
  auto token = find_cookie(cookies, kSessionCookie);
  if (!token || token->empty() || token->size() > 64) co_return false;
  auto load = sessions_->load_with_principal(security::hash_token(*token), principals_.get());
  auto loaded = co_await std::move(load);
  if (!loaded.session || loaded.session->user_id != user_id || !loaded.principal) co_return false;
  co_return now() < session_end(*loaded.session, is_admin(loaded.principal));
}

awaitable<std::optional<Response>> Pipeline::check_header(const Request& req, std::string remote_address) {
  bool ok = false;
  auto op = run(req, std::move(remote_address), &ok);
  Response res = co_await std::move(op);
  if (ok) co_return std::nullopt;
  // The body is not read: the connection cannot carry another request.
  res.keep_alive(false);
  co_return res;
}

awaitable<Response> Pipeline::run(const Request& req, std::string remote_address, bool* headers_ok,
                                  OpenStream* stream) {
  const auto start = std::chrono::steady_clock::now();
  RequestContext ctx{.request = req};
  ctx.remote_address = client_of(req, remote_address);
  ctx.request_id = security::random_token(9);
  ctx.secure_cookies = options_.secure_cookies;
  ctx.org_navigation = &options_.org_navigation;
  std::string_view target = req.target();
  auto qpos = target.find('?');
  ctx.path = target.substr(0, qpos);
  ctx.query = qpos == std::string_view::npos ? std::string_view{} : target.substr(qpos + 1);

  Response res;
  std::exception_ptr failure;
  try {
    RouteMatcher::Result match;
    if (!ctx.path.empty() && ctx.path.front() == '/') match = matcher_.match(req.method_string(), ctx.path);
    auto op = dispatch(ctx, match, headers_ok);
    res = co_await std::move(op);
  } catch (...) {
    failure = std::current_exception();
  }
  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      core::log::error("request_failed",
                       {{"request_id", ctx.request_id}, {"path", logged_path(ctx)}, {"error", e.what()}});
    } catch (...) {
      core::log::error("request_failed", {{"request_id", ctx.request_id}, {"path", logged_path(ctx)}});
    }
    res = render_error_(ctx, Status::internal_server_error);
  }
  // Passed the header check: handle() answers once the body is here, and logs it then.
  if (headers_ok && *headers_ok && !failure) co_return Response{};
  if (headers_ok) *headers_ok = false;
  finish(ctx, res);
  // A stream goes to the server only with the 200 its handler answered; any other answer (or a failure) drops it.
  if (stream && ctx.stream && !failure && res.result() == Status::ok) {
    stream->stream = std::move(ctx.stream);
    if (ctx.principal) stream->user_id = ctx.principal->user_id;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string_view route_name = ctx.route ? std::string_view(ctx.route->name) : std::string_view("unmatched");
  metrics_.observe(route_name, res.result_int(), seconds);
  if (options_.access_log) {
    auto status = std::to_string(res.result_int());
    auto ms = std::to_string(seconds * 1000.0);
    core::log::info("request", {{"request_id", ctx.request_id},
                                {"method", req.method_string()},
                                {"path", logged_path(ctx)},
                                {"route", route_name},
                                {"status", status},
                                {"ms", ms}});
  }
  co_return res;
}

awaitable<Response> Pipeline::handle_error(const Request& req, Status status) {
  RequestContext ctx{.request = req};
  ctx.request_id = security::random_token(9);
  ctx.path = req.target().substr(0, req.target().find('?'));
  if (auto al = req.find(bhttp::field::accept_language); al != req.end()) {
    if (auto lang = core::lang_from_accept_language(al->value())) ctx.lang = *lang;
  }
  Response res = render_error_(ctx, status);
  finish(ctx, res);
  metrics_.observe("unmatched", res.result_int(), 0);
  co_return res;
}

awaitable<LoadedSession> SessionStore::load_with_principal(std::string id, PrincipalLoader* principals) {
  LoadedSession out;
  auto load = this->load(std::move(id));
  out.session = co_await std::move(load);
  if (out.session && out.session->user_id && principals) {
    auto person = principals->load(*out.session->user_id);
    out.principal = co_await std::move(person);
  }
  co_return out;
}

awaitable<Response> Pipeline::dispatch(RequestContext& ctx, RouteMatcher::Result& match, bool* headers_ok) {
  const Request& req = ctx.request;
  if (auto al = req.find(bhttp::field::accept_language); al != req.end()) {
    if (auto lang = core::lang_from_accept_language(al->value())) ctx.lang = *lang;
  }
  std::string_view cookies;
  if (auto it = req.find(bhttp::field::cookie); it != req.end()) cookies = it->value();

  const bool found = match.outcome == RouteMatcher::Outcome::found;
  if (found) {
    ctx.route = &routes_[match.match.index];
    ctx.params = std::move(match.match.params);
  }
  const bool html = !found || ctx.route->html;

  std::string_view session_token;
  if (html || ctx.route->uses_session) {
    if (auto token = find_cookie(cookies, kSessionCookie); token && !token->empty() && token->size() <= 64) {
      session_token = *token;
      auto load = sessions_->load_with_principal(token_hashes(csrf_secret_, *token).session_id, principals_.get());
      auto loaded = co_await std::move(load);
      ctx.session = std::move(loaded.session);
      if (ctx.session && ctx.session->user_id) ctx.principal = std::move(loaded.principal);
      // A session of an account with two-step sign-in on that did not pass the second step still owes it: it is
      // signed in for no page at all, whatever way it began (ADR 0015). Signing in again asks for the second step.
      if (ctx.principal && ctx.principal->two_step && !ctx.session->second_step) ctx.principal.reset();
    }
  }

  // A signed-in session ends when it has not been used for a while, or has lasted its whole lifetime; one that
  // only holds a language lasts longer. Its last use is recorded at most every few minutes, not on every GET.
  bool timed_out = false;
  std::string_view ended_message = kTimedOutMessage;
  bool touch = false;
  if (ctx.session) {
    const auto now = this->now();
    if (!ctx.session->user_id) {
      if (now >= ctx.session->expires_at) ctx.session.reset();
    } else if (const bool admin = is_admin(ctx.principal); now >= session_end(*ctx.session, admin)) {
      timed_out = true;
      const auto lifetime = admin ? options_.admin_session_lifetime : options_.session_lifetime;
      if (now >= ctx.session->created_at + lifetime) ended_message = kLastedMessage;
    } else {
      const auto every = std::min<std::chrono::system_clock::duration>(kTouchAtMost, options_.session_idle / 10);
      touch = now - ctx.session->last_seen_at >= every;
    }
  }
  if (timed_out) {
    const auto lang = ctx.session->lang;
    ctx.session.reset();
    ctx.principal.reset();
    session_token = {};
    ctx.set_cookies.push_back(cookie_header(kSessionCookie, "", options_.secure_cookies, 0));
    // The person's language choice outlives their sign-in, in a new session of its own.
    if (lang) ctx.session_for_write().lang = lang;
    const bool unsafe = is_unsafe(req.method());
    if (found && ctx.route->html && ctx.path != options_.sign_in_path &&
        (unsafe || ctx.route->policy.check(ctx) == Decision::need_sign_in)) {
      ctx.set_cookies.push_back(cookie_header(kFlashCookie,
                                              encode_flash(Flash{std::string(ended_message), {}, true}, csrf_secret_),
                                              options_.secure_cookies, kFlashMaxAge));
      if (ctx.session) {
        auto store = store_session(ctx);
        co_await std::move(store);
      }
      std::string target = options_.sign_in_path;
      if (!unsafe) {
        std::string next(ctx.path);
        if (!ctx.query.empty()) next += "?" + std::string(ctx.query);
        target += "?next=" + url_encode_component(next);
      }
      co_return redirect(req, target);
    }
  }
  if (ctx.session && ctx.session->lang) ctx.lang = *ctx.session->lang;

  // A signed-in person's token comes from their session's own token, which only their browser holds and which is
  // new at every sign-in: a planted rt_csrf cookie (and the token an attacker read beside it) cannot forge their
  // requests. Before sign-in the token comes from rt_csrf, so anonymous forms work without a session row.
  const bool session_bound = ctx.session && ctx.session->user_id && !session_token.empty();
  auto csrf_cookie = find_cookie(cookies, kCsrfCookie);
  if (csrf_cookie && (csrf_cookie->size() < 20 || csrf_cookie->size() > 64)) csrf_cookie.reset();
  std::string csrf_value;
  if (csrf_cookie) {
    csrf_value = std::string(*csrf_cookie);
  } else if (html && !session_bound) {
    // Only a page seen while signed out needs one: a signed-in page's forms carry the session's token, and signing
    // in sets a new rt_csrf for the forms after sign-out.
    csrf_value = security::random_token(24);
    ctx.set_cookies.push_back(cookie_header(kCsrfCookie, csrf_value, options_.secure_cookies, -1));
  }
  if (session_bound) {
    ctx.csrf_token = token_hashes(csrf_secret_, session_token).csrf;
  } else if (!csrf_value.empty()) {
    ctx.csrf_token = security::keyed_hash(csrf_secret_, csrf_value);
  }
  if (html) {
    if (auto flash = find_cookie(cookies, kFlashCookie)) ctx.flash = decode_flash(*flash, csrf_secret_);
    // Signed out for not using Roundtable on a page anyone may see (such as the sign-in page): say so here.
    if (timed_out && req.method() == Verb::get) ctx.flash = Flash{std::string(ended_message), {}, true};
  }

  if (match.outcome == RouteMatcher::Outcome::not_found) co_return render_error_(ctx, Status::not_found);
  if (match.outcome == RouteMatcher::Outcome::method_not_allowed) {
    auto res = render_error_(ctx, Status::method_not_allowed);
    std::string allow;
    for (auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
    res.set(bhttp::field::allow, allow);
    co_return res;
  }

  // The one exemption from CSRF: a route whose own address carries a signed token its handler checks (the one-click
  // stop of a notification email, posted by a mail program with no cookies). Forged, it answers 404.
  const bool csrf_needed = ctx.route->policy.name != policy::kSignedAddress;
  if (is_unsafe(req.method()) && headers_ok) {
    // Before the body: its csrf_token field is not here yet, but a post without the cookie (or session) the token
    // needs, or with a wrong X-CSRF-Token header, cannot succeed.
    if (csrf_needed && !session_bound && !csrf_cookie) co_return render_error_(ctx, Status::forbidden);
    if (auto h = req.find("X-CSRF-Token");
        csrf_needed && h != req.end() && !security::constant_time_equal(h->value(), ctx.csrf_token)) {
      co_return render_error_(ctx, Status::forbidden);
    }
  } else if (is_unsafe(req.method())) {
    if (is_urlencoded(req)) {
      if (req.body().size() > options_.max_form_bytes) co_return render_error_(ctx, Status::payload_too_large);
      auto form = parse_urlencoded(req.body());
      if (!form) co_return render_error_(ctx, Status::bad_request);
      ctx.form = std::move(*form);
    } else if (ctx.route->max_body > 0) {
      if (auto boundary = request_boundary(req)) {
        switch (parse_multipart_form(ctx, *boundary, ctx.route->max_body)) {
          case MultipartOutcome::ok: break;
          case MultipartOutcome::too_large: co_return render_error_(ctx, Status::payload_too_large);
          case MultipartOutcome::malformed: co_return render_error_(ctx, Status::bad_request);
        }
      }
    }
    std::string_view sent = ctx.form.value("csrf_token");
    if (auto h = req.find("X-CSRF-Token"); sent.empty() && h != req.end()) sent = h->value();
    if (csrf_needed && ((!session_bound && !csrf_cookie) || ctx.csrf_token.empty() ||
                        !security::constant_time_equal(sent, ctx.csrf_token))) {
      co_return render_error_(ctx, Status::forbidden);
    }
  }

  switch (ctx.route->policy.check(ctx)) {
    case Decision::allow: break;
    case Decision::need_sign_in:
      if (req.method() == Verb::get && ctx.route->html && !options_.sign_in_path.empty()) {
        std::string next(ctx.path);
        if (!ctx.query.empty()) next += "?" + std::string(ctx.query);
        co_return redirect(req, options_.sign_in_path + "?next=" + url_encode_component(next));
      }
      co_return render_error_(ctx, Status::unauthorized);
    case Decision::not_found: co_return render_error_(ctx, Status::not_found);
    case Decision::need_two_step: co_return redirect(req, options_.two_step_setup_path + "?required=1");
  }
  if (headers_ok) {
    *headers_ok = true;
    co_return Response{};
  }

  Response res = co_await ctx.route->handler(ctx);
  if (ctx.next_flash) {
    ctx.set_cookies.push_back(cookie_header(kFlashCookie, encode_flash(*ctx.next_flash, csrf_secret_),
                                            options_.secure_cookies, kFlashMaxAge));
  } else if (ctx.flash && (res.result_int() < 300 || res.result_int() >= 400)) {
    // Shown (or the page could not be): gone on reload.
    ctx.set_cookies.push_back(cookie_header(kFlashCookie, "", options_.secure_cookies, 0));
  }
  if (ctx.session && ctx.session->dirty) {
    auto store = store_session(ctx);
    co_await std::move(store);
  } else if (ctx.session && touch) {
    SessionData seen = *ctx.session;
    seen.last_seen_at = now();
    auto op =
        sessions_->touch(seen.id, seen.last_seen_at, session_end(seen, is_admin(ctx.principal)) + kEndedSessionKept);
    co_await std::move(op);
  }
  co_return res;
}

std::chrono::system_clock::time_point Pipeline::session_end(const SessionData& s, bool admin) const {
  const auto lifetime = admin ? options_.admin_session_lifetime : options_.session_lifetime;
  return std::min(s.last_seen_at + options_.session_idle, s.created_at + lifetime);
}

awaitable<void> Pipeline::store_session(RequestContext& ctx) {
  SessionData& session = *ctx.session;
  if (session.destroy) {
    if (session.destroy_all_for_user && session.user_id) {
      auto all = sessions_->remove_for_user(*session.user_id);
      co_await std::move(all);
    } else if (!session.is_new) {
      auto one = sessions_->remove(session.id);
      co_await std::move(one);
    }
    ctx.set_cookies.push_back(cookie_header(kSessionCookie, "", options_.secure_cookies, 0));
    co_return;
  }
  std::string token;
  if (session.is_new || session.rotate) {
    if (!session.is_new) {
      // A new token at sign-in, so a token planted or seen before cannot ride on the signed-in session.
      auto old = sessions_->remove(session.id);
      co_await std::move(old);
    }
    token = security::random_token();
    session.id = security::hash_token(token);
  }
  if (session.rotate) {
    // Signed in: forms now carry the session's token; a fresh rt_csrf also replaces any planted one for the forms
    // after sign-out.
    std::erase_if(ctx.set_cookies, [](const std::string& c) { return c.starts_with(std::string(kCsrfCookie) + "="); });
    ctx.set_cookies.push_back(cookie_header(kCsrfCookie, security::random_token(24), options_.secure_cookies, -1));
  }
  const auto now = this->now();
  if (session.is_new || session.rotate) session.created_at = now;
  session.last_seen_at = now;
  session.expires_at = session.user_id ? session_end(session, is_admin(ctx.principal)) + kEndedSessionKept
                                       : now + options_.anonymous_session_lifetime;
  auto save = sessions_->save(session);
  co_await std::move(save);
  if (!token.empty()) {
    // This cookie replaces any clearing of the one before (a timed-out session that kept its language).
    std::erase_if(ctx.set_cookies,
                  [](const std::string& c) { return c.starts_with(std::string(kSessionCookie) + "="); });
    ctx.set_cookies.push_back(
        cookie_header(kSessionCookie, token, options_.secure_cookies,
                      max_age(session.user_id ? options_.session_lifetime : options_.anonymous_session_lifetime)));
  }
}

void Pipeline::finish(RequestContext& ctx, Response& res) const {
  // A handler may tighten the policy (files served inline get a sandbox), so keep its own.
  if (res.find("Content-Security-Policy") == res.end()) res.set("Content-Security-Policy", content_security_policy());
  res.set("X-Content-Type-Options", "nosniff");
  // A year, as browsers' HSTS preload expects; only sent where people reach us over HTTPS.
  if (options_.secure_cookies) res.set("Strict-Transport-Security", "max-age=31536000");
  res.set("Referrer-Policy", "same-origin");
  res.set("X-Frame-Options", "DENY");
  res.set("Cross-Origin-Opener-Policy", "same-origin");
  if (res.find("Permissions-Policy") == res.end()) res.set("Permissions-Policy", permissions_policy());
  res.set("X-Request-Id", ctx.request_id);
  if (res.find(bhttp::field::cache_control) == res.end()) res.set(bhttp::field::cache_control, "no-store");
  if (res.find(bhttp::field::content_language) == res.end() &&
      res[bhttp::field::content_type].substr(0, 9) == "text/html") {
    res.set(bhttp::field::content_language, core::lang_code(ctx.lang));
  }
  for (auto& c : ctx.set_cookies) res.insert(bhttp::field::set_cookie, c);
}

}  // namespace roundtable::http
