/// Use cases for consent: the person's decisions in force and their history, and recording new ones with the
/// wording the person saw.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <utility>
#include <vector>

#include "consent/consent.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace roundtable::consent {

class ConsentService {
 public:
  explicit ConsentService(db::Database& db) : db_(db) {}

  /// The person's consent decisions in force, and every decision they made.
  boost::asio::awaitable<std::pair<ConsentState, std::vector<ConsentRecord>>> consents(long long user_id);
  /// Records each decision that differs from the one in force (or agrees to newer wording), with the wording in
  /// the person's language; audited.
  boost::asio::awaitable<void> set_consents(long long user_id, core::Lang lang,
                                            std::vector<std::pair<ConsentPurpose, bool>> decisions);

 private:
  db::Database& db_;
};

}  // namespace roundtable::consent
