#include "live/live.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/field.hpp>

#include "core/log.hpp"
#include "live/pg_relay.hpp"

namespace roundtable::live {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;

namespace {

/// One subscriber's stream: what the hub queues for it, a heartbeat when idle (checking the session then), and a
/// last "reload" when it fell behind.
class EventStream final : public http::Stream {
 public:
  EventStream(std::shared_ptr<Subscription> sub, std::chrono::seconds heartbeat)
      : sub_(std::move(sub)), heartbeat_(heartbeat) {}

  asio::awaitable<void> run(http::StreamWriter& out) override {
    // Ask the browser to come back after a few seconds if the connection drops; "ready" tells the page it is
    // listening (after a reconnect, it fetches what it missed).
    std::string hello = "retry: 5000\n" + format_event(0, "ready", "{}");
    auto first = out.write(std::move(hello));
    if (!co_await std::move(first)) co_return;
    auto next_beat = std::chrono::steady_clock::now() + heartbeat_;
    auto& timer = sub_->wake_timer();
    while (!stopped_) {
      if (sub_->overflowed()) {
        auto last = out.write("event: reload\ndata: {}\n\n");
        co_await std::move(last);
        co_return;
      }
      auto events = sub_->take();
      if (!events.empty()) {
        std::string text;
        for (const auto& e : events) text += *e;
        auto write = out.write(std::move(text));
        if (!co_await std::move(write)) co_return;
        continue;
      }
      if (std::chrono::steady_clock::now() >= next_beat) {
        auto check = out.still_signed_in();
        if (!co_await std::move(check)) co_return;
        auto beat = out.write(format_comment("heartbeat"));
        if (!co_await std::move(beat)) co_return;
        next_beat = std::chrono::steady_clock::now() + heartbeat_;
        continue;
      }
      timer.expires_at(next_beat);
      auto wait = timer.async_wait(asio::as_tuple(asio::use_awaitable));
      co_await std::move(wait);
    }
  }

  void stop() override {
    stopped_ = true;
    sub_->wake_timer().cancel();
  }

 private:
  std::shared_ptr<Subscription> sub_;
  std::chrono::seconds heartbeat_;
  bool stopped_ = false;
};

std::optional<std::string_view> header(const http::Request& req, std::string_view name) {
  auto it = req.find(name);
  if (it == req.end()) return std::nullopt;
  return std::string_view(it->value());
}

bool valid_field(std::string_view s) { return !s.empty() && s.find_first_of("\r\n") == std::string_view::npos; }

}  // namespace

Live::Live(LiveOptions options) : options_(options), hub_(options.hub) {}

Live::~Live() { stop(); }

void Live::relay_through_postgres(std::string conninfo) {
  relay_ = std::make_unique<PgRelay>(std::move(conninfo), [this](std::string_view payload) {
    if (auto m = decode_message(payload)) deliver(*m);
  });
  relay_->start();
}

void Live::stop() {
  if (relay_) relay_->stop();
}

void Live::publish(std::string channel, std::string event, std::string data) {
  if (!valid_field(channel) || !valid_field(event) || data.find_first_of("\r\n") != std::string::npos) {
    core::log::warn("live_event_refused", {{"channel", channel}, {"event", event}});
    return;
  }
  Message m{std::move(channel), std::move(event), std::move(data)};
  if (relay_) {
    relay_->send(encode_message(m));
  } else {
    deliver(m);
  }
}

void Live::deliver(const Message& m) { hub_.publish(m.channel, format_event(next_id_++, m.event, m.data)); }

asio::awaitable<http::Response> Live::answer(http::RequestContext& ctx, std::string channel) {
  const auto& req = ctx.request;
  if (!origin_allowed(header(req, "Origin"), header(req, "Sec-Fetch-Site"), own_origin_)) {
    co_return http::make_response(req, http::Status::forbidden, "Only this site's pages may listen here.\n",
                                  "text/plain; charset=utf-8");
  }
  const auto accept = header(req, "Accept");
  if (!accept || accept->find("text/event-stream") == std::string_view::npos) {
    co_return http::make_response(req, http::Status::not_acceptable,
                                  "This address sends server-sent events (Accept: text/event-stream).\n",
                                  "text/plain; charset=utf-8");
  }
  auto executor = co_await asio::this_coro::executor;
  auto sub = hub_.subscribe(std::move(channel), executor);
  if (!sub) {
    auto res = http::make_response(req, http::Status::service_unavailable, "Too many people are listening.\n",
                                   "text/plain; charset=utf-8");
    res.set(bhttp::field::retry_after, "30");
    co_return res;
  }
  ctx.stream = std::make_shared<EventStream>(std::move(sub), options_.heartbeat);
  auto res = http::make_response(req, http::Status::ok, "", "text/event-stream; charset=utf-8");
  res.set(bhttp::field::cache_control, "no-store");
  // A proxy such as nginx must pass each event on at once, not hold them to fill a buffer.
  res.set("X-Accel-Buffering", "no");
  co_return res;
}

}  // namespace roundtable::live
