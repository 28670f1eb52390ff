/// For tests and start-up work before the server runs (demo data): runs a coroutine to completion on a private
/// io_context and returns its result (or rethrows). Never call it from a request handler.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>
#include <optional>

namespace roundtable::db::testing {

template <class T>
T run(boost::asio::awaitable<T> aw) {
  boost::asio::io_context ioc;
  std::optional<T> out;
  boost::asio::co_spawn(ioc, std::move(aw), [&](std::exception_ptr e, T v) {
    if (e) std::rethrow_exception(e);
    out = std::move(v);
  });
  ioc.run();
  return std::move(*out);
}

inline void run_void(boost::asio::awaitable<void> aw) {
  boost::asio::io_context ioc;
  boost::asio::co_spawn(ioc, std::move(aw), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  ioc.run();
}

}  // namespace roundtable::db::testing
