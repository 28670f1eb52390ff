/// The discussions module's demo data for `serve --demo`.
#pragma once

#include "db/database.hpp"
#include "discussions/discussion_service.hpp"

namespace roundtable::discussions {

/// Conversations in the demo organisation's co-production board and steering group (replies, reactions, a topic
/// raised for the next meeting, an easy-read summary, a reported post), once: nothing when they have topics
/// already. Returns how many posts it wrote.
int load_demo(db::Database& db, DiscussionService& service, long long now);

}  // namespace roundtable::discussions
