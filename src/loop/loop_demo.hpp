/// The loop's demo data: what happened next to a few of the demo's topics and proposals, so the timeline, "You said,
/// we did" and "What happened to what I said" are not empty in the demo.
#pragma once

#include "db/database.hpp"
#include "loop/loop_service.hpp"

namespace roundtable::loop {

/// Once: returns how many changes it wrote (0 when already there, or the demo organisation is missing).
int load_demo(db::Database& db, LoopService& service, long long now);

}  // namespace roundtable::loop
