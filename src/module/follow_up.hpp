/// What a module did with another module's contribution, as plain data (no SOCI, no Beast): the contribution's page
/// shows it. The source that reads it is module::FollowUpSource (module.hpp).
#pragma once

#include <string>
#include <string_view>

namespace roundtable::module {

/// Something a module did with another module's contribution (so far: a discussion topic): the contribution's page
/// shows it under "What happened next", so the people who raised it see what became of it without being told by
/// email alone (issue #14: "told what the meeting did with it"; issue #15's loop builds on it).
struct FollowUp {
  /// When it happened or will happen (the date shown; follow-ups are listed in this order).
  long long at = 0;
  /// A message key of the module's catalogue with {what} (e.g. the meeting's title) and {date} in it.
  std::string_view text_key;
  std::string what;
  /// More, as plain text (e.g. what the meeting decided), shown through detail_key's {detail}; empty: nothing more.
  std::string_view detail_key;
  std::string detail;
  /// Where to read more, below the organisation's address ("/meetings/3/minutes"), and the link's words (a key).
  std::string href;
  std::string_view link_key;
};

}  // namespace roundtable::module
