/// Discussions: every group's always-on discussion space. Topics with an opening post and replies, a few reactions,
/// follows, unread markers, "raise this at the next meeting", an easy-read summary, and moderation (reports, hiding
/// with a reason, edits and deletions with their history kept). Plain types shared by the store, the service, the
/// policy and the pages (no SOCI, no Beast).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "groups/group.hpp"
#include "media/media.hpp"
#include "module/follow_up.hpp"

namespace roundtable::discussions {

using groups::GroupRole;

/// The reactions anyone taking part may add to a post (each person once per kind).
enum class Reaction { agree, thanks, me_too };
inline constexpr std::array<Reaction, 3> kAllReactions = {Reaction::agree, Reaction::thanks, Reaction::me_too};
std::string_view reaction_code(Reaction r);
std::optional<Reaction> parse_reaction(std::string_view code);

/// Replies on one page of a topic.
inline constexpr int kPostsPerPage = 50;
/// Topics on one page of a group's discussion.
inline constexpr int kTopicsPerPage = 30;

/// What a discussion page needs to know about its group and the person looking.
struct GroupFacts {
  long long id = 0;
  long long org_id = 0;
  std::string name;
  groups::Visibility visibility = groups::Visibility::members;
  bool archived = false;
  /// The group's ground rules, shown before a person's first post.
  groups::TwoVersions ground_rules;
  /// The viewer's role in the group (nullopt: not in it).
  std::optional<GroupRole> role;
  /// The viewer has said they will keep the ground rules (or there are none).
  bool agreed_rules = false;
};

/// A post (number 1 opens its topic), as the page shows it.
struct Post {
  long long id = 0;
  long long topic_id = 0;
  long long number = 0;
  /// nullopt once its author's account was erased ("former member").
  std::optional<long long> author_id;
  std::string author_name;
  std::string body;
  long long created_at = 0;
  std::optional<long long> edited_at;
  std::optional<long long> deleted_at;
  std::optional<long long> hidden_at;
  std::string hidden_reason;
  /// How many people added each reaction (kAllReactions order), and whether the viewer did.
  std::array<long long, 3> reactions{};
  std::array<bool, 3> mine{};
  bool gone() const { return deleted_at.has_value(); }
  bool hidden() const { return hidden_at.has_value(); }
};

/// A topic's one picture, recording or video (an upload with purpose kTopicFilePurposeCode, owned by its author).
struct Attachment {
  long long upload_id = 0;
  /// Its address is /files/{public_id}.
  std::string public_id;
  std::string mime;
  media::Kind kind = media::Kind::image;
  /// A picture's alternative text, written by the topic's author ('' for a recording or video).
  std::string alt;
};

/// What uploads calls a topic's attachment (who may fetch it: register_topic_file_access).
inline constexpr std::string_view kTopicFilePurposeCode = "discussion_topic";

/// A topic with the viewer's marks.
struct Topic {
  long long id = 0;
  long long org_id = 0;
  long long group_id = 0;
  std::string title;
  std::optional<long long> author_id;
  std::string author_name;
  std::string easy_read;
  long long post_count = 0;
  long long last_post_at = 0;
  long long raised_count = 0;
  long long created_at = 0;
  /// The viewer follows it / asked for it to be raised at the next meeting.
  bool following = false;
  bool raised = false;
  /// The highest post number the viewer has seen (0: never opened it).
  long long seen_number = 0;
  std::optional<Attachment> attachment;
};

/// A topic in its group's list.
struct TopicListed {
  long long id = 0;
  std::string title;
  std::string author_name;
  long long post_count = 0;
  long long last_post_at = 0;
  long long raised_count = 0;
  long long seen_number = 0;
  bool following = false;
  /// Posts written since the viewer last looked (all of them when they never opened it).
  long long unread() const { return post_count > seen_number ? post_count - seen_number : 0; }
};

/// Which topics a group's list shows.
enum class Filter { all, following, raised };
std::string_view filter_code(Filter f);
std::optional<Filter> parse_filter(std::string_view code);

/// One page of a group's topics, most recently active first, read by keyset (last_post_at, id).
struct TopicPage {
  GroupFacts group;
  std::vector<TopicListed> topics;
  /// The key of the next (older) page, when there is one: "last_post_at.id".
  std::optional<std::string> older;
  /// Reports waiting for the people who run the group (0 for everyone else).
  long long open_reports = 0;
};

/// A topic with one page of its posts, read by keyset on the post number.
struct TopicView {
  GroupFacts group;
  Topic topic;
  /// The opening post (always), then the page's replies.
  Post opening;
  std::vector<Post> replies;
  /// The number the page starts after (0: the first page) and whether there are later replies.
  long long after = 0;
  bool more = false;
  /// What other modules did with the topic (on its first page, oldest first): an agenda item, a meeting's decision.
  std::vector<module::FollowUp> follow_ups;
};

/// An earlier version of a post.
struct Version {
  std::string title;
  std::string body;
  std::string author_name;
  long long replaced_at = 0;
  /// What happened to the topic's attachment when this version was replaced: "added", "replaced", "described" (the
  /// picture's alternative text changed), "removed", or "" (nothing).
  std::string attachment_change;
};

/// A report waiting for the people who run the group.
struct Report {
  long long id = 0;
  long long post_id = 0;
  long long topic_id = 0;
  long long number = 0;
  std::string topic_title;
  std::string reporter_name;
  std::string reason;
  std::string post_author;
  std::string post_excerpt;
  bool post_hidden = false;
  long long created_at = 0;
};

/// "@Priya Shah" style mentions: the names of group members the text mentions (each once, in the order found), from
/// the list of members' names. Longer names win over shorter ones that start the same ("@Sian Evans" over "@Sian").
std::vector<std::string> mentioned(std::string_view text, const std::vector<std::string>& member_names);

}  // namespace roundtable::discussions
