/// The boards demo: in the demo organisation's Carers Co-production Board, the "Respite booking ideas" board with
/// the lists Ideas, Doing and Done, eight cards with labels and people, and some dots.
#pragma once

#include "boards/board_service.hpp"
#include "db/database.hpp"

namespace roundtable::boards {

/// Returns how many cards it made (none when they are there already, or without the demo group).
int load_demo(db::Database& db, BoardService& service);

}  // namespace roundtable::boards
