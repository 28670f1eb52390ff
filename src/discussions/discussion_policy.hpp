/// Who may do what in a group's discussion, as one pure function: the routes and pages use it to guard pages and
/// their POSTs, and the pages use it to decide which links and buttons to show. Tested as a table in
/// discussion_policy_test.cpp. Denied means 404.
///
/// A discussion belongs to its group's people: members take part, observers read (and may report a post), the
/// people who run the group (lead facilitators and facilitators) also moderate. Nobody else sees it, whatever their
/// role in the organisation: what people say in a group stays in the group. An archived group's discussion can be
/// read but not changed.
#pragma once

#include <optional>
#include <string_view>

#include "discussions/discussion.hpp"

namespace roundtable::discussions::policy {

enum class Action {
  /// The group's topics, a topic and its replies.
  see_discussion,
  /// Start a topic.
  start_topic,
  /// Reply in a topic (facts: its opening post).
  reply,
  /// Agree, thank, "me too" (not on your own post).
  react,
  /// Follow a topic, or stop.
  follow,
  /// Ask for the topic to be raised at the next meeting (facts: its opening post).
  raise_at_meeting,
  /// Change your own post.
  edit_post,
  /// Delete your own post (its earlier versions are kept for the people who run the group).
  delete_post,
  /// A post's earlier versions: its author, and the people who run the group.
  see_history,
  /// Tell the people who run the group about someone else's post.
  report_post,
  /// Hide a post, with a reason its author sees; show it again.
  hide_post,
  unhide_post,
  /// The reports waiting, and letting a reported post stand.
  see_reports,
  dismiss_report,
  /// Write the easy-read summary of a topic (facts: its opening post).
  write_easy_read,
};

struct Actor {
  /// The person's role in the group (nullopt: not in it).
  std::optional<GroupRole> group_role;
};

/// What the rules need to know about the group and, for actions on a post, the post.
struct Facts {
  bool group_archived = false;
  /// The person asking wrote the post.
  bool own = false;
  bool post_deleted = false;
  bool post_hidden = false;
};

enum class Verdict { allow, deny };

Verdict allows(const Actor& actor, Action action, const Facts& facts);

/// A stable name for logs and the route table ("discussions.reply").
std::string_view action_name(Action action);

}  // namespace roundtable::discussions::policy
