/// The decisions demo: in the demo organisation's Carers Co-production Board, one consent decision closed with a
/// resolved objection and its record, and one simple poll open for votes.
#pragma once

#include "db/database.hpp"
#include "decisions/decision_service.hpp"

namespace roundtable::decisions {

/// Returns how many proposals it made (none when they are there already, or without the demo board).
int load_demo(db::Database& db, DecisionService& service, long long now);

}  // namespace roundtable::decisions
