/// The consensus finder's demo data (serve --demo): a conversation in the demo's Carers Co-production Board about
/// respite care, with twelve statements and the group's four voting members' answers, which fall into two clear
/// groups that still share four statements.
#pragma once

#include "consensus/consensus_service.hpp"
#include "db/database.hpp"

namespace roundtable::consensus {

/// How many statements it made (0 when the demo group is missing or the conversation exists already).
int load_demo(db::Database& db, ConsensusService& service);

}  // namespace roundtable::consensus
