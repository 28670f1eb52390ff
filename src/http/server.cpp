#include "http/server.hpp"

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <stdexcept>

#include "core/log.hpp"

namespace roundtable::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::ip::tcp;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

struct Server::Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool busy = false;
};

Server::Server(asio::io_context& ioc, Pipeline& pipeline, ServerOptions options)
    : ioc_(ioc), pipeline_(pipeline), options_(options), acceptor_(ioc) {}

Server::~Server() = default;

void Server::listen(const std::string& host, unsigned short port) {
  boost::system::error_code ec;
  auto address = asio::ip::make_address(host, ec);
  if (ec) throw std::runtime_error("cannot listen on '" + host + "': not an IP address");
  tcp::endpoint endpoint(address, port);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message());
  }
}

unsigned short Server::port() const { return acceptor_.local_endpoint().port(); }

void Server::start() {
  asio::co_spawn(acceptor_.get_executor(), accept_loop(), [](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      core::log::error("accept_loop_failed", {{"error", ex.what()}});
    }
  });
}

void Server::shutdown() {
  stopping_ = true;
  asio::post(acceptor_.get_executor(), [this] {
    boost::system::error_code ec;
    acceptor_.close(ec);
  });
  std::lock_guard lock(mu_);
  for (auto& [raw, weak] : connections_) {
    if (auto conn = weak.lock()) {
      asio::post(conn->stream.get_executor(), [conn] {
        if (!conn->busy) {
          boost::system::error_code ec;
          conn->stream.socket().shutdown(tcp::socket::shutdown_both, ec);
          conn->stream.close();
        }
      });
    }
  }
}

size_t Server::connection_count() {
  std::lock_guard lock(mu_);
  return connections_.size();
}

asio::awaitable<void> Server::accept_loop() {
  while (!stopping_) {
    auto strand = asio::make_strand(ioc_);
    auto [ec, socket] = co_await acceptor_.async_accept(strand, kTuple);
    if (ec) {
      if (stopping_ || ec == asio::error::operation_aborted) break;
      core::log::warn("accept_failed", {{"error", ec.message()}});
      continue;
    }
    auto conn = std::make_shared<Connection>(std::move(socket));
    {
      std::lock_guard lock(mu_);
      connections_[conn.get()] = conn;
    }
    asio::co_spawn(conn->stream.get_executor(), serve(conn), [this, raw = conn.get()](std::exception_ptr e) {
      {
        std::lock_guard lock(mu_);
        connections_.erase(raw);
      }
      if (!e) return;
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& ex) {
        core::log::error("connection_failed", {{"error", ex.what()}});
      }
    });
  }
}

asio::awaitable<void> Server::serve(std::shared_ptr<Connection> conn) {
  pipeline_.metrics().connection_opened();
  beast::flat_buffer buffer;
  auto& stream = conn->stream;
  while (!stopping_) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
    // Until the header names the route, allow the largest body any route accepts; narrowed below.
    parser.body_limit(std::max(options_.max_body_bytes, pipeline_.largest_body_limit()));
    stream.expires_after(options_.header_timeout);
    auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
    if (hec) {
      Response res;
      if (hec == bhttp::error::body_limit) {
        // Content-Length already says the body is too big: answer with the plain-words page.
        conn->busy = true;
        auto op = pipeline_.handle_error(parser.get(), Status::payload_too_large);
        res = co_await std::move(op);
      } else if (hec == bhttp::error::header_limit) {
        res = make_response(Request{}, Status::request_header_fields_too_large, "Request headers too large.\n",
                            "text/plain; charset=utf-8");
      } else if (hec != beast::error::timeout && hec != bhttp::error::end_of_stream &&
                 hec != asio::error::operation_aborted && hec != asio::error::eof &&
                 hec != asio::error::connection_reset && hec != asio::error::bad_descriptor) {
        res = make_response(Request{}, Status::bad_request, "Bad request.\n", "text/plain; charset=utf-8");
      } else {
        break;
      }
      res.keep_alive(false);
      stream.expires_after(options_.write_timeout);
      co_await bhttp::async_write(stream, res, kTuple);
      break;
    }
    conn->busy = true;
    const size_t limit = pipeline_.body_limit(parser.get(), options_.max_body_bytes);
    if (auto length = parser.content_length(); length && *length > limit) {
      auto op = pipeline_.handle_error(parser.get(), Status::payload_too_large);
      Response res = co_await std::move(op);
      res.keep_alive(false);
      stream.expires_after(options_.write_timeout);
      auto write = bhttp::async_write(stream, res, kTuple);
      co_await std::move(write);
      break;
    }
    parser.body_limit(limit);
    // A video from a slow phone connection takes minutes: allow a second for every 32 KiB announced, on top.
    auto body_time = options_.body_timeout;
    if (auto length = parser.content_length()) body_time += std::chrono::seconds(*length / (32 * 1024));
    stream.expires_after(body_time);
    auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
    Response res;
    if (bec == bhttp::error::body_limit) {
      auto op = pipeline_.handle_error(parser.get(), Status::payload_too_large);
      res = co_await std::move(op);
      res.keep_alive(false);
    } else if (bec) {
      break;
    } else {
      boost::system::error_code pec;
      auto peer = stream.socket().remote_endpoint(pec);
      auto op = pipeline_.handle(parser.get(), pec ? std::string() : peer.address().to_string());
      res = co_await std::move(op);
    }
    const bool head = parser.get().method() == bhttp::verb::head;
    if (stopping_) res.keep_alive(false);
    if (head) {
      auto len = res.body().size();
      res.body().clear();
      res.content_length(len);
    }
    stream.expires_after(options_.write_timeout);
    bhttp::response_serializer<bhttp::string_body> sr{res};
    if (head) {
      auto [wec, wn] = co_await bhttp::async_write_header(stream, sr, kTuple);
      if (wec) break;
    } else {
      auto [wec, wn] = co_await bhttp::async_write(stream, sr, kTuple);
      if (wec) break;
    }
    conn->busy = false;
    if (!res.keep_alive()) break;
  }
  boost::system::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.close();
  pipeline_.metrics().connection_closed();
}

}  // namespace roundtable::http
