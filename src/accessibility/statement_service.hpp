/// Use cases of accessibility statements: an organisation admin writes and publishes the organisation's statement;
/// everyone reads published ones.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "accessibility/statement.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace roundtable::accessibility {

/// A published statement and its organisation.
struct Published {
  Org org;
  Statement statement;
};

class StatementService {
 public:
  StatementService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// The statement of the organisation with this web address, if it is published.
  boost::asio::awaitable<std::optional<Published>> published_statement(std::string org_slug);
  /// Every published statement (for Roundtable's own statement).
  boost::asio::awaitable<std::vector<Listed>> published_statements();
  /// The organisation's statement as saved, published or not (nullopt before the first save).
  boost::asio::awaitable<std::optional<Statement>> statement(long long org_id);
  /// Saves the statement (checked by check_statement) as reviewed now; audited as a change to the organisation's
  /// settings.
  boost::asio::awaitable<void> save_statement(long long actor_id, Statement statement);

  /// For demo data, on the calling thread: saves the statement of the organisation with this web address; false
  /// when there is no such organisation.
  bool save_statement_now(const std::string& org_slug, Statement statement);

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace roundtable::accessibility
