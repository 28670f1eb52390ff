/// Who may do what with a group's conversations, as one pure function: the routes guard with it, the service asks it
/// again inside each change's transaction, and the pages use it to decide which forms to show. Tested as a table in
/// consensus_policy_test.cpp. Denied means 404.
///
/// - A group's conversations are the group's own: its people read them and their results (observers too) and the
///   organisation's admins (with two-step sign-in); everyone else is answered 404, whoever may see the group.
/// - Lead facilitators, facilitators and members write statements and agree, disagree or pass, while the conversation
///   is open; observers read along.
/// - The people who run the group (lead facilitators and facilitators; an organisation admin once two-step sign-in
///   is passed) start conversations, hide a statement (saying why), and close or reopen a conversation.
/// - Nothing changes in an archived group.
#pragma once

#include <optional>
#include <string_view>

#include "consensus/consensus.hpp"
#include "core/roles.hpp"
#include "groups/group_policy.hpp"

namespace roundtable::consensus::policy {

enum class Action {
  /// The group's conversations, a conversation, a statement and the results.
  see,
  /// Write statements and answer them, while the conversation is open.
  take_part,
  /// Start conversations; hide statements; close and reopen.
  run,
};
inline constexpr Action kAllActions[] = {Action::see, Action::take_part, Action::run};

struct Actor {
  core::Role org_role = core::Role::member;
  bool two_step = false;
  std::optional<GroupRole> group_role;
};

struct Facts {
  groups::Visibility visibility = groups::Visibility::organisation;
  bool group_archived = false;
  bool closed = false;
};

using Verdict = groups::policy::Verdict;

Verdict allows(const Actor& actor, Action action, const Facts& facts);

/// "consensus.take_part"
std::string_view action_name(Action action);

}  // namespace roundtable::consensus::policy
