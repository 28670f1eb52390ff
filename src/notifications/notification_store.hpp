/// The only place notifications SQL lives: each person's choice per group, the notices, and the stop secret.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/query.hpp"
#include "notifications/notification.hpp"

namespace soci {
class session;
}

namespace roundtable::notifications::store {

/// The person's choice for the group (immediate when none is recorded).
Choice choice_of(soci::session& s, long long user_id, long long group_id);

struct GroupChoice {
  long long group_id = 0;
  std::string group_name;
  Choice choice = Choice::immediate;
  /// The person is not in the group: it emailed them (open sessions of its series) and they made a choice about it,
  /// most often through the one-click stop of one of its emails.
  bool outside = false;
};
/// The open groups the person is in within the organisation, by name, each with their choice; then, also by name,
/// the open groups they are not in for which a choice of theirs is recorded (outside), so a stop made from an email
/// can be changed back.
std::vector<GroupChoice> choices_in_org(soci::session& s, long long org_id, long long user_id);
/// Records the choice for a group the person is in (in that organisation); false when they are not in it.
bool set_choice(soci::session& s, long long org_id, long long user_id, long long group_id, Choice choice,
                long long now);

/// Whether the group emailed the person in the organisation before (a notice of it is theirs), for people outside
/// the group: the open sessions of a group's series email people in the whole organisation (meetings).
bool heard_from(soci::session& s, long long org_id, long long user_id, long long group_id);
/// Records the choice for a group that emailed the person although they are not in it (heard_from), for its
/// one-click stop; false when they are not in the organisation.
bool set_choice_heard(soci::session& s, long long org_id, long long user_id, long long group_id, Choice choice,
                      long long now);

/// Records a notice. digest: "daily" or "weekly" when it waits for that digest, "" otherwise.
long long insert_notice(soci::session& s, const Notice& n, std::string_view digest, long long now);

struct NoticeRow {
  long long id = 0;
  long long group_id = 0;
  std::string group_name;
  std::string kind;
  std::string title;
  std::string url;
  long long created_at = 0;
  bool unread = true;
};
/// The person's notices in the organisation, newest first, older than before_id (0: from the newest), at most
/// limit rows.
void list_notices(db::Batch& b, long long org_id, long long user_id, long long before_id, int limit,
                  std::vector<NoticeRow>& out);
/// How many of the person's notices in the organisation are unread: one row read, kept by triggers (migration 0060).
void unread_count(db::Batch& b, long long org_id, long long user_id, long long& out);
/// Marks every unread notice of the person in the organisation read; returns how many.
long long mark_all_read(soci::session& s, long long org_id, long long user_id, long long now);

/// The group's name when it belongs to the organisation.
std::optional<std::string> group_name(soci::session& s, long long org_id, long long group_id);

/// The stop secret, or "" when none was made yet (reading never makes one).
std::string stop_secret(soci::session& s);
/// The stop secret, made (32 random bytes) the first time; race-free between servers (ON CONFLICT DO NOTHING).
std::string ensure_stop_secret(soci::session& s);

/// The demo's choices: Ngozi hears about her groups once a week. Returns how many were recorded.
int demo_choices(soci::session& s, long long now);

}  // namespace roundtable::notifications::store
