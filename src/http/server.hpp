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
#include <vector>

#include "http/pipeline.hpp"

namespace roundtable::http {

struct ServerOptions {
  size_t max_body_bytes = 10 * 1024 * 1024;
  size_t max_header_bytes = 16 * 1024;
  std::chrono::seconds header_timeout{15};
  /// A body gets this long, plus a second for every body_min_bytes_per_second received so far: one that arrives
  /// more slowly than that on average is cut off, and any body at body_timeout_cap.
  std::chrono::seconds body_timeout{60};
  size_t body_min_bytes_per_second = 16 * 1024;
  std::chrono::seconds body_timeout_cap{20 * 60};
  std::chrono::seconds write_timeout{60};
  /// Bodies over this many bytes (or of unknown length) are large: the session, CSRF cookie and access are checked
  /// from the header before they are read, and only so many are read at once (they are held in memory).
  size_t large_body_bytes = 1024 * 1024;
  size_t max_large_reads = 8;
  size_t max_large_reads_per_client = 2;
  /// Open connections from one address; a library or care home may put many people behind one.
  size_t max_connections_per_client = 100;
  /// The reverse proxy's address (PipelineOptions::trusted_proxy): its connections are not counted as one client's.
  std::string trusted_proxy;
};

class Server {
 public:
  /// Accepts on the first of contexts and hands each new connection to the next of them in turn. Each context must be
  /// run by one thread only (ADR 0054): a connection's work then never moves between threads, and needs no strand to
  /// keep its handlers from running at once (none is used: its handlers run on its context's executor).
  Server(std::vector<boost::asio::io_context*> contexts, Pipeline& pipeline, ServerOptions options = {});
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
  /// Takes one of the large-body reads for this client, if one is free; end_large_read gives it back.
  bool start_large_read(const std::string& client);
  void end_large_read(const std::string& client);

  std::vector<boost::asio::io_context*> contexts_;
  /// Which context the next connection goes to (only the accept loop uses it).
  size_t next_context_ = 0;
  Pipeline& pipeline_;
  ServerOptions options_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections_;
  std::unordered_map<std::string, size_t> connections_per_client_;
  size_t large_reads_ = 0;
  std::unordered_map<std::string, size_t> large_reads_per_client_;
};

}  // namespace roundtable::http
