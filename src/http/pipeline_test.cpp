#include "http/pipeline.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <map>

#include "core/clock.hpp"
#include "http/signed_address.hpp"
#include "security/tokens.hpp"

namespace roundtable::http {
namespace {

using boost::asio::awaitable;

// Sessions in memory: the database-backed store has its own tests on SQLite and PostgreSQL.
class MemorySessions final : public SessionStore {
 public:
  awaitable<std::optional<SessionData>> load(std::string id) override {
    auto it = saved.find(id);
    if (it == saved.end()) co_return std::nullopt;
    // Like the database: only the stored fields come back, none of the request's flags.
    SessionData s;
    s.id = it->second.id;
    s.lang = it->second.lang;
    s.user_id = it->second.user_id;
    s.second_step = it->second.second_step;
    s.expires_at = it->second.expires_at;
    s.created_at = it->second.created_at;
    s.last_seen_at = it->second.last_seen_at;
    co_return s;
  }
  awaitable<void> save(const SessionData& s) override {
    saved[s.id] = s;
    ++saves;
    co_return;
  }
  awaitable<void> touch(std::string id, std::chrono::system_clock::time_point last_seen,
                        std::chrono::system_clock::time_point expires_at) override {
    ++touches;
    if (auto it = saved.find(id); it != saved.end()) {
      it->second.last_seen_at = last_seen;
      it->second.expires_at = expires_at;
    }
    co_return;
  }
  int saves = 0;
  int touches = 0;
  awaitable<void> remove(std::string id) override {
    saved.erase(id);
    co_return;
  }
  awaitable<void> remove_for_user(long long user_id) override {
    std::erase_if(saved, [&](auto& kv) { return kv.second.user_id == user_id; });
    co_return;
  }
  std::map<std::string, SessionData> saved;
};

// People in memory: user 1 is an org admin of "north" (with two-step sign-in), user 2 a member of "south",
// user 3 a platform admin, user 4 an org admin of "north" without two-step sign-in, user 5 a member of "south" with
// two-step sign-in.
class MemoryPrincipals final : public PrincipalLoader {
 public:
  awaitable<std::optional<Principal>> load(long long user_id) override {
    Principal p;
    p.user_id = user_id;
    if (user_id == 1) p.memberships.push_back({10, "north", "North", core::Role::org_admin});
    if (user_id == 1) p.two_step = true;
    // 4: an organisation admin who has not turned on two-step sign-in.
    if (user_id == 4) p.memberships.push_back({10, "north", "North", core::Role::org_admin});
    if (user_id == 2) p.memberships.push_back({20, "south", "South", core::Role::member});
    if (user_id == 3) p.platform_admin = true;
    if (user_id == 5) {
      p.memberships.push_back({20, "south", "South", core::Role::member});
      p.two_step = true;
    }
    if (user_id > 5) co_return std::nullopt;
    co_return p;
  }
};

std::string cookie_value(const Response& res, std::string_view name) {
  for (auto& f : res) {
    if (f.name() == boost::beast::http::field::set_cookie && f.value().starts_with(std::string(name) + "=")) {
      auto v = f.value().substr(name.size() + 1);
      return std::string(v.substr(0, v.find(';')));
    }
  }
  return "-";
}

Response run(Pipeline& p, const Request& req) {
  boost::asio::io_context ioc;
  Response out;
  boost::asio::co_spawn(ioc, p.handle(req), [&](std::exception_ptr e, Response r) {
    if (e) std::rethrow_exception(e);
    out = std::move(r);
  });
  ioc.run();
  return out;
}

Request make(Verb verb, std::string target, std::string body = "", std::string cookie = "") {
  Request req{verb, target, 11};
  if (!cookie.empty()) req.set(boost::beast::http::field::cookie, cookie);
  if (!body.empty()) {
    req.set(boost::beast::http::field::content_type, "application/x-www-form-urlencoded");
    req.body() = body;
    req.prepare_payload();
  }
  return req;
}

Handler text(std::string s) {
  return [s](RequestContext& ctx) -> awaitable<Response> {
    co_return make_response(ctx.request, Status::ok, s, "text/html; charset=utf-8");
  };
}

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sessions = std::make_shared<MemorySessions>();
    std::vector<Route> routes;
    routes.push_back({"GET", "/", "home", policy::public_access(), text("home")});
    routes.push_back({"GET", "/private", "private", policy::signed_in(), text("secret")});
    // A page anyone may see: its body is the message left for it, if any.
    routes.push_back(
        {"GET", "/flash", "flash", policy::public_access(), [](RequestContext& ctx) -> awaitable<Response> {
           co_return make_response(ctx.request, Status::ok, ctx.flash ? ctx.flash->key : "none",
                                   "text/html; charset=utf-8");
         }});
    // A page with a form: its body is the token the form would carry.
    routes.push_back({"GET", "/form", "form", policy::public_access(), [](RequestContext& ctx) -> awaitable<Response> {
                        co_return make_response(ctx.request, Status::ok, ctx.csrf_token, "text/html; charset=utf-8");
                      }});
    routes.push_back({"GET", "/boom", "boom", policy::public_access(),
                      [](RequestContext&) -> awaitable<Response> { throw std::runtime_error("kaboom"); }});
    routes.push_back({"POST", "/lang", "lang", policy::public_access(), [](RequestContext& ctx) -> awaitable<Response> {
                        ctx.session_for_write().lang = core::parse_lang(ctx.form.value("lang"));
                        co_return redirect(ctx.request, "/");
                      }});
    routes.push_back(
        {"POST", "/sign-in", "sign_in", policy::public_access(), [](RequestContext& ctx) -> awaitable<Response> {
           // second_step=1: as after the second step of two-step sign-in.
           ctx.sign_in(std::stoll(std::string(ctx.form.value("user"))), ctx.form.value("second_step") == "1");
           co_return redirect(ctx.request, "/");
         }});
    routes.push_back(
        {"POST", "/sign-out", "sign_out", policy::public_access(), [](RequestContext& ctx) -> awaitable<Response> {
           ctx.sign_out(ctx.form.value("everywhere") == "yes");
           co_return redirect(ctx.request, "/");
         }});
    routes.push_back({"POST", "/private", "private_post", policy::signed_in(), text("posted")});
    // A route whose address carries its own signed token (the one-click stop): no CSRF token needed.
    routes.push_back({"POST", "/stop/{token}", "stop_save", policy::signed_address(),
                      [](RequestContext& ctx) -> awaitable<Response> {
                        co_return make_response(ctx.request, Status::ok,
                                                "stopped " + std::string(ctx.form.value("List-Unsubscribe")),
                                                "text/html; charset=utf-8");
                      }});
    routes.push_back({"GET", "/admin", "admin", policy::platform_admin(), text("admin")});
    routes.push_back({"GET", "/o/{org}", "org", policy::org_member(), text("org")});
    routes.push_back({"GET", "/o/{org}/settings", "org_settings",
                      policy::org_member("admins",
                                         [](const Principal& p, const Membership& m) {
                                           if (m.role != core::Role::org_admin) return Decision::not_found;
                                           return p.two_step ? Decision::allow : Decision::need_two_step;
                                         }),
                      text("settings")});
    Route upload{"POST", "/upload", "upload", policy::public_access(),
                 [this](RequestContext& ctx) -> awaitable<Response> {
                   ++handler_runs;
                   received_form = ctx.form.fields();
                   received_files.clear();
                   for (auto& f : ctx.files) {
                     received_files.push_back({f.field, f.filename, f.content_type, std::string(f.data)});
                   }
                   co_return redirect(ctx.request, "/");
                 }};
    upload.max_body = 1024;
    routes.push_back(std::move(upload));
    Route mine{"POST", "/my-upload", "my_upload", policy::signed_in(), text("uploaded")};
    mine.max_body = 1024;
    routes.push_back(std::move(mine));
    Route big{"POST", "/upload-big", "upload_big", policy::public_access(), text("big")};
    big.max_body = 4096;
    routes.push_back(std::move(big));
    routes.push_back(
        {"POST", "/no-uploads", "no_uploads", policy::public_access(), [this](RequestContext&) -> awaitable<Response> {
           ++handler_runs;
           co_return make_response(Request{}, Status::ok, "ran", "text/plain");
         }});
    routes.push_back({"GET", "/file", "file", policy::public_access(), [](RequestContext& ctx) -> awaitable<Response> {
                        auto res = make_response(ctx.request, Status::ok, "bytes", "audio/mpeg");
                        res.set("Content-Security-Policy", "default-src 'none'; sandbox");
                        co_return res;
                      }});
    routes.push_back(
        {"GET", "/record", "record", policy::public_access(), [](RequestContext& ctx) -> awaitable<Response> {
           auto res = make_response(ctx.request, Status::ok, "<p>record</p>", "text/html");
           allow_microphone(res);
           co_return res;
         }});
    // Two non-HTML answers that say who is asking: one that loads the session, one that does not.
    for (bool uses_session : {true, false}) {
      Route who{"GET", uses_session ? "/who" : "/who-fast", uses_session ? "who" : "who_fast", policy::public_access(),
                [](RequestContext& ctx) -> awaitable<Response> {
                  const std::string who = ctx.principal ? std::to_string(ctx.principal->user_id) : "nobody";
                  co_return make_response(ctx.request, Status::ok, who, "text/plain");
                }};
      who.html = false;
      who.uses_session = uses_session;
      routes.push_back(std::move(who));
    }
    pipeline = std::make_unique<Pipeline>(
        std::move(routes), sessions, "test-secret",
        [](RequestContext& ctx, Status s) {
          return make_response(
              ctx.request, s,
              "error " + std::to_string(static_cast<int>(s)) + " " + std::string(core::lang_code(ctx.lang)),
              "text/html; charset=utf-8");
        },
        PipelineOptions{.access_log = false, .clock = &clock});
    pipeline->set_principal_loader(std::make_shared<MemoryPrincipals>());
  }

  /// A browser: keeps its cookies and sends the CSRF token of a page with a form (/form) with posts.
  struct Browser {
    Pipeline& p;
    std::string csrf = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    std::string session;
    std::string cookies() const { return "rt_csrf=" + csrf + (session.empty() ? "" : "; rt_session=" + session); }
    Response get(std::string target) { return keep(run(p, make(Verb::get, std::move(target), "", cookies()))); }
    /// The token a form on a page shown now would carry.
    std::string token() { return get("/form").body(); }
    Response post(std::string target, std::string body) { return post_with(std::move(target), body, token()); }
    Response post_with(std::string target, std::string body, const std::string& token) {
      return keep(run(p, make(Verb::post, std::move(target), body + "&csrf_token=" + token, cookies())));
    }
    Response keep(Response res) {
      if (auto s = cookie_value(res, "rt_session"); s != "-") session = s;
      if (auto c = cookie_value(res, "rt_csrf"); c != "-") csrf = c;
      return res;
    }
  };
  Browser browser() { return Browser{*pipeline}; }

  static constexpr std::string_view kCsrf = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

  /// A multipart/form-data POST from a browser holding the kCsrf cookie.
  static Request multipart(std::string target, std::string body, std::string boundary = "XyZzY") {
    Request req{Verb::post, target, 11};
    req.set(boost::beast::http::field::cookie, "rt_csrf=" + std::string(kCsrf));
    req.set(boost::beast::http::field::content_type, "multipart/form-data; boundary=" + boundary);
    req.body() = std::move(body);
    req.prepare_payload();
    return req;
  }
  static std::string text_part(std::string_view name, std::string_view value) {
    return "--XyZzY\r\nContent-Disposition: form-data; name=\"" + std::string(name) + "\"\r\n\r\n" +
           std::string(value) + "\r\n";
  }
  static std::string file_part(std::string_view name, std::string_view filename, std::string_view type,
                               std::string_view data) {
    return "--XyZzY\r\nContent-Disposition: form-data; name=\"" + std::string(name) + "\"; filename=\"" +
           std::string(filename) + "\"\r\nContent-Type: " + std::string(type) + "\r\n\r\n" + std::string(data) + "\r\n";
  }
  static std::string csrf_part() { return text_part("csrf_token", security::keyed_hash("test-secret", kCsrf)); }
  static constexpr std::string_view kEnd = "--XyZzY--\r\n";

  struct ReceivedFile {
    std::string field, filename, content_type, data;
  };
  int handler_runs = 0;
  std::vector<std::pair<std::string, std::string>> received_form;
  std::vector<ReceivedFile> received_files;

  core::ManualClock clock;
  std::shared_ptr<MemorySessions> sessions;
  std::unique_ptr<Pipeline> pipeline;
};

TEST_F(PipelineTest, EveryResponseCarriesSecurityHeaders) {
  for (auto target : {"/", "/missing"}) {
    auto res = run(*pipeline, make(Verb::get, target));
    EXPECT_EQ(res["Content-Security-Policy"], content_security_policy());
    EXPECT_EQ(std::string(res["Content-Security-Policy"]).find("unsafe-inline"), std::string::npos);
    EXPECT_NE(std::string(res["Content-Security-Policy"]).find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(res["X-Content-Type-Options"], "nosniff");
    EXPECT_EQ(res["Referrer-Policy"], "same-origin");
    EXPECT_FALSE(res["X-Request-Id"].empty());
  }
}

TEST_F(PipelineTest, UnknownPathsAre404AndWrongMethods405) {
  EXPECT_EQ(run(*pipeline, make(Verb::get, "/nope")).result(), Status::not_found);
  auto res = run(*pipeline, make(Verb::delete_, "/"));
  EXPECT_EQ(res.result(), Status::method_not_allowed);
  EXPECT_EQ(res[boost::beast::http::field::allow], "GET");
}

TEST_F(PipelineTest, PostsWithoutAValidCsrfTokenAreRefused) {
  EXPECT_EQ(run(*pipeline, make(Verb::post, "/lang", "lang=cy")).result(), Status::forbidden);
  EXPECT_EQ(run(*pipeline, make(Verb::post, "/lang", "lang=cy&csrf_token=wrong", "rt_csrf=aaaaaaaaaaaaaaaaaaaaaaaa"))
                .result(),
            Status::forbidden);
  EXPECT_TRUE(sessions->saved.empty());
}

TEST_F(PipelineTest, OnlyARouteWithItsOwnSignedAddressTakesAPostWithoutTheCsrfToken) {
  // As a mail program sends RFC 8058's one-click post: no cookies, no token, the form in the body.
  auto res = run(*pipeline, make(Verb::post, "/stop/abc", "List-Unsubscribe=One-Click"));
  EXPECT_EQ(res.result(), Status::ok);
  EXPECT_EQ(res.body(), "stopped One-Click");
  EXPECT_EQ(run(*pipeline, make(Verb::post, "/private", "x=1")).result(), Status::forbidden);
}

TEST_F(PipelineTest, ValidTokenRunsTheHandlerAndTheSessionIsRemembered) {
  auto first = run(*pipeline, make(Verb::get, "/"));
  std::string set_cookie(first[boost::beast::http::field::set_cookie]);
  ASSERT_EQ(set_cookie.rfind("rt_csrf=", 0), 0u);
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos);
  auto csrf = set_cookie.substr(8, set_cookie.find(';') - 8);
  auto token = security::keyed_hash("test-secret", csrf);
  auto res = run(*pipeline, make(Verb::post, "/lang", "lang=cy&csrf_token=" + token, "rt_csrf=" + csrf));
  ASSERT_EQ(res.result(), Status::see_other);
  ASSERT_EQ(sessions->saved.size(), 1u);
  std::string session_cookie;
  for (auto& f : res) {
    if (f.name() == boost::beast::http::field::set_cookie && f.value().starts_with("rt_session=")) {
      session_cookie = std::string(f.value().substr(0, f.value().find(';')));
    }
  }
  ASSERT_FALSE(session_cookie.empty());
  // The cookie holds the token; the store holds only its hash.
  EXPECT_EQ(sessions->saved.count(session_cookie.substr(11)), 0u);
  auto missing = run(*pipeline, make(Verb::get, "/missing", "", session_cookie));
  EXPECT_EQ(missing.body(), "error 404 cy");
}

TEST_F(PipelineTest, SignedInPagesSendAnonymousPeopleToSignInAndBack) {
  auto res = run(*pipeline, make(Verb::get, "/private?x=1"));
  EXPECT_EQ(res.result(), Status::see_other);
  EXPECT_EQ(res[boost::beast::http::field::location], "/sign-in?next=/private%3Fx%3D1");
  EXPECT_EQ(browser().post("/private", "a=b").result(), Status::unauthorized);
}

TEST_F(PipelineTest, SigningInGivesANewTokenAndDropsTheOldSession) {
  // User 1 has two-step sign-in on: these sessions passed the second step, as every signed-in session of theirs must.
  auto b = browser();
  b.post("/lang", "lang=cy");
  const auto anonymous_token = b.session;
  ASSERT_EQ(sessions->saved.size(), 1u);
  auto res = b.post("/sign-in", "user=1&second_step=1");
  EXPECT_NE(b.session, anonymous_token);
  ASSERT_EQ(sessions->saved.size(), 1u);
  EXPECT_EQ(sessions->saved.begin()->second.user_id, 1);
  EXPECT_EQ(sessions->saved.begin()->second.lang, core::Lang::cy);
  EXPECT_EQ(sessions->saved.count(security::hash_token(anonymous_token)), 0u);
  EXPECT_EQ(b.get("/private").body(), "secret");
  // The old token no longer signs anyone in.
  Browser old{*pipeline};
  old.session = anonymous_token;
  EXPECT_EQ(old.get("/private").result(), Status::see_other);
}

TEST_F(PipelineTest, SignOutEndsThisSessionAndEverywhereEndsThemAll) {
  auto laptop = browser();
  auto phone = browser();
  laptop.post("/sign-in", "user=1&second_step=1");
  phone.post("/sign-in", "user=1&second_step=1");
  auto other = browser();
  other.post("/sign-in", "user=2");
  ASSERT_EQ(sessions->saved.size(), 3u);
  auto res = laptop.post("/sign-out", "everywhere=no");
  EXPECT_EQ(cookie_value(res, "rt_session"), "");
  EXPECT_EQ(sessions->saved.size(), 2u);
  EXPECT_EQ(phone.get("/private").body(), "secret");
  laptop.post("/sign-in", "user=1&second_step=1");
  phone.post("/sign-out", "everywhere=yes");
  EXPECT_EQ(sessions->saved.size(), 1u);
  EXPECT_EQ(laptop.get("/private").result(), Status::see_other);
  EXPECT_EQ(other.get("/private").body(), "secret");
}

TEST_F(PipelineTest, AccountsThatNoLongerExistAreSignedOut) {
  auto b = browser();
  b.post("/sign-in", "user=9");
  EXPECT_EQ(b.get("/private").result(), Status::see_other);
}

TEST_F(PipelineTest, OrganisationPagesAre404ForEveryoneOutsideIt) {
  auto admin = browser();
  admin.post("/sign-in", "user=1&second_step=1");
  auto member = browser();
  member.post("/sign-in", "user=2");
  auto platform = browser();
  platform.post("/sign-in", "user=3");
  EXPECT_EQ(admin.get("/o/north").body(), "org");
  EXPECT_EQ(admin.get("/o/north/settings").body(), "settings");
  EXPECT_EQ(admin.get("/o/south").result(), Status::not_found);
  EXPECT_EQ(member.get("/o/south").body(), "org");
  EXPECT_EQ(member.get("/o/south/settings").result(), Status::not_found);
  EXPECT_EQ(member.get("/o/north").result(), Status::not_found);
  EXPECT_EQ(member.get("/o/nowhere").result(), Status::not_found);
  EXPECT_EQ(platform.get("/o/north").result(), Status::not_found);
  EXPECT_EQ(platform.get("/admin").body(), "admin");
  EXPECT_EQ(admin.get("/admin").result(), Status::not_found);
  EXPECT_EQ(browser().get("/o/north").result(), Status::see_other);
  EXPECT_EQ(browser().get("/admin").result(), Status::see_other);
}

TEST_F(PipelineTest, AdminPagesNeedTheSecondStepPassedInThisSessionNotOnlyTurnedOn) {
  // User 1 has two-step sign-in on, but this session began without the second step (as a password reset did): it
  // is signed in for no page, admin pages included.
  auto admin = browser();
  admin.post("/sign-in", "user=1");
  auto settings = admin.get("/o/north/settings");
  EXPECT_EQ(settings.result(), Status::see_other);
  EXPECT_EQ(settings[boost::beast::http::field::location], "/sign-in?next=/o/north/settings");
  auto passed = browser();
  passed.post("/sign-in", "user=1&second_step=1");
  EXPECT_EQ(passed.get("/o/north/settings").body(), "settings");
}

// Issue #12 item 1: a session that still owes its second step is not signed in for any page, not only admin pages.
TEST_F(PipelineTest, ASessionThatOwesItsSecondStepIsSignedOutForAnOrdinaryMemberPage) {
  // User 5 is a member (no admin pages anywhere) with two-step sign-in on.
  auto owing = browser();
  owing.post("/sign-in", "user=5");
  auto org = owing.get("/o/south");
  EXPECT_EQ(org.result(), Status::see_other);
  EXPECT_EQ(org[boost::beast::http::field::location], "/sign-in?next=/o/south");
  auto own = owing.get("/private");
  EXPECT_EQ(own.result(), Status::see_other);
  EXPECT_EQ(own[boost::beast::http::field::location], "/sign-in?next=/private");
  EXPECT_EQ(owing.post("/private", "").result(), Status::unauthorized) << "nor may it change anything";
  // Passed in this session: the same person's pages open.
  auto passed = browser();
  passed.post("/sign-in", "user=5&second_step=1");
  EXPECT_EQ(passed.get("/o/south").body(), "org");
  EXPECT_EQ(passed.get("/private").body(), "secret");
  // An account without two-step sign-in owes nothing.
  auto member = browser();
  member.post("/sign-in", "user=2");
  EXPECT_EQ(member.get("/o/south").body(), "org");
}

TEST_F(PipelineTest, AnOrganisationAdminWithoutTwoStepSignInIsSentToSetItUpForAdminPagesOnly) {
  auto admin = browser();
  admin.post("/sign-in", "user=4");
  EXPECT_EQ(admin.get("/o/north").body(), "org");
  auto settings = admin.get("/o/north/settings");
  EXPECT_EQ(settings.result(), Status::see_other);
  EXPECT_EQ(settings[boost::beast::http::field::location], "/account/two-step?required=1");
  EXPECT_EQ(admin.get("/o/south/settings").result(), Status::not_found) << "other organisations still answer 404";
}

TEST_F(PipelineTest, AFailingHandlerGivesA500AndThePipelineCarriesOn) {
  EXPECT_EQ(run(*pipeline, make(Verb::get, "/boom")).result(), Status::internal_server_error);
  EXPECT_EQ(run(*pipeline, make(Verb::get, "/")).result(), Status::ok);
  auto metrics = pipeline->metrics().render();
  EXPECT_NE(metrics.find("roundtable_http_requests_total{route=\"boom\",status=\"500\"} 1"), std::string::npos);
  EXPECT_NE(metrics.find("roundtable_http_request_duration_seconds_count 2"), std::string::npos);
}

TEST_F(PipelineTest, LanguageFromAcceptLanguage) {
  auto req = make(Verb::get, "/missing");
  req.set(boost::beast::http::field::accept_language, "cy-GB,cy;q=0.9,en;q=0.5");
  EXPECT_EQ(run(*pipeline, req).body(), "error 404 cy");
}

TEST_F(PipelineTest, MultipartPostsReachTheHandlerAsFormFieldsAndFiles) {
  const std::string binary("\x89PNG\r\n\0\x1a\r\n--XyZz\xff", 17);
  const std::string body = text_part("caption", "Hwyl fawr, café") + csrf_part() +
                           file_part("photo", "me.png", "image/png", binary) +
                           file_part("other", "", "application/octet-stream", "") + std::string(kEnd);
  auto res = run(*pipeline, multipart("/upload", body));
  ASSERT_EQ(res.result(), Status::see_other) << res.body();
  ASSERT_EQ(handler_runs, 1);
  ASSERT_EQ(received_form.size(), 2u);
  EXPECT_EQ(received_form[0], (std::pair<std::string, std::string>{"caption", "Hwyl fawr, café"}));
  EXPECT_EQ(received_form[1].first, "csrf_token");
  ASSERT_EQ(received_files.size(), 2u);
  EXPECT_EQ(received_files[0].field, "photo");
  EXPECT_EQ(received_files[0].filename, "me.png");
  EXPECT_EQ(received_files[0].content_type, "image/png");
  EXPECT_EQ(received_files[0].data, binary);
  // A file input left empty still arrives, with no name and no bytes.
  EXPECT_EQ(received_files[1].field, "other");
  EXPECT_EQ(received_files[1].filename, "");
  EXPECT_EQ(received_files[1].data, "");
}

TEST_F(PipelineTest, MultipartPostsWithoutAValidCsrfTokenAreRefused) {
  const std::string file = file_part("photo", "me.png", "image/png", "data");
  EXPECT_EQ(run(*pipeline, multipart("/upload", file + std::string(kEnd))).result(), Status::forbidden);
  EXPECT_EQ(run(*pipeline, multipart("/upload", text_part("csrf_token", "wrong") + file + std::string(kEnd))).result(),
            Status::forbidden);
  EXPECT_EQ(handler_runs, 0);
}

TEST_F(PipelineTest, MultipartIsNotParsedForRoutesThatTakeNoUploads) {
  auto res = run(*pipeline, multipart("/no-uploads", csrf_part() + std::string(kEnd)));
  EXPECT_EQ(res.result(), Status::forbidden);
  EXPECT_EQ(handler_runs, 0);
}

TEST_F(PipelineTest, MalformedMultipartIs400) {
  const std::string body = csrf_part() + file_part("photo", "me.png", "image/png", "data") + std::string(kEnd);
  EXPECT_EQ(run(*pipeline, multipart("/upload", body, "OtherBoundary")).result(), Status::bad_request);
  EXPECT_EQ(run(*pipeline, multipart("/upload", body.substr(0, body.size() - kEnd.size() - 10))).result(),
            Status::bad_request);
  EXPECT_EQ(handler_runs, 0);
}

TEST_F(PipelineTest, MultipartTextFieldsFollowTheUrlencodedRules) {
  for (std::string bad : {std::string("caf\xc3"), std::string("a\0b", 3), std::string("\xc0\xaf")}) {
    auto res = run(*pipeline, multipart("/upload", csrf_part() + text_part("caption", bad) + std::string(kEnd)));
    EXPECT_EQ(res.result(), Status::bad_request);
  }
  EXPECT_EQ(handler_runs, 0);
}

TEST_F(PipelineTest, MultipartBodiesOverTheRoutesLimitAre413) {
  const std::string body = csrf_part() +
                           file_part("photo", "big.bin", "application/octet-stream", std::string(1100, 'x')) +
                           std::string(kEnd);
  EXPECT_EQ(run(*pipeline, multipart("/upload", body)).result(), Status::payload_too_large);
  EXPECT_EQ(handler_runs, 0);
  EXPECT_EQ(run(*pipeline, multipart("/upload-big", body)).body(), "big");
}

TEST_F(PipelineTest, BodyLimitsComeFromTheMatchedRoute) {
  EXPECT_EQ(pipeline->largest_body_limit(), 4096u);
  EXPECT_EQ(pipeline->body_limit(Request{Verb::post, "/upload", 11}, 10), 1024u);
  EXPECT_EQ(pipeline->body_limit(Request{Verb::post, "/upload?x=1", 11}, 10), 1024u);
  EXPECT_EQ(pipeline->body_limit(Request{Verb::post, "/upload-big", 11}, 10), 4096u);
  EXPECT_EQ(pipeline->body_limit(Request{Verb::post, "/lang", 11}, 10), 10u);
  // A form route reads no more than a form may be.
  EXPECT_EQ(pipeline->body_limit(Request{Verb::post, "/lang", 11}, 10 << 20), 1u << 20);
  EXPECT_EQ(pipeline->body_limit(Request{Verb::post, "/missing", 11}, 10), 10u);
  EXPECT_EQ(pipeline->body_limit(Request{Verb::get, "/upload", 11}, 10), 10u);
  EXPECT_EQ(pipeline->body_limit(Request{Verb::put, "/upload", 11}, 10), 10u);
}

TEST_F(PipelineTest, AHandlersOwnContentSecurityPolicyIsKept) {
  auto res = run(*pipeline, make(Verb::get, "/file"));
  EXPECT_EQ(res["Content-Security-Policy"], "default-src 'none'; sandbox");
  EXPECT_EQ(res["X-Content-Type-Options"], "nosniff");
  EXPECT_NE(content_security_policy().find("media-src 'self'"), std::string_view::npos);
  EXPECT_EQ(run(*pipeline, make(Verb::get, "/"))["Content-Security-Policy"], content_security_policy());
}

TEST_F(PipelineTest, OnlyThePageThatRecordsMayUseTheMicrophoneAndPlayItsOwnRecording) {
  auto plain = run(*pipeline, make(Verb::get, "/"));
  EXPECT_EQ(plain["Permissions-Policy"], permissions_policy());
  EXPECT_NE(permissions_policy().find("microphone=()"), std::string_view::npos);
  EXPECT_EQ(plain["Content-Security-Policy"].find("blob:"), std::string_view::npos);
  auto recording = run(*pipeline, make(Verb::get, "/record"));
  EXPECT_EQ(recording["Permissions-Policy"], "camera=(), microphone=(self), geolocation=(), interest-cohort=()");
  const std::string csp(recording["Content-Security-Policy"]);
  EXPECT_NE(csp.find("media-src 'self' blob:;"), std::string::npos);
  // Only media-src changes: scripts, styles and everything else stay as strict as on every other page.
  std::string expected(content_security_policy());
  expected.replace(expected.find("media-src 'self';"), 17, "media-src 'self' blob:;");
  EXPECT_EQ(csp, expected);
}

TEST(ClientAddress, OnlyTheTrustedProxyMayNameTheClient) {
  EXPECT_EQ(client_address("10.0.0.5", "203.0.113.9", ""), "10.0.0.5");
  EXPECT_EQ(client_address("10.0.0.5", "203.0.113.9", "10.0.0.1"), "10.0.0.5");
  EXPECT_EQ(client_address("10.0.0.1", "203.0.113.9", "10.0.0.1"), "203.0.113.9");
  // A client cannot choose its address by sending the header itself: the proxy's own entry comes last.
  EXPECT_EQ(client_address("10.0.0.1", "1.2.3.4, 203.0.113.9", "10.0.0.1"), "203.0.113.9");
  EXPECT_EQ(client_address("10.0.0.1", "2001:db8::1", "10.0.0.1"), "2001:db8::1");
  EXPECT_EQ(client_address("10.0.0.1", "", "10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(client_address("10.0.0.1", "not an address", "10.0.0.1"), "10.0.0.1");
}

TEST(LocalPath, OnlyLocalRedirectTargets) {
  EXPECT_TRUE(is_local_path("/search?q=x"));
  EXPECT_FALSE(is_local_path("//evil.example"));
  EXPECT_FALSE(is_local_path("/\\evil.example"));
  EXPECT_FALSE(is_local_path("https://evil.example"));
  EXPECT_FALSE(is_local_path(""));
  EXPECT_FALSE(is_local_path("/a\r\nSet-Cookie: x"));
}

TEST_F(PipelineTest, NonHtmlRoutesKnowWhoIsAskingOnlyWhenTheyAskForTheSession) {
  auto b = browser();
  b.post("/sign-in", "user=2");
  EXPECT_EQ(b.get("/who").body(), "2");
  EXPECT_EQ(b.get("/who-fast").body(), "nobody") << "health checks and the like skip the session lookup";
  EXPECT_EQ(browser().get("/who").body(), "nobody");
}

}  // namespace
}  // namespace roundtable::http

namespace roundtable::http {
namespace {

TEST_F(PipelineTest, APlantedCsrfCookieCannotForgeASignedInRequest) {
  // The attacker visits anonymously and reads the token beside their own rt_csrf cookie.
  auto attacker = browser();
  attacker.csrf = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  const std::string attacker_token = attacker.token();
  ASSERT_EQ(attacker_token, security::keyed_hash("test-secret", attacker.csrf));
  // The victim signs in; the attacker then plants their cookie in the victim's browser.
  auto victim = browser();
  ASSERT_EQ(victim.post("/sign-in", "user=2").result(), Status::see_other);
  victim.csrf = attacker.csrf;
  EXPECT_EQ(victim.post_with("/private", "a=b", attacker_token).result(), Status::forbidden);
  // The victim's own forms still work, whatever rt_csrf holds: the token is the session's.
  EXPECT_EQ(victim.post("/private", "a=b").body(), "posted");
}

TEST_F(PipelineTest, ASignedInPageWithoutAFormCookieMakesNoneAndItsFormsStillWork) {
  auto b = browser();
  ASSERT_EQ(b.post("/sign-in", "user=2").result(), Status::see_other);
  // A client that did not keep rt_csrf (a browser keeps the one signing in set): its signed-in pages' forms carry the
  // session's token, so no cookie is made for it on every page.
  b.csrf = "";
  auto page = b.get("/form");
  EXPECT_EQ(cookie_value(page, "rt_csrf"), "-");
  EXPECT_EQ(page.body(), session_csrf_token("test-secret", b.session));
  EXPECT_EQ(b.post_with("/private", "a=b", page.body()).body(), "posted");
  // Once signed out, a page makes one again for the forms anyone may use.
  b.session = "";
  EXPECT_NE(cookie_value(b.get("/form"), "rt_csrf"), "-");
}

// A session's form token is kept per thread once worked out: it stays the session's own, and a server with another
// secret (a second pipeline on the same thread) gets the one its own secret makes, before and after.
TEST_F(PipelineTest, AKeptFormTokenIsTheSessionsOwnUnderEachServersSecret) {
  auto a = browser();
  auto b = browser();
  ASSERT_EQ(a.post("/sign-in", "user=2").result(), Status::see_other);
  ASSERT_EQ(b.post("/sign-in", "user=3").result(), Status::see_other);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(a.token(), session_csrf_token("test-secret", a.session));
    EXPECT_EQ(b.token(), session_csrf_token("test-secret", b.session));
  }
  EXPECT_NE(a.token(), b.token());
  std::vector<Route> routes;
  routes.push_back({"GET", "/form", "form", policy::public_access(), [](RequestContext& ctx) -> awaitable<Response> {
                      co_return make_response(ctx.request, Status::ok, ctx.csrf_token, "text/html; charset=utf-8");
                    }});
  Pipeline other(
      std::move(routes), sessions, "another-secret",
      [](RequestContext& ctx, Status s) { return make_response(ctx.request, s, "error", "text/html; charset=utf-8"); },
      PipelineOptions{.access_log = false, .clock = &clock});
  Browser elsewhere{other};
  elsewhere.session = a.session;
  EXPECT_EQ(elsewhere.token(), session_csrf_token("another-secret", a.session));
  EXPECT_NE(elsewhere.token(), a.token());
  EXPECT_EQ(a.token(), session_csrf_token("test-secret", a.session));
  // Signed out, the session's token no longer makes the form token.
  ASSERT_EQ(a.post("/sign-out", "").result(), Status::see_other);
  a.session = "";
  EXPECT_EQ(a.token(), security::keyed_hash("test-secret", a.csrf));
}

TEST_F(PipelineTest, SigningInRenewsTheCsrfTokenAndForgetsTheOneBefore) {
  auto b = browser();
  const std::string before = b.token();
  const std::string cookie_before = b.csrf;
  auto res = b.post("/sign-in", "user=2");
  ASSERT_EQ(res.result(), Status::see_other);
  // A new rt_csrf, and a session-bound token that is neither the old token nor derived from any cookie.
  EXPECT_NE(b.csrf, cookie_before);
  const std::string after = b.token();
  EXPECT_NE(after, before);
  EXPECT_EQ(after, session_csrf_token("test-secret", b.session));
  EXPECT_EQ(b.post_with("/private", "a=b", before).result(), Status::forbidden);
  EXPECT_EQ(b.post_with("/private", "a=b", security::keyed_hash("test-secret", b.csrf)).result(), Status::forbidden);
  EXPECT_EQ(b.post_with("/private", "a=b", after).body(), "posted");
  // Signed in again (another person, or the same one after the second step): the token changes again.
  ASSERT_EQ(b.post("/sign-in", "user=1&second_step=1").result(), Status::see_other);
  EXPECT_EQ(b.post_with("/private", "a=b", after).result(), Status::forbidden);
  // Signed out: anonymous forms work with the renewed cookie's token.
  ASSERT_EQ(b.post("/sign-out", "everywhere=no").result(), Status::see_other);
  b.session.clear();
  EXPECT_EQ(b.token(), security::keyed_hash("test-secret", b.csrf));
  EXPECT_EQ(b.post("/lang", "lang=cy").result(), Status::see_other);
}

}  // namespace
}  // namespace roundtable::http

namespace roundtable::http {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

std::string flash_key(const Response& res) {
  auto value = cookie_value(res, kFlashCookie);
  auto flash = decode_flash(value, "test-secret");
  return flash ? flash->key : "-";
}

TEST_F(PipelineTest, ASessionUnusedForTwoHoursEndsAndThePersonIsToldWhy) {
  auto b = browser();
  ASSERT_EQ(b.post("/sign-in", "user=2").result(), Status::see_other);
  // Used every 1 h 50 min: still signed in, for most of a day.
  for (int i = 0; i < 10; ++i) {
    clock.advance(minutes(110));
    ASSERT_EQ(b.get("/private").body(), "secret") << i;
  }
  clock.advance(hours(2));
  const std::string old_token = b.session;
  auto res = b.get("/private?tab=2");
  EXPECT_EQ(res.result(), Status::see_other);
  EXPECT_EQ(res[boost::beast::http::field::location], "/sign-in?next=/private%3Ftab%3D2");
  EXPECT_EQ(flash_key(res), "session.timed_out");
  EXPECT_EQ(cookie_value(res, "rt_session"), "");
  // And again with the old cookie: still signed out.
  EXPECT_EQ(run(*pipeline, make(Verb::get, "/private", "", "rt_session=" + old_token)).result(), Status::see_other);
}

TEST_F(PipelineTest, ASessionThatLastedItsWholeLifetimeSaysSoNotThatItWasUnused) {
  auto b = browser();
  ASSERT_EQ(b.post("/sign-in", "user=2").result(), Status::see_other);
  // Used every hour for a day: busy all along, so "you had not used Roundtable" would not be true.
  for (int i = 0; i < 23; ++i) {
    clock.advance(hours(1));
    ASSERT_EQ(b.get("/private").body(), "secret") << i;
  }
  clock.advance(hours(1));
  auto res = b.get("/private");
  EXPECT_EQ(res.result(), Status::see_other);
  EXPECT_EQ(flash_key(res), "session.lasted");
}

TEST_F(PipelineTest, ATimedOutPersonSeesWhyOnAPageAnyoneMaySeeAndAFormPostGoesToSignIn) {
  auto b = browser();
  b.post("/sign-in", "user=2");
  const std::string token = b.token();
  clock.advance(hours(3));
  auto page = run(*pipeline, make(Verb::get, "/flash", "", b.cookies()));
  EXPECT_EQ(page.body(), "session.timed_out");
  auto post = run(*pipeline, make(Verb::post, "/private", "a=b&csrf_token=" + token, b.cookies()));
  EXPECT_EQ(post.result(), Status::see_other);
  EXPECT_EQ(post[boost::beast::http::field::location], "/sign-in");
  EXPECT_EQ(flash_key(post), "session.timed_out");
}

TEST_F(PipelineTest, ATimedOutSessionKeepsTheLanguageChosenButNotThePerson) {
  auto b = browser();
  b.post("/lang", "lang=cy");
  b.post("/sign-in", "user=2");
  clock.advance(hours(3));
  auto res = b.get("/private");
  EXPECT_EQ(res.result(), Status::see_other);
  EXPECT_EQ(flash_key(res), "session.timed_out");
  ASSERT_NE(b.session, "");
  EXPECT_EQ(b.get("/missing").body(), "error 404 cy");
  EXPECT_EQ(b.get("/private").result(), Status::see_other);
  ASSERT_EQ(sessions->saved.count(security::hash_token(b.session)), 1u);
  EXPECT_FALSE(sessions->saved.at(security::hash_token(b.session)).user_id);
}

TEST_F(PipelineTest, LastUseIsRecordedAtMostEveryFiveMinutes) {
  auto b = browser();
  b.post("/sign-in", "user=2");
  const int saves = sessions->saves;
  for (int i = 0; i < 20; ++i) {
    clock.advance(std::chrono::seconds(14));
    b.get("/private");
  }
  EXPECT_EQ(sessions->touches, 0);
  clock.advance(minutes(1));
  b.get("/private");
  EXPECT_EQ(sessions->touches, 1);
  b.get("/private");
  EXPECT_EQ(sessions->touches, 1);
  EXPECT_EQ(sessions->saves, saves);
  EXPECT_EQ(sessions->saved.begin()->second.last_seen_at, clock.now());
  // The row is kept a day after the session would end, so a returning person is told why.
  EXPECT_EQ(sessions->saved.begin()->second.expires_at, clock.now() + hours(2) + hours(24));
}

TEST_F(PipelineTest, AdminsAreSignedOutAfterEightHoursOthersAfterADayHoweverBusy) {
  auto admin = browser();
  auto platform = browser();
  auto member = browser();
  admin.post("/sign-in", "user=1&second_step=1");
  platform.post("/sign-in", "user=3");
  member.post("/sign-in", "user=2");
  for (int i = 1; i <= 12 * 24; ++i) {
    clock.advance(minutes(5));
    const bool admin_in = i * 5 < 8 * 60;
    const bool member_in = i * 5 < 24 * 60;
    ASSERT_EQ(admin.get("/o/north").result(), admin_in ? Status::ok : Status::see_other) << i;
    ASSERT_EQ(platform.get("/admin").result(), admin_in ? Status::ok : Status::see_other) << i;
    ASSERT_EQ(member.get("/private").result(), member_in ? Status::ok : Status::see_other) << i;
  }
}

TEST_F(PipelineTest, ASessionThatOnlyHoldsALanguageLastsMonths) {
  auto b = browser();
  b.post("/lang", "lang=cy");
  clock.advance(hours(24 * 90));
  EXPECT_EQ(b.get("/missing").body(), "error 404 cy");
  EXPECT_EQ(sessions->touches, 0);
  clock.advance(hours(24 * 181));
  EXPECT_EQ(b.get("/missing").body(), "error 404 en");
  EXPECT_EQ(b.get("/flash").body(), "none");
}

}  // namespace
}  // namespace roundtable::http

namespace roundtable::http {
namespace {

std::optional<Response> check(Pipeline& p, const Request& req) {
  boost::asio::io_context ioc;
  std::optional<Response> out;
  boost::asio::co_spawn(ioc, p.check_header(req), [&](std::exception_ptr e, std::optional<Response> r) {
    if (e) std::rethrow_exception(e);
    out = std::move(r);
  });
  ioc.run();
  return out;
}

/// The header of a multipart upload whose body has not arrived (Content-Length says what is coming).
Request upload_header(std::string target, std::string cookie) {
  Request req{Verb::post, target, 11};
  if (!cookie.empty()) req.set(boost::beast::http::field::cookie, cookie);
  req.set(boost::beast::http::field::content_type, "multipart/form-data; boundary=XyZzY");
  req.set(boost::beast::http::field::content_length, "1000");
  return req;
}

TEST_F(PipelineTest, UploadsAreCheckedFromTheHeaderBeforeTheBodyIsRead) {
  // No CSRF cookie and no session: the form cannot be genuine.
  auto no_cookie = check(*pipeline, upload_header("/upload", ""));
  ASSERT_TRUE(no_cookie);
  EXPECT_EQ(no_cookie->result(), Status::forbidden);
  EXPECT_FALSE(no_cookie->keep_alive());
  // Anonymous, with the cookie: fine for a public route, 401 for one that needs sign-in.
  EXPECT_FALSE(check(*pipeline, upload_header("/upload", "rt_csrf=" + std::string(kCsrf))));
  auto anonymous = check(*pipeline, upload_header("/my-upload", "rt_csrf=" + std::string(kCsrf)));
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->result(), Status::unauthorized);
  // Signed in: the body may come, and a wrong X-CSRF-Token header is refused already.
  auto b = browser();
  b.post("/sign-in", "user=2");
  EXPECT_FALSE(check(*pipeline, upload_header("/my-upload", b.cookies())));
  auto wrong = upload_header("/my-upload", b.cookies());
  wrong.set("X-CSRF-Token", "wrong");
  ASSERT_TRUE(check(*pipeline, wrong));
  EXPECT_EQ(check(*pipeline, wrong)->result(), Status::forbidden);
  auto right = upload_header("/my-upload", b.cookies());
  right.set("X-CSRF-Token", b.token());
  EXPECT_FALSE(check(*pipeline, right));
  // Unknown addresses are answered before the body too.
  auto missing = check(*pipeline, upload_header("/nowhere", b.cookies()));
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->result(), Status::not_found);
  EXPECT_TRUE(pipeline->takes_uploads(upload_header("/my-upload", "")));
  EXPECT_FALSE(pipeline->takes_uploads(upload_header("/private", "")));
}

}  // namespace
}  // namespace roundtable::http
