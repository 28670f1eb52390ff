/// What a module did with another module's contribution, as plain data (no SOCI, no Beast): the contribution's page
/// shows it, and what the page asks about (FollowUpAsk). The source that reads it is module::FollowUpReader
/// (module.hpp).
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

/// What a contribution's page asks the modules' follow-ups about: the contribution, and what the page has already read
/// for the viewer (its group, whether the group is archived, the viewer's role there), so that a source does not
/// look the contribution or the viewer's membership up again.
struct FollowUpAsk {
  /// The contribution's kind ("topic", "proposal", ...) and id, in organisation org_id, for viewer.
  std::string_view kind;
  long long org_id = 0;
  long long id = 0;
  long long viewer = 0;
  /// The contribution's group (every contribution is in one group) and whether that group is archived.
  long long group_id = 0;
  bool group_archived = false;
  /// The viewer's role in that group ("lead", "facilitator", "member", "observer"); empty: not in it.
  std::string_view viewer_role;
};

}  // namespace roundtable::module
