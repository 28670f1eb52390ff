/// The consensus finder's addresses: a group's conversations under /o/{org}/groups/{group}/conversations, each
/// conversation under /o/{org}/conversations/{conversation} and each statement under /o/{org}/statements/{statement}.
#pragma once

#include <vector>

#include "consensus/consensus_pages.hpp"
#include "http/types.hpp"

namespace roundtable::consensus {

void add_consensus_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps);

}  // namespace roundtable::consensus
