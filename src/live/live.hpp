/// The live channel (server-sent events) that pages use to hear of changes without reloading: a route answers with
/// Live::answer after its policy allowed the person, and a service calls Live::publish once its change has committed.
/// Events say only what changed ("post" {"number":57}); the page's script then asks for the page again as that
/// person, so nothing a person may not see travels on the channel. See docs/adr/0026-live-channel.md.
#pragma once

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "http/types.hpp"
#include "live/event.hpp"
#include "live/hub.hpp"
#include "live/publisher.hpp"

namespace roundtable::live {

class PgRelay;

struct LiveOptions {
  HubOptions hub;
  /// A comment line this often on an idle stream, when the session is also checked again.
  std::chrono::seconds heartbeat{25};
};

class Live final : public Publisher {
 public:
  explicit Live(LiveOptions options = {});
  ~Live();
  Live(const Live&) = delete;
  Live& operator=(const Live&) = delete;

  /// Several servers share one PostgreSQL database: events go through it (pg_notify) and come back to every
  /// server's hub, this one's too. conninfo: libpq's keyword/value form. Without this, events go straight to the hub.
  void relay_through_postgres(std::string conninfo);
  /// Stops the relay's thread (after the I/O threads have stopped).
  void stop();
  /// The address people reach this server at (--base-url, or http://LISTEN): a browser's Origin must be its origin.
  void set_own_origin(std::string_view base_url) { own_origin_ = origin_of(base_url); }
  const std::string& own_origin() const { return own_origin_; }

  /// Tells the channel's subscribers (on every server) of a change: only once it has committed. event and data must
  /// not hold a newline; data is a small JSON object with no private content.
  void publish(std::string channel, std::string event, std::string data) override;

  /// The answer to a request for the channel's stream, once the route's policy allowed the person: 403 for another
  /// site's page, 406 without "Accept: text/event-stream", 503 when too many streams are open, otherwise a 200 whose
  /// stream (RequestContext::stream) the server runs.
  boost::asio::awaitable<http::Response> answer(http::RequestContext& ctx, std::string channel);

  Hub& hub() { return hub_; }

 private:
  void deliver(const Message& m);

  LiveOptions options_;
  Hub hub_;
  std::atomic<unsigned long long> next_id_{1};
  std::unique_ptr<PgRelay> relay_;
  std::string own_origin_;
};

}  // namespace roundtable::live
