#include "http/pipeline.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <map>

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
    co_return it->second;
  }
  awaitable<void> save(const SessionData& s) override {
    saved[s.id] = s;
    co_return;
  }
  std::map<std::string, SessionData> saved;
};

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
    routes.push_back({"GET", "/boom", "boom", policy::public_access(),
                      [](RequestContext&) -> awaitable<Response> { throw std::runtime_error("kaboom"); }});
    routes.push_back({"POST", "/lang", "lang", policy::public_access(), [](RequestContext& ctx) -> awaitable<Response> {
                        ctx.session_for_write().lang = core::parse_lang(ctx.form.value("lang"));
                        co_return redirect(ctx.request, "/");
                      }});
    pipeline = std::make_unique<Pipeline>(
        std::move(routes), sessions, "test-secret",
        [](RequestContext& ctx, Status s) {
          return make_response(
              ctx.request, s,
              "error " + std::to_string(static_cast<int>(s)) + " " + std::string(core::lang_code(ctx.lang)),
              "text/html; charset=utf-8");
        },
        PipelineOptions{.access_log = false});
  }
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

TEST_F(PipelineTest, SignedInRoutesAskAnonymousPeopleToSignIn) {
  EXPECT_EQ(run(*pipeline, make(Verb::get, "/private")).result(), Status::unauthorized);
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

TEST(LocalPath, OnlyLocalRedirectTargets) {
  EXPECT_TRUE(is_local_path("/search?q=x"));
  EXPECT_FALSE(is_local_path("//evil.example"));
  EXPECT_FALSE(is_local_path("/\\evil.example"));
  EXPECT_FALSE(is_local_path("https://evil.example"));
  EXPECT_FALSE(is_local_path(""));
  EXPECT_FALSE(is_local_path("/a\r\nSet-Cookie: x"));
}

}  // namespace
}  // namespace roundtable::http
