/// The boards addresses: a group's boards under /o/{org}/groups/{group}/boards, each board under
/// /o/{org}/boards/{board} and each card under /o/{org}/cards/{card}.
#pragma once

#include <vector>

#include "boards/board_pages.hpp"
#include "http/types.hpp"

namespace roundtable::boards {

void add_board_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps);

}  // namespace roundtable::boards
