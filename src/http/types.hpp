/// The request/response types, request context, route table entries and access policies shared by handlers.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "core/roles.hpp"
#include "http/flash.hpp"
#include "http/form.hpp"
#include "http/route_matcher.hpp"

namespace roundtable::http {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;
using Status = boost::beast::http::status;
using Verb = boost::beast::http::verb;

/// A method that may change something (not GET, HEAD or OPTIONS): it needs the form's CSRF token.
bool is_unsafe(Verb v);

/// Server-side session state, stored in the database behind SessionStore.
struct SessionData {
  /// Hash of the cookie token; the token itself is never stored.
  std::string id;
  std::optional<core::Lang> lang;
  std::optional<long long> user_id;
  /// The person passed the second step of two-step sign-in in this session (an authenticator or recovery code).
  bool second_step = false;
  /// When the row may be deleted (a day after the session ends, so a returning person can be told why).
  std::chrono::system_clock::time_point expires_at{};
  /// When this session's token was issued (sign-in gives a new one), and when it was last used (recorded at most
  /// every few minutes).
  std::chrono::system_clock::time_point created_at{};
  std::chrono::system_clock::time_point last_seen_at{};
  bool is_new = false;
  bool dirty = false;
  /// Give the session a new token (and drop the old one) when it is saved: set at sign-in.
  bool rotate = false;
  /// Delete this session and clear the cookie: sign out.
  bool destroy = false;
  /// Also delete every other session of user_id: sign out everywhere.
  bool destroy_all_for_user = false;
};

/// One organisation a signed-in person belongs to, and their roles there.
struct Membership {
  long long org_id = 0;
  std::string org_slug;
  std::string org_name;
  core::Role role = core::Role::member;
  /// The organisation's logo (a local address), or "".
  std::string org_logo_url;
  /// How many of the person's notices in the organisation are unread (the count in its navigation). Read with the
  /// session on every request, never kept with the rest of the person (app/session_store.cpp, ADR 0045).
  long long unread_notices = 0;
  bool has_role(core::Role r) const { return role == r; }
};

/// The signed-in person, loaded for each request from the session's user.
struct Principal {
  long long user_id = 0;
  std::string name;
  std::string email;
  bool platform_admin = false;
  /// Two-step sign-in is on for the account, and so this session passed it: the pipeline treats a session of such an
  /// account that did not pass it as signed out (organisation admins need it on to use their admin pages).
  bool two_step = false;
  std::vector<Membership> memberships;
  /// The membership in the organisation with this slug, or nullptr.
  const Membership* membership(std::string_view org_slug) const;
};

struct RequestContext;

/// Outcome of an access policy for a request.
/// need_two_step: an organisation admin whose account does not have two-step sign-in on yet.
enum class Decision { allow, need_sign_in, not_found, need_two_step };

/// Who may use a route. Every route has one; a route without one cannot be registered.
struct Policy {
  std::string name;
  std::function<Decision(const RequestContext&)> check;
  /// Made by org_member: the request has a membership of the {org} organisation when it allows (OrgRequest).
  bool org_scoped = false;
};

namespace policy {
/// Anyone, signed in or not.
Policy public_access();
/// Only signed-in people.
Policy signed_in();
/// Only platform administrators; everyone else signed in gets 404.
Policy platform_admin();
/// Members of the organisation named by the {org} path parameter; everyone else signed in gets 404, so an
/// organisation's existence does not leak. With a check, the member must also pass it (a module's policy: allow,
/// not_found, or need_two_step for an organisation admin without two-step sign-in). Handlers of these routes take an
/// OrgRequest (see http/route_list.hpp).
Policy org_member(std::string name = "org_member",
                  std::function<Decision(const Principal&, const Membership&)> check = nullptr);
}  // namespace policy

using Handler = std::function<boost::asio::awaitable<Response>(RequestContext&)>;

/// Where a long-lived answer writes (the server's side of a Stream): the connection, after the response header.
class StreamWriter {
 public:
  virtual ~StreamWriter() = default;
  /// Sends these bytes; false once the client has gone (or the write timed out).
  virtual boost::asio::awaitable<bool> write(std::string data) = 0;
  /// Whether the session that opened the stream still names the same person and has not ended (signed out, timed
  /// out, or past its lifetime): a stream that outlives its session must end.
  virtual boost::asio::awaitable<bool> still_signed_in() = 0;
};

/// A long-lived answer, such as server-sent events: a handler sets RequestContext::stream and returns the response
/// whose header goes first (200, no body, no Content-Length); the server then hands the connection to run(), and
/// closes it when run() returns. The connection carries no other request.
class Stream {
 public:
  virtual ~Stream() = default;
  /// Runs on the connection's executor (its I/O thread) until the client goes, the stream ends itself, or stop() is
  /// called.
  virtual boost::asio::awaitable<void> run(StreamWriter& out) = 0;
  /// The server is stopping: run() must return soon. Called on the connection's executor, possibly before run().
  virtual void stop() = 0;
};

/// Page under /o/{org}: the request, the signed-in person and their membership of that organisation, found once by
/// the route's org_member policy, so the handler never looks it up again.
struct OrgRequest {
  RequestContext& ctx;
  const Principal& principal;
  const Membership& membership;
};

struct Route {
  std::string method;
  std::string pattern;
  /// A short stable name used in metrics and logs, e.g. "home".
  std::string name;
  Policy policy;
  Handler handler;
  /// True for routes that return HTML pages (browser tests visit every GET page).
  bool html = true;
  /// Nonzero: the route accepts multipart/form-data bodies (file uploads) up to this many bytes; zero: only
  /// urlencoded forms up to the pipeline's form limit.
  size_t max_body = 0;
  /// Load the session and the signed-in person although the route is not an HTML page (HTML pages always get
  /// them): for answers that depend on who is asking, such as files only some people may see.
  bool uses_session = false;

  /// Builder calls for route_list.hpp: accept multipart uploads up to max_bytes; load the session for a non-HTML
  /// route; answer something other than an HTML page.
  Route& accepts_uploads(size_t max_bytes) {
    max_body = max_bytes;
    return *this;
  }
  Route& with_session() {
    uses_session = true;
    return *this;
  }
  Route& not_html() {
    html = false;
    return *this;
  }
};

/// A file part of a multipart/form-data request.
struct UploadedFile {
  /// The form field's name.
  std::string field;
  /// As the browser sent it (may be empty when no file was chosen); never a trusted path.
  std::string filename;
  std::string content_type;
  /// Points into the request body, which outlives the handler.
  std::string_view data;
};

/// A place in an organisation's navigation (the GOV.UK service navigation on every page under /o/{org}): its name
/// (a message key) and its address below the organisation's ("" for the organisation's own page).
struct OrgNavItem {
  std::string_view title_key;
  std::string path;
  /// Shown only to the organisation's admins.
  bool admins_only = false;
  /// Shows the person's unread notices in the organisation (Membership::unread_notices) beside its name.
  bool shows_unread_notices = false;
};

/// Everything a handler knows about the request it is answering.
struct RequestContext {
  const Request& request;
  std::string request_id;
  std::string_view path;
  std::string_view query;
  PathParams params;
  core::Lang lang = core::Lang::en;
  /// The token that forms must send back as csrf_token.
  std::string csrf_token;
  /// Parsed urlencoded body, or the text parts of a multipart body (for POST forms) — already CSRF-checked.
  FormData form;
  /// File parts of a multipart POST, already CSRF-checked with the form.
  std::vector<UploadedFile> files;
  const Route* route = nullptr;
  std::optional<SessionData> session;
  /// The signed-in person, if any.
  std::optional<Principal> principal;
  /// The message the previous request left for this page (a signed cookie, HTML routes only); pages built with
  /// view::PageBuilder show it as a success banner.
  std::optional<Flash> flash;
  /// The message to leave for the next page (set_flash).
  std::optional<Flash> next_flash;
  /// The client's address (the TCP peer).
  std::string remote_address;
  /// Cookies to set on the response ("name=value; attributes").
  std::vector<std::string> set_cookies;
  bool secure_cookies = false;
  /// The places every organisation page links to (the pipeline's, set for every request; nullptr in tests that
  /// make a context by hand).
  const std::vector<OrgNavItem>* org_navigation = nullptr;
  /// Set by a handler that answers with a long-lived stream (see Stream); the server runs it after a 200's header.
  std::shared_ptr<Stream> stream;

  /// The first file chosen in the field with this name (nullptr when none was chosen).
  const UploadedFile* file(std::string_view field) const;
  /// A path parameter by name ("" when absent).
  std::string_view param(std::string_view name) const;
  /// A path parameter that names a database id ({id}): nullopt unless it is 1 to 18 digits.
  std::optional<long long> id_param(std::string_view name = "id") const { return parse_id(param(name)); }
  /// The query string, parsed; empty on malformed input.
  FormData query_params() const;
  /// The session, created (but not yet stored) if there was none.
  SessionData& session_for_write();
  /// Leaves a success message for the page this request redirects to, e.g. set_flash("about_me.done.saved").
  void set_flash(std::string key, std::vector<std::pair<std::string, std::string>> params = {}) {
    next_flash = Flash{std::move(key), std::move(params)};
  }
  /// Signs this person in: the session gets the user and a new token when the response is sent. second_step: they
  /// have just passed two-step sign-in. Only accounts::pages::open_session calls it (scripts/check-source): it
  /// asks for the second step first whenever the account has two-step sign-in on.
  void sign_in(long long user_id, bool second_step = false);
  /// Signs out (and, if everywhere, ends every session of this person).
  void sign_out(bool everywhere = false);
  core::Translator t() const { return core::Translator(core::Messages::embedded(), lang); }
};

/// Builds a response with the request's HTTP version and keep-alive.
Response make_response(const Request& req, Status status, std::string body, std::string_view content_type);
/// 303 See Other to a local path.
Response redirect(const Request& req, std::string_view location);

}  // namespace roundtable::http
