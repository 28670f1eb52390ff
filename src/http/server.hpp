/// The HTTP/1.1 server: a listener that spawns one coroutine per connection, with limits, timeouts and graceful
/// shutdown.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/pipeline.hpp"

namespace roundtable::http {

struct ServerOptions {
  size_t max_body_bytes = 10 * 1024 * 1024;
  size_t max_header_bytes = 16 * 1024;
  std::chrono::seconds header_timeout{15};
  std::chrono::seconds body_timeout{60};
  std::chrono::seconds write_timeout{60};
};

class Server {
 public:
  Server(boost::asio::io_context& ioc, Pipeline& pipeline, ServerOptions options = {});
  ~Server();

  /// Binds and listens; throws std::runtime_error with a one-line reason on failure.
  void listen(const std::string& host, unsigned short port);
  /// The bound port (useful with port 0).
  unsigned short port() const;
  /// Starts accepting connections.
  void start();
  /// Stops accepting; idle connections close now, busy ones after their response.
  void shutdown();
  /// Connections open now (accepted and not yet closed).
  size_t connection_count();

 private:
  struct Connection;
  boost::asio::awaitable<void> accept_loop();
  boost::asio::awaitable<void> serve(std::shared_ptr<Connection> conn);

  boost::asio::io_context& ioc_;
  Pipeline& pipeline_;
  ServerOptions options_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections_;
};

}  // namespace roundtable::http
