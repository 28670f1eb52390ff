/// Small writes that share a commit: db::write_together.
#pragma once

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "db/database.hpp"

namespace roundtable::db {

/// Runs fn(soci::session&), a small write, on a database thread in a write transaction it may share with the other
/// such writes that come while one is being committed, and resumes the caller once the transaction holding its write
/// has committed. One commit, and on SQLite one sync of the file, then serves many requests: under load, each no longer
/// waits for the syncs of all the others before its own (a meeting's support checklist writes an audit entry on every
/// view; docs/PERFORMANCE.md). fn runs inside a savepoint: if it throws, only its own changes are undone and the
/// exception reaches its caller; if the commit fails, every caller of that transaction gets the error.
///
/// fn may read what it writes about (a look at people's needs and its audit entry): nothing comes between its own
/// statements. A read made before write_together, outside fn, may no longer hold when fn runs, since other writes of
/// the transaction come first; a write that depends on such a read uses db::WriteTransaction with the read inside.
template <class F>
boost::asio::awaitable<std::invoke_result_t<F&, soci::session&>> write_together(Database& db, F fn) {
  using R = std::invoke_result_t<F&, soci::session&>;
  using Kept = std::conditional_t<std::is_void_v<R>, bool, std::optional<R>>;
  auto result = std::make_shared<Kept>();
  auto op = boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&, void(std::exception_ptr)>(
      [&db, result, fn = std::move(fn)](auto handler) mutable {
        auto waiting = std::make_shared<decltype(handler)>(std::move(handler));
        db.together(
            [result, fn = std::move(fn)](soci::session& s) mutable {
              if constexpr (std::is_void_v<R>) {
                fn(s);
              } else {
                result->emplace(fn(s));
              }
            },
            [waiting](std::exception_ptr e) {
              auto ex = boost::asio::get_associated_executor(*waiting);
              boost::asio::post(ex, [waiting, e]() mutable { std::move (*waiting)(e); });
            });
      },
      boost::asio::use_awaitable);
  co_await std::move(op);
  if constexpr (!std::is_void_v<R>) co_return std::move(**result);
}

}  // namespace roundtable::db
