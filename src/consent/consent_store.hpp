/// The only place consent SQL lives.
#pragma once

#include <vector>

#include "consent/consent.hpp"

namespace soci {
class session;
}

namespace roundtable::consent::store {

/// Adds a decision (the record's id and time are set here).
void record_consent(soci::session& s, long long user_id, const ConsentRecord& record);
/// The newest decision per purpose.
ConsentState consent_state(soci::session& s, long long user_id);
/// Every decision, oldest first.
std::vector<ConsentRecord> consent_history(soci::session& s, long long user_id);

}  // namespace roundtable::consent::store
