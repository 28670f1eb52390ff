/// For tests and start-up work before the server runs (demo data): runs a coroutine to completion on a private
/// io_context and returns its result (or rethrows). Never call it from a request handler.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>
#include <optional>

namespace roundtable::db::testing {

// The exception is kept and thrown only after ioc.run() returns: run() returns once no other thread (the database
// pool finishing an operation) still holds work on ioc, so ioc is never destroyed under that thread. Thrown from
// inside the handler instead, it left run() early and a database thread could touch the freed io_context.
template <class T>
T run(boost::asio::awaitable<T> aw) {
  boost::asio::io_context ioc;
  std::optional<T> out;
  std::exception_ptr error;
  boost::asio::co_spawn(ioc, std::move(aw), [&](std::exception_ptr e, T v) {
    if (e) {
      error = e;
    } else {
      out = std::move(v);
    }
  });
  ioc.run();
  if (error) std::rethrow_exception(error);
  return std::move(*out);
}

inline void run_void(boost::asio::awaitable<void> aw) {
  boost::asio::io_context ioc;
  std::exception_ptr error;
  boost::asio::co_spawn(ioc, std::move(aw), [&](std::exception_ptr e) { error = e; });
  ioc.run();
  if (error) std::rethrow_exception(error);
}

}  // namespace roundtable::db::testing
