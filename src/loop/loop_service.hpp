/// The loop's reads and writes, each in one database call: a contribution's timeline (found through its kind's
/// resolver), saying what happened next (and telling the author and supporters), a group's "You said, we did" page
/// and a person's "What happened to what I said".
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "loop/loop.hpp"
#include "loop/loop_policy.hpp"

namespace roundtable::loop {

using boost::asio::awaitable;

/// Where links in email point, and who wakes the mail worker after a change queued email.
struct MailHooks {
  std::function<std::string()> base_url;
  std::function<void()> mail_queued;
};

/// Who is asking.
struct Who {
  long long user_id = 0;
  core::Role org_role = core::Role::member;
  bool two_step = false;
};

/// A group as the loop's pages need it, with the viewer's role there.
struct GroupFacts {
  long long id = 0;
  long long org_id = 0;
  std::string name;
  std::string org_slug, org_name;
  groups::Visibility visibility = groups::Visibility::organisation;
  bool archived = false;
  std::optional<groups::GroupRole> role;
};

struct GroupPage {
  GroupFacts group;
  EntryPage page;
};

enum class Saved { done, repeated, refused };

/// Which version of a list page: the easy-read one also reads the contributions' own easy-read text.
enum class Version { standard, easy_read };

/// "<changed_at>.<id>" of the last entry shown, for the next page; nullopt when malformed.
std::optional<std::pair<long long, long long>> parse_page_key(std::string_view text);

class LoopService {
 public:
  LoopService(db::Database& db, const core::Clock& clock, MailHooks mail = {})
      : db_(db), clock_(clock), mail_(std::move(mail)) {}

  /// The kinds every module registered (set once, when routes are added).
  void set_kinds(std::vector<module::ContributionKind> kinds) { kinds_ = std::move(kinds); }
  /// Every module's follow-ups (set once, when routes are added): a timeline shows what they did with it.
  void set_follow_ups(std::vector<module::FollowUpReader> sources) { follow_ups_ = std::move(sources); }
  const module::ContributionKind* kind(std::string_view code) const;

  /// The contribution with its status and every change, when the viewer may see it.
  awaitable<std::optional<Timeline>> timeline(long long org_id, std::string kind, long long id, long long viewer);
  /// Records a change (refused unless the policy allows it to `who` inside the transaction) and tells the author
  /// and the supporters still in the group (not who made it). The same change_key twice makes one change.
  awaitable<Saved> set_status(Who who, long long org_id, std::string kind, long long id, NewChange change);
  /// For demo data: the same change at `at`, by `by` (who must see the contribution), telling nobody.
  Saved set_status_now(long long org_id, const std::string& kind, long long id, long long by, const NewChange& change,
                       long long at);
  /// The group's "You said, we did" entries, newest change first (LIMIT + one), for a signed-in member of org_id.
  /// The easy-read version also reads the contributions' own easy-read text when the viewer is one of the group's
  /// people (one more query for each kind on the page that has such text).
  awaitable<std::optional<GroupPage>> group_page(long long org_id, long long group_id, long long viewer,
                                                 std::optional<std::pair<long long, long long>> before,
                                                 Version version = Version::standard);
  /// The same for anyone, found by the organisation's address (the page checks that the group is public); never the
  /// contributions' own text, in either version.
  awaitable<std::optional<GroupPage>> public_group_page(std::string org_slug, long long group_id,
                                                        std::optional<std::pair<long long, long long>> before);
  /// The person's own contributions with a status, in the groups they are still in, newest change first.
  awaitable<EntryPage> mine(long long user_id, std::optional<std::pair<long long, long long>> before,
                            Version version = Version::standard);

  /// Today's day number in London (days since 1970-01-01).
  long long today() const;
  long long now() const { return clock_.now_seconds(); }

 private:
  db::Database& db_;
  const core::Clock& clock_;
  MailHooks mail_;
  std::vector<module::ContributionKind> kinds_;
  std::vector<module::FollowUpReader> follow_ups_;
};

/// module::FollowUpReader for kind "topic": the topic's status (and, for the people who run the group, a link to say
/// what happened next), for a viewer in the topic's group (the ask's role; anyone else gets nothing, without a read).
/// One indexed read.
void topic_follow_ups(db::Batch& b, const module::FollowUpAsk& ask, std::vector<module::FollowUp>& out);

}  // namespace roundtable::loop
