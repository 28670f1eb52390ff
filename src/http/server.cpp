#include "http/server.hpp"

#include <algorithm>
#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <optional>
#include <stdexcept>
#include <string>

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
  /// The TCP peer's address ("" when unknown), read once when the connection is accepted.
  std::string address;
  /// The same, but "" for the trusted proxy (whose connections are not one client's), and whether it already had too
  /// many connections open.
  std::string peer;
  bool over_limit = false;
  /// The long-lived answer this connection is given over to (server-sent events), stopped when the server stops.
  std::shared_ptr<Stream> stream_answer;
};

namespace {

/// After answering without reading the body: stop sending, then read and drop what the client is still sending for
/// a moment, so that closing does not reset the connection before the client has read the answer.
asio::awaitable<void> close_after_answer(beast::tcp_stream& stream) {
  boost::system::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.expires_after(std::chrono::seconds(2));
  std::array<char, 16 * 1024> scratch;
  size_t dropped = 0;
  while (dropped < 8 * 1024 * 1024) {
    auto read = stream.async_read_some(asio::buffer(scratch), kTuple);
    auto [rec, n] = co_await std::move(read);
    if (rec) break;
    dropped += n;
  }
}

/// The answer's status line and fields as they go on the wire, after `out`'s old contents are dropped (its room is
/// kept for the connection's next answer). Beast's serializer writes exactly these bytes, but walks a view of nested
/// buffer sequences several times for each write: about a tenth of a plaintext request's CPU in `perf`. A string body
/// always has its length: the pipeline's answers are made with prepare_payload(), and one without is given it here.
void put_header(std::string& out, Response& res) {
  if (res.find(bhttp::field::content_length) == res.end() && res.find(bhttp::field::transfer_encoding) == res.end()) {
    res.content_length(res.body().size());
  }
  out.clear();
  out += res.version() == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  const unsigned code = res.result_int();
  const char digits[3] = {static_cast<char>('0' + code / 100 % 10), static_cast<char>('0' + code / 10 % 10),
                          static_cast<char>('0' + code % 10)};
  out.append(digits, 3);
  out += ' ';
  out += res.reason();
  out += "\r\n";
  for (const auto& f : res) {
    out += f.name_string();
    out += ": ";
    out += f.value();
    out += "\r\n";
  }
  out += "\r\n";
}

/// A stream's way out: the connection (each write with the server's write timeout) and the session that opened it.
class ConnectionWriter final : public StreamWriter {
 public:
  ConnectionWriter(Pipeline& pipeline, beast::tcp_stream& stream, const Request& req, std::optional<long long> user,
                   std::chrono::seconds timeout)
      : pipeline_(pipeline), stream_(stream), req_(req), user_(user), timeout_(timeout) {}

  asio::awaitable<bool> write(std::string data) override {
    // First a send that does not wait: an event is small, and a client that keeps up has room for it, so the whole
    // write is one system call, with no timer set and cancelled and no operation queued (a change fanned out to
    // 1,000 listeners is 1,000 of these on two threads). Only what does not fit waits, with the write timeout.
    auto& socket = stream_.socket();
    boost::system::error_code ec;
    if (!socket.non_blocking()) socket.non_blocking(true, ec);
    const size_t sent = ec ? 0 : socket.write_some(asio::buffer(data), ec);
    if (!ec && sent == data.size()) co_return true;
    if (ec && ec != asio::error::would_block && ec != asio::error::try_again) co_return false;
    data.erase(0, sent);
    stream_.expires_after(timeout_);
    auto op = asio::async_write(stream_, asio::buffer(data), kTuple);
    auto [wec, n] = co_await std::move(op);
    // Between writes the connection waits as long as the stream wants (it sends its own heartbeats).
    stream_.expires_never();
    co_return !wec;
  }

  asio::awaitable<bool> still_signed_in() override {
    if (!user_) co_return true;
    auto op = pipeline_.still_signed_in(req_, *user_);
    co_return co_await std::move(op);
  }

 private:
  Pipeline& pipeline_;
  beast::tcp_stream& stream_;
  const Request& req_;
  std::optional<long long> user_;
  std::chrono::seconds timeout_;
};

}  // namespace

Server::Server(std::vector<asio::io_context*> contexts, Pipeline& pipeline, ServerOptions options)
    : contexts_(std::move(contexts)), pipeline_(pipeline), options_(std::move(options)), acceptor_(*contexts_.at(0)) {}

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
        if (conn->stream_answer) {
          conn->stream_answer->stop();
        } else if (!conn->busy) {
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
    // The context's own executor, not a strand of it: one thread runs the context, so the connection's handlers
    // never run at once, and a strand's lock, its reference counts and its copies on every operation (about 6 % of
    // a plaintext request's CPU) buy nothing.
    auto executor = contexts_[next_context_]->get_executor();
    next_context_ = (next_context_ + 1) % contexts_.size();
    auto [ec, socket] = co_await acceptor_.async_accept(executor, kTuple);
    if (ec) {
      if (stopping_ || ec == asio::error::operation_aborted) break;
      core::log::warn("accept_failed", {{"error", ec.message()}});
      continue;
    }
    // No Nagle: an answer's last part goes out at once instead of waiting for the client's acknowledgement of the
    // part before, which a client may delay by 40 ms (a 142 KB page paced at half of peak had a p99 of 45 ms).
    boost::system::error_code nec;
    socket.set_option(tcp::no_delay(true), nec);
    auto conn = std::make_shared<Connection>(std::move(socket));
    {
      boost::system::error_code pec;
      auto peer = conn->stream.socket().remote_endpoint(pec);
      // Everyone behind the trusted proxy arrives from its address: its connections are not one client's.
      if (!pec) conn->address = peer.address().to_string();
      if (conn->address != options_.trusted_proxy) conn->peer = conn->address;
    }
    {
      std::lock_guard lock(mu_);
      connections_[conn.get()] = conn;
      if (!conn->peer.empty()) {
        conn->over_limit = ++connections_per_client_[conn->peer] > options_.max_connections_per_client;
      }
    }
    asio::co_spawn(conn->stream.get_executor(), serve(conn),
                   [this, raw = conn.get(), peer = conn->peer](std::exception_ptr e) {
                     {
                       std::lock_guard lock(mu_);
                       connections_.erase(raw);
                       if (!peer.empty()) {
                         if (auto it = connections_per_client_.find(peer);
                             it != connections_per_client_.end() && --it->second == 0) {
                           connections_per_client_.erase(it);
                         }
                       }
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

// GCC 12 at -O3 wrongly reports Asio's coroutine frame (allocated by awaitable_frame_base::operator new from the
// thread's recycling cache, and given back the same way) as "free called on a pointer from a mismatched allocation
// function" once this coroutine grew; the release build treats warnings as errors, so it is silenced here only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
asio::awaitable<void> Server::serve(std::shared_ptr<Connection> conn) {
  pipeline_.metrics().connection_opened();
  beast::flat_buffer buffer;
  // Each answer's status line and fields (put_header), its room kept from one answer to the next.
  std::string header;
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
      auto write = bhttp::async_write(stream, res, kTuple);
      auto [wec, wn] = co_await std::move(write);
      if (!wec && hec == bhttp::error::body_limit) {
        auto closing = close_after_answer(stream);
        co_await std::move(closing);
      }
      break;
    }
    conn->busy = true;
    const Request& head_req = parser.get();
    const std::string& peer = conn->address;
    // Answers before the body is read; the connection closes after them, since the body was not read.
    std::optional<Response> early;
    if (conn->over_limit) {
      auto op = pipeline_.handle_error(head_req, Status::too_many_requests);
      early = co_await std::move(op);
    }
    const size_t limit = pipeline_.body_limit(head_req, options_.max_body_bytes);
    const auto length = parser.content_length();
    if (!early && length && *length > limit) {
      auto op = pipeline_.handle_error(head_req, Status::payload_too_large);
      early = co_await std::move(op);
    }
    const bool has_body = length ? *length > 0 : parser.chunked();
    const bool large = has_body && (!length || *length > options_.large_body_bytes);
    // Who is sending, whether they may, and whether the form's cookie is there can all be told from the header: an
    // upload or a large body is refused before it is read, not after.
    if (!early && has_body && (large || (is_unsafe(head_req.method()) && pipeline_.takes_uploads(head_req)))) {
      auto op = pipeline_.check_header(head_req, peer);
      early = co_await std::move(op);
    }
    // Large bodies are held in memory while they arrive: only so many at once, and only a few from one client.
    struct LargeRead {
      Server* server = nullptr;
      std::string client;
      ~LargeRead() {
        if (server) server->end_large_read(client);
      }
    } large_read;
    if (!early && large) {
      std::string client = pipeline_.client_of(head_req, peer);
      if (start_large_read(client)) {
        large_read.server = this;
        large_read.client = std::move(client);
      } else {
        auto op = pipeline_.handle_error(head_req, Status::too_many_requests);
        early = co_await std::move(op);
      }
    }
    if (early) {
      if (early->result() == Status::too_many_requests) early->set(bhttp::field::retry_after, "60");
      early->keep_alive(false);
      stream.expires_after(options_.write_timeout);
      auto write = bhttp::async_write(stream, *early, kTuple);
      auto [wec, wn] = co_await std::move(write);
      if (!wec) {
        auto closing = close_after_answer(stream);
        co_await std::move(closing);
      }
      break;
    }
    parser.body_limit(limit);
    // The deadline moves on as the body arrives, at no less than the floor rate, up to the cap: a slow phone
    // connection gets its time, a client that trickles bytes to hold the connection does not.
    const auto body_start = std::chrono::steady_clock::now();
    const auto cap = body_start + options_.body_timeout_cap;
    const size_t floor_rate = std::max<size_t>(1, options_.body_min_bytes_per_second);
    size_t received = 0;
    boost::system::error_code bec;
    while (!parser.is_done()) {
      const auto allowed = body_start + options_.body_timeout + std::chrono::seconds(received / floor_rate);
      stream.expires_at(std::min(allowed, cap));
      auto read = bhttp::async_read_some(stream, buffer, parser, kTuple);
      auto [rec, n] = co_await std::move(read);
      if (rec) {
        bec = rec;
        break;
      }
      received += n;
    }
    Response res;
    OpenStream open;
    if (bec == bhttp::error::body_limit) {
      auto op = pipeline_.handle_error(parser.get(), Status::payload_too_large);
      res = co_await std::move(op);
      res.keep_alive(false);
    } else if (bec) {
      break;
    } else {
      auto op = pipeline_.handle(parser.get(), peer, &open);
      res = co_await std::move(op);
    }
    const bool head = parser.get().method() == bhttp::verb::head;
    if (open.stream) {
      // A long-lived answer: its header (no length: the body ends when the connection does), then the stream has
      // the connection until it ends. shutdown() stops it through conn->stream_answer; one that begins after
      // shutdown() looked is stopped here.
      conn->stream_answer = open.stream;
      if (stopping_) open.stream->stop();
      res.keep_alive(false);
      res.body().clear();
      res.erase(bhttp::field::content_length);
      stream.expires_after(options_.write_timeout);
      bhttp::response_serializer<bhttp::string_body> sr{res};
      auto [wec, wn] = co_await bhttp::async_write_header(stream, sr, kTuple);
      if (!wec && !head) {
        stream.expires_never();
        ConnectionWriter writer(pipeline_, stream, parser.get(), open.user_id, options_.write_timeout);
        auto run = open.stream->run(writer);
        co_await std::move(run);
      }
      conn->stream_answer.reset();
      break;
    }
    if (stopping_) res.keep_alive(false);
    if (head) {
      auto len = res.body().size();
      res.body().clear();
      res.content_length(len);
    }
    stream.expires_after(options_.write_timeout);
    // The header and the body in one write (one sendmsg with two parts when the socket takes it all).
    put_header(header, res);
    const std::array<asio::const_buffer, 2> parts{asio::buffer(header), asio::buffer(res.body())};
    auto write = asio::async_write(stream, parts, kTuple);
    auto [wec, wn] = co_await std::move(write);
    if (wec) break;
    conn->busy = false;
    if (!res.keep_alive()) break;
  }
  boost::system::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.close();
  pipeline_.metrics().connection_closed();
}
#pragma GCC diagnostic pop

bool Server::start_large_read(const std::string& client) {
  std::lock_guard lock(mu_);
  auto& mine = large_reads_per_client_[client];
  if (large_reads_ >= options_.max_large_reads || mine >= options_.max_large_reads_per_client) {
    if (mine == 0) large_reads_per_client_.erase(client);
    return false;
  }
  ++large_reads_;
  ++mine;
  pipeline_.metrics().large_read_started();
  return true;
}

void Server::end_large_read(const std::string& client) {
  std::lock_guard lock(mu_);
  --large_reads_;
  pipeline_.metrics().large_read_ended();
  if (auto it = large_reads_per_client_.find(client); it != large_reads_per_client_.end() && --it->second == 0) {
    large_reads_per_client_.erase(it);
  }
}

}  // namespace roundtable::http
