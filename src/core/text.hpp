#pragma once
/// Small helpers on text as people type it: ordering a list (compare_folded), counting the characters of a field
/// (characters), reading a typed number (small_number) and the parts of a comma-separated list (comma_separated).
///
/// Ordering text as people read a list: letters compared without regard to case. Lists are sorted here rather than by
/// the database's ORDER BY lower(...): SQLite builds a temporary B-tree for such an ordering, which cost a page more
/// than sorting its twenty rows in memory (docs/PERFORMANCE.md), and both databases now give the same order (SQLite's
/// lower() folds only ASCII letters, PostgreSQL's every letter).

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace roundtable::core {

/// Negative, zero or positive as a sorts before, with or after b, ASCII letters folded to lower case, other bytes
/// compared as unsigned (UTF-8 text sorts by code point), a prefix before a longer text.
int compare_folded(std::string_view a, std::string_view b);

/// a sorts before b (compare_folded).
inline bool folded_less(std::string_view a, std::string_view b) { return compare_folded(a, b) < 0; }

/// The characters of UTF-8 text, not its bytes (every byte but a continuation byte counts), so a form's limit is the
/// same for "ŵ" or an emoji as for "w". Text that is not UTF-8 still gets a count, never a failure.
std::size_t characters(std::string_view text);

/// A typed number of one to four characters ("7" → 7, "0042" → 42), as a day, month, year or count field holds;
/// nullopt for anything else (empty, longer, or not wholly a number). A leading minus is read ("-1" → -1): callers
/// check the range they accept.
std::optional<int> small_number(std::string_view typed);

/// The parts of a list kept as text with commas between them (codes, a membership's copy of interests): "a,b" → a and
/// b; "" → none; a part may be empty ("a,,b"), and a comma at the end adds none. The parts point into list.
std::vector<std::string_view> comma_separated(std::string_view list);

}  // namespace roundtable::core
