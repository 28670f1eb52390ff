#pragma once
/// Ordering text as people read a list: letters compared without regard to case. Lists are sorted here rather than by
/// the database's ORDER BY lower(...): SQLite builds a temporary B-tree for such an ordering, which cost a page more
/// than sorting its twenty rows in memory (docs/PERFORMANCE.md), and both databases now give the same order (SQLite's
/// lower() folds only ASCII letters, PostgreSQL's every letter).

#include <string_view>

namespace roundtable::core {

/// Negative, zero or positive as a sorts before, with or after b, ASCII letters folded to lower case, other bytes
/// compared as unsigned (UTF-8 text sorts by code point), a prefix before a longer text.
int compare_folded(std::string_view a, std::string_view b);

/// a sorts before b (compare_folded).
inline bool folded_less(std::string_view a, std::string_view b) { return compare_folded(a, b) < 0; }

}  // namespace roundtable::core
