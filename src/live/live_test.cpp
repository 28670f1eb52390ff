#include "live/live.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>

#include "live/event.hpp"
#include "live/hub.hpp"

namespace roundtable::live {
namespace {

namespace asio = boost::asio;

TEST(Event, IsFormattedAsServerSentEvents) {
  EXPECT_EQ(format_event(7, "post", R"({"number":57})"), "id: 7\nevent: post\ndata: {\"number\":57}\n\n");
  EXPECT_EQ(format_event(1, "x", ""), "id: 1\nevent: x\ndata: \n\n");
  // A newline cannot end a field early: each line of data is a data line of its own, a name stops at one.
  EXPECT_EQ(format_event(2, "a\nevent: b", "one\ntwo\r\nthree"),
            "id: 2\nevent: a\ndata: one\ndata: two\ndata: three\n\n");
  EXPECT_EQ(format_comment("heartbeat"), ": heartbeat\n\n");
  EXPECT_EQ(format_comment("a\nb"), ": a\n\n");
}

TEST(Origin, IsTheSchemeHostAndPortOfAnAddress) {
  EXPECT_EQ(origin_of("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
  EXPECT_EQ(origin_of("https://Roundtable.Example.org/some/path?x=1"), "https://roundtable.example.org");
  EXPECT_EQ(origin_of("https://example.org:443/"), "https://example.org");
  EXPECT_EQ(origin_of("http://example.org:80"), "http://example.org");
  EXPECT_EQ(origin_of("http://example.org:8443"), "http://example.org:8443");
  EXPECT_EQ(origin_of("ftp://example.org"), "");
  EXPECT_EQ(origin_of("http://"), "");
  EXPECT_EQ(origin_of(""), "");
}

TEST(Origin, OnlyThisSitesPagesMayListen) {
  const std::string own = "https://roundtable.example.org";
  // A browser on our own page.
  EXPECT_TRUE(origin_allowed(own, "same-origin", own));
  EXPECT_TRUE(origin_allowed(std::nullopt, "same-origin", own));
  // No browser headers at all (curl, a test, an old browser): the session cookie decides.
  EXPECT_TRUE(origin_allowed(std::nullopt, std::nullopt, own));
  // Another site's page, or one that hides where it is.
  EXPECT_FALSE(origin_allowed("https://evil.example", std::nullopt, own));
  EXPECT_FALSE(origin_allowed("https://evil.example", "cross-site", own));
  EXPECT_FALSE(origin_allowed(own, "cross-site", own));
  EXPECT_FALSE(origin_allowed(own, "same-site", own));
  EXPECT_FALSE(origin_allowed(std::nullopt, "none", own));
  EXPECT_FALSE(origin_allowed("null", std::nullopt, own));
  EXPECT_FALSE(origin_allowed("http://roundtable.example.org", std::nullopt, own));
  EXPECT_FALSE(origin_allowed("https://roundtable.example.org.evil.example", std::nullopt, own));
  EXPECT_FALSE(origin_allowed("https://roundtable.example.org/", std::nullopt, own));
  // Without a known origin of our own, a browser's request is refused.
  EXPECT_FALSE(origin_allowed(own, std::nullopt, ""));
}

TEST(Message, TravelsBetweenServersUnchanged) {
  const Message m{"topic:42", "post", R"({"number":57})"};
  const auto back = decode_message(encode_message(m));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->channel, "topic:42");
  EXPECT_EQ(back->event, "post");
  EXPECT_EQ(back->data, R"({"number":57})");
  EXPECT_FALSE(decode_message("no newline"));
  EXPECT_FALSE(decode_message("\npost\n{}"));
  EXPECT_FALSE(decode_message("topic:1\n\n{}"));
}

std::vector<std::string> texts(const std::vector<std::shared_ptr<const std::string>>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(*e);
  return out;
}

TEST(Hub, DeliversToTheChannelsSubscribersOnly) {
  asio::io_context ioc;
  Hub hub;
  auto a = hub.subscribe("topic:1", ioc.get_executor());
  auto b = hub.subscribe("topic:1", ioc.get_executor());
  auto c = hub.subscribe("topic:2", ioc.get_executor());
  EXPECT_EQ(hub.subscriber_count(), 3u);
  EXPECT_EQ(hub.channel_count(), 2u);
  EXPECT_EQ(hub.publish("topic:1", "one"), 2u);
  EXPECT_EQ(hub.publish("topic:1", "two"), 2u);
  EXPECT_EQ(hub.publish("topic:3", "nobody"), 0u);
  EXPECT_EQ(texts(a->take()), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(texts(b->take()), (std::vector<std::string>{"one", "two"}));
  EXPECT_TRUE(c->take().empty());
  EXPECT_TRUE(a->take().empty());
}

TEST(Hub, ASubscriberLeavesWhenItGoes) {
  asio::io_context ioc;
  Hub hub;
  auto a = hub.subscribe("topic:1", ioc.get_executor());
  auto b = hub.subscribe("topic:1", ioc.get_executor());
  a.reset();
  EXPECT_EQ(hub.subscriber_count(), 1u);
  EXPECT_EQ(hub.publish("topic:1", "x"), 1u);
  b.reset();
  EXPECT_EQ(hub.subscriber_count(), 0u);
  EXPECT_EQ(hub.channel_count(), 0u);
  EXPECT_EQ(hub.publish("topic:1", "x"), 0u);
  ioc.run();
}

TEST(Hub, APublishWakesTheSubscribersTimerOnItsOwnExecutor) {
  asio::io_context ioc;
  auto strand = asio::make_strand(ioc);
  Hub hub;
  auto a = hub.subscribe("topic:1", strand);
  bool woken = false;
  a->wake_timer().expires_after(std::chrono::hours(1));
  a->wake_timer().async_wait([&](boost::system::error_code ec) { woken = ec == asio::error::operation_aborted; });
  hub.publish("topic:1", "x");
  ioc.run_for(std::chrono::seconds(5));
  EXPECT_TRUE(woken);
}

TEST(Hub, APublishHandsEachThreadItsSubscribersInOneGo) {
  // Two I/O threads' contexts, three subscribers on the first and two on the second.
  asio::io_context first;
  asio::io_context second;
  Hub hub;
  std::vector<std::shared_ptr<Subscription>> subs;
  for (int i = 0; i < 5; ++i)
    subs.push_back(hub.subscribe("topic:1", i < 3 ? first.get_executor() : second.get_executor()));
  int woken_first = 0;
  int woken_second = 0;
  for (int i = 0; i < 5; ++i) {
    subs[i]->wake_timer().expires_after(std::chrono::hours(1));
    subs[i]->wake_timer().async_wait([&, i](boost::system::error_code ec) {
      if (ec == asio::error::operation_aborted) ++(i < 3 ? woken_first : woken_second);
    });
  }
  EXPECT_EQ(hub.publish("topic:1", "x"), 5u);
  // One handler on the first thread wakes all three of its subscribers (with one hand-off per subscriber, the first
  // handler would wake only one), and none of the second thread's.
  EXPECT_EQ(first.poll_one(), 1u);
  EXPECT_EQ(woken_first, 0);
  // What is left to run there is the three timers' own handlers, and nothing more.
  EXPECT_EQ(first.poll(), 3u);
  EXPECT_EQ(woken_first, 3);
  EXPECT_EQ(woken_second, 0);
  EXPECT_EQ(second.poll_one(), 1u);
  EXPECT_EQ(second.poll(), 2u);
  EXPECT_EQ(woken_second, 2);
  for (auto& s : subs) EXPECT_EQ(texts(s->take()), (std::vector<std::string>{"x"}));
}

TEST(Hub, ASubscriberThatFallsBehindIsDroppedNotGrown) {
  asio::io_context ioc;
  Hub hub({.queue_limit = 3, .max_subscribers = 10});
  auto slow = hub.subscribe("topic:1", ioc.get_executor());
  auto quick = hub.subscribe("topic:1", ioc.get_executor());
  for (int i = 0; i < 3; ++i) hub.publish("topic:1", std::to_string(i));
  EXPECT_FALSE(slow->overflowed());
  EXPECT_EQ(quick->take().size(), 3u);
  hub.publish("topic:1", "3");
  EXPECT_TRUE(slow->overflowed());
  EXPECT_TRUE(slow->take().empty());
  hub.publish("topic:1", "4");
  EXPECT_TRUE(slow->take().empty());
  EXPECT_FALSE(quick->overflowed());
  EXPECT_EQ(texts(quick->take()), (std::vector<std::string>{"3", "4"}));
  ioc.run();
}

TEST(Hub, RefusesSubscribersBeyondItsLimit) {
  asio::io_context ioc;
  Hub hub({.queue_limit = 4, .max_subscribers = 2});
  auto a = hub.subscribe("topic:1", ioc.get_executor());
  auto b = hub.subscribe("topic:2", ioc.get_executor());
  EXPECT_FALSE(hub.subscribe("topic:3", ioc.get_executor()));
  a.reset();
  EXPECT_TRUE(hub.subscribe("topic:3", ioc.get_executor()));
}

TEST(Hub, ManyChannelsAndSubscribers) {
  asio::io_context ioc;
  Hub hub({.queue_limit = 64, .max_subscribers = 100000});
  std::vector<std::shared_ptr<Subscription>> subs;
  for (int c = 0; c < 100; ++c) {
    for (int s = 0; s < 50; ++s) subs.push_back(hub.subscribe("topic:" + std::to_string(c), ioc.get_executor()));
  }
  EXPECT_EQ(hub.channel_count(), 100u);
  EXPECT_EQ(hub.subscriber_count(), 5000u);
  for (int c = 0; c < 100; c += 2) EXPECT_EQ(hub.publish("topic:" + std::to_string(c), "e"), 50u);
  size_t got = 0;
  for (size_t i = 0; i < subs.size(); ++i) {
    const auto events = subs[i]->take();
    const bool even_channel = (i / 50) % 2 == 0;
    EXPECT_EQ(events.size(), even_channel ? 1u : 0u);
    got += events.size();
  }
  EXPECT_EQ(got, 2500u);
  subs.clear();
  EXPECT_EQ(hub.subscriber_count(), 0u);
  ioc.run();
}

/// The server's side of a stream, as the stream sees it: what was written, and whether the session still holds.
class FakeWriter final : public http::StreamWriter {
 public:
  std::string written;
  bool signed_in = true;
  bool done = false;
  asio::awaitable<bool> write(std::string data) override {
    written += data;
    co_return true;
  }
  asio::awaitable<bool> still_signed_in() override { co_return signed_in; }
};

/// Asks for the stream as the route would, then runs it as the server would.
asio::awaitable<void> open_and_run(Live* live, http::RequestContext* ctx, http::Response* res, FakeWriter* out) {
  auto answer = live->answer(*ctx, "topic:1");
  *res = co_await std::move(answer);
  if (ctx->stream) {
    auto run = ctx->stream->run(*out);
    co_await std::move(run);
  }
  out->done = true;
}

/// Runs what is ready (an io_context that ran out of work stops, and must be restarted to run again).
void drain(asio::io_context& ioc) {
  ioc.restart();
  ioc.poll();
}

struct Opened {
  http::Request req{http::Verb::get, "/o/demo/topics/1/live", 11};
  http::RequestContext ctx{.request = req};
  http::Response res;
  FakeWriter out;
};

void open(asio::io_context& ioc, Live& live, Opened& o) {
  asio::co_spawn(ioc, open_and_run(&live, &o.ctx, &o.res, &o.out), asio::detached);
  drain(ioc);
}

TEST(Live, AStreamSendsWhatIsPublishedUntilStopped) {
  asio::io_context ioc;
  Live live({.hub = {.queue_limit = 4, .max_subscribers = 10}, .heartbeat = std::chrono::hours(1)});
  live.set_own_origin("http://127.0.0.1:8080/");
  Opened o;
  o.req.set("Accept", "text/event-stream");
  o.req.set("Origin", "http://127.0.0.1:8080");
  o.req.set("Sec-Fetch-Site", "same-origin");
  open(ioc, live, o);
  EXPECT_EQ(o.res.result(), http::Status::ok);
  EXPECT_EQ(o.res[boost::beast::http::field::content_type], "text/event-stream; charset=utf-8");
  EXPECT_EQ(o.out.written, "retry: 5000\nid: 0\nevent: ready\ndata: {}\n\n");
  live.publish("topic:1", "post", R"({"number":57})");
  live.publish("topic:2", "post", R"({"number":3})");
  drain(ioc);
  EXPECT_NE(o.out.written.find("event: post\ndata: {\"number\":57}\n\n"), std::string::npos);
  EXPECT_EQ(o.out.written.find("number\":3"), std::string::npos) << "another channel's event";
  // A newline would let a publisher write fields of its own: refused.
  live.publish("topic:1", "post", "{}\nevent: reload");
  drain(ioc);
  EXPECT_EQ(o.out.written.find("reload"), std::string::npos);
  EXPECT_FALSE(o.out.done);
  o.ctx.stream->stop();
  drain(ioc);
  EXPECT_TRUE(o.out.done);
  EXPECT_EQ(live.hub().subscriber_count(), 1u) << "the stream still holds its subscription until it goes";
  o.ctx.stream.reset();
  EXPECT_EQ(live.hub().subscriber_count(), 0u);
}

TEST(Live, AListenerThatFallsBehindIsToldToReloadAndClosed) {
  asio::io_context ioc;
  Live live({.hub = {.queue_limit = 4, .max_subscribers = 10}, .heartbeat = std::chrono::hours(1)});
  Opened o;
  o.req.set("Accept", "text/event-stream");
  open(ioc, live, o);
  ASSERT_EQ(o.res.result(), http::Status::ok);
  for (int i = 0; i < 5; ++i) live.publish("topic:1", "post", "{\"number\":" + std::to_string(i) + "}");
  drain(ioc);
  EXPECT_TRUE(o.out.done);
  EXPECT_TRUE(o.out.written.ends_with("event: reload\ndata: {}\n\n")) << o.out.written;
  EXPECT_EQ(o.out.written.find("number"), std::string::npos) << "what overflowed was dropped";
}

TEST(Live, AStreamEndsWhenItsSessionHas) {
  asio::io_context ioc;
  Live live({.hub = {}, .heartbeat = std::chrono::seconds(0)});
  Opened o;
  o.req.set("Accept", "text/event-stream");
  o.out.signed_in = false;
  open(ioc, live, o);
  ASSERT_EQ(o.res.result(), http::Status::ok);
  EXPECT_TRUE(o.out.done);
  EXPECT_EQ(o.out.written.find("heartbeat"), std::string::npos) << "checked before the heartbeat is sent";
}

TEST(Live, RefusesOtherSitesRequestsThatAreNotForEventsAndTooManyListeners) {
  asio::io_context ioc;
  Live live({.hub = {.queue_limit = 4, .max_subscribers = 1}, .heartbeat = std::chrono::hours(1)});
  live.set_own_origin("https://roundtable.example.org");
  Opened foreign;
  foreign.req.set("Accept", "text/event-stream");
  foreign.req.set("Origin", "https://evil.example");
  open(ioc, live, foreign);
  EXPECT_EQ(foreign.res.result(), http::Status::forbidden);
  EXPECT_FALSE(foreign.ctx.stream);
  Opened cross;
  cross.req.set("Accept", "text/event-stream");
  cross.req.set("Sec-Fetch-Site", "cross-site");
  open(ioc, live, cross);
  EXPECT_EQ(cross.res.result(), http::Status::forbidden);
  Opened page;
  page.req.set("Accept", "text/html");
  open(ioc, live, page);
  EXPECT_EQ(page.res.result(), http::Status::not_acceptable);
  Opened first;
  first.req.set("Accept", "text/event-stream");
  open(ioc, live, first);
  EXPECT_EQ(first.res.result(), http::Status::ok);
  Opened second;
  second.req.set("Accept", "text/event-stream");
  open(ioc, live, second);
  EXPECT_EQ(second.res.result(), http::Status::service_unavailable);
  EXPECT_EQ(second.res[boost::beast::http::field::retry_after], "30");
  first.ctx.stream->stop();
  drain(ioc);
}

}  // namespace
}  // namespace roundtable::live
