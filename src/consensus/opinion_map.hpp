/// The results' picture: every participant as one mark placed by how they voted (the analysis's two components), in
/// their group's colour and shape, with no name anywhere. An SVG that says what it shows (role="img", a title and a
/// description naming each group's shape, colour and size); each group's name is written at its centre, so nothing
/// rests on colour alone. The results page puts a table of the same numbers after it.
#pragma once

#include <string>
#include <vector>

#include "consensus/analysis.hpp"
#include "view/html.hpp"

namespace roundtable::consensus {

/// The shapes and colours, group by group (kMaxGroups of each).
inline constexpr const char* kShapes[] = {"circle", "square", "triangle", "diamond", "cross"};
inline constexpr const char* kColours[] = {"#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#912b88"};

/// `names` holds each group's name as written on the picture ("Group A").
void opinion_map(view::Html& h, const std::string& id, const std::string& title, const std::string& description,
                 const analysis::Result& result, const std::vector<std::string>& names);

}  // namespace roundtable::consensus
