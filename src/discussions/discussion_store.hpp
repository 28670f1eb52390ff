/// The only place the discussions module's SQL lives. Every function takes the caller's session; changes run inside
/// the service's db::WriteTransaction. A page's reads are a constant number of queries however many topics, posts
/// and reactions there are: lists and topics are read by keyset (an index range), never by OFFSET.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/i18n.hpp"
#include "discussions/discussion.hpp"

namespace soci {
class session;
}
namespace roundtable::db {
class Batch;
}

namespace roundtable::discussions::store {

/// The group (in this organisation) with the viewer's role in it and whether they agreed to its ground rules.
std::optional<GroupFacts> group_facts(soci::session& s, long long org_id, long long group_id, long long viewer);
void group_facts(db::Batch& b, long long org_id, long long group_id, long long viewer, std::optional<GroupFacts>& out);

/// Where a list page starts: after this (last_post_at, id) (nullopt: the newest).
using TopicKey = std::pair<long long, long long>;
/// "1764892800.12" → the key, when it is one.
std::optional<TopicKey> parse_topic_key(std::string_view text);
std::string topic_key_code(const TopicKey& key);
/// Up to limit + 1 topics of the group (the extra one says there is an older page), most recently active first.
std::vector<std::pair<TopicListed, TopicKey>> list_topics(soci::session& s, long long group_id, long long viewer,
                                                          Filter filter, const std::optional<TopicKey>& before,
                                                          int limit);
void list_topics(db::Batch& b, long long group_id, long long viewer, Filter filter,
                 const std::optional<TopicKey>& before, int limit, std::vector<std::pair<TopicListed, TopicKey>>& out);
void open_report_count(db::Batch& b, long long group_id, long long& out);

/// The topic (in this organisation) with its group and the viewer's marks, in one query.
std::optional<std::pair<GroupFacts, Topic>> find_topic(soci::session& s, long long org_id, long long topic_id,
                                                       long long viewer);
/// The opening post and up to limit + 1 replies numbered after `after` (whichever is greater of it and 1), with the
/// reactions on them: two queries.
void posts_page(db::Batch& b, long long topic_id, long long after, int limit, long long viewer, std::vector<Post>& out);
/// One post of a topic (in this organisation), with its topic and group as the viewer sees them.
struct PostInTopic {
  GroupFacts group;
  Topic topic;
  Post post;
};
std::optional<PostInTopic> find_post(soci::session& s, long long org_id, long long topic_id, long long number,
                                     long long viewer);

/// The new topic's id, or 0 when one with this create key exists in the group (the same form, sent twice).
long long insert_topic(soci::session& s, long long org_id, long long group_id, std::string_view title, long long author,
                       std::string_view create_key, long long now);
std::optional<long long> find_topic_by_key(soci::session& s, long long group_id, std::string_view create_key);
/// Adds a post with the next number; {id, number}, or {0, 0} when a post with this create key exists already in the
/// topic (the caller then rolls back).
std::pair<long long, long long> insert_post(soci::session& s, long long topic_id, long long group_id, long long author,
                                            std::string_view body, std::string_view create_key, long long now);
/// The number of the post with this create key in the topic, if there is one.
std::optional<long long> find_post_by_key(soci::session& s, long long topic_id, std::string_view create_key);

/// Keeps the post's current words (and, for an opening post, its topic's title) as an earlier version, with what
/// this change does to the topic's attachment (Version::attachment_change).
void keep_version(soci::session& s, long long post_id, long long now, std::string_view attachment_change = "");
void set_body(soci::session& s, long long post_id, std::string_view body, long long now);
void set_title(soci::session& s, long long topic_id, std::string_view title);
/// Removes the words (kept as a version first by the caller); an opening post takes its topic's title with it.
void delete_post(soci::session& s, long long post_id, long long topic_id, bool opening, long long now);
void set_hidden(soci::session& s, long long post_id, std::optional<long long> by, std::string_view reason,
                long long now);
/// The ids of the topic's replies (not its opening post).
std::vector<long long> reply_ids(soci::session& s, long long topic_id);
/// Every earlier version of the post, oldest first.
std::vector<Version> versions(soci::session& s, long long post_id);

/// Adds or takes away one reaction; whether anything changed.
bool set_reaction(soci::session& s, long long post_id, long long user, Reaction r, bool on, long long now);
/// Follows (or stops following) by choice.
void set_following(soci::session& s, long long topic_id, long long user, bool on, long long now);
/// Follows unless the person chose to stop following before.
void follow_unless_stopped(soci::session& s, long long topic_id, long long user, long long now);
/// Adds or takes back the person's "raise this at the next meeting" and keeps the topic's count.
bool set_raised(soci::session& s, long long topic_id, long long user, bool on, long long now);
void set_easy_read(soci::session& s, long long topic_id, std::string_view text, long long by);
void agree_rules(soci::session& s, long long group_id, long long user, long long now);
/// Records that the person has read the topic up to this post number (only ever forwards).
void mark_seen(soci::session& s, long long user, long long topic_id, long long number, long long now);

/// A new report (false when the person had reported this post already).
bool insert_report(soci::session& s, long long post_id, long long group_id, long long reporter, std::string_view reason,
                   long long now);
/// Reports waiting in the group, oldest first (at most 200).
std::vector<Report> open_reports(soci::session& s, long long group_id);
/// Marks the post's open reports dealt with.
void deal_with_reports(soci::session& s, long long post_id, long long by, long long now);
/// Marks one report dealt with (the post stays as it is); false when it is not an open report of this group.
bool dismiss_report(soci::session& s, long long report_id, long long group_id, long long by, long long now);

/// Someone to tell by email.
struct Recipient {
  long long user_id = 0;
  std::string email;
  std::string name;
  core::Lang lang = core::Lang::en;
};
/// The group's members (user id, name), for finding @mentions.
std::vector<std::pair<long long, std::string>> member_names(soci::session& s, long long group_id);
/// The people following the topic who are still in its group, and the members named in `mentioned` (ids), except
/// `except`: each once, with whether they were mentioned.
std::vector<std::pair<Recipient, bool>> to_tell(soci::session& s, long long topic_id, long long group_id,
                                                const std::vector<long long>& mentioned, long long except);
/// Sets (or, with nullopt, clears) the topic's attachment and its alternative text.
void set_attachment(soci::session& s, long long topic_id, std::optional<long long> upload_id, std::string_view alt);
/// What deciding who may fetch a topic's attachment needs: its topic's group as the viewer stands in it.
struct FileAccess {
  long long org_id = 0;
  bool group_archived = false;
  std::optional<GroupRole> group_role;
  bool opening_deleted = false;
  bool opening_hidden = false;
};
/// nullopt when no topic holds the upload.
std::optional<FileAccess> file_access(soci::session& s, long long upload_id, long long viewer);

// For demo data.
long long count_for_org(soci::session& s, long long org_id);
/// The id of the post with this number in the topic (0: none).
long long post_id(soci::session& s, long long topic_id, long long number);

}  // namespace roundtable::discussions::store
