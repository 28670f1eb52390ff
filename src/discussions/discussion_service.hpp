/// The discussions module's use cases: read a group's topics and a topic a page at a time, start a topic, reply,
/// change and delete your own posts (earlier versions kept), react, follow, ask for a topic to be raised at the next
/// meeting, report a post, hide and show posts, deal with reports, and write an easy-read summary. Each change is one
/// database visit in one transaction that asks the policy again with what it finds there (a group archived, a post
/// hidden or a person taken out of the group a moment ago wins), keeps the search index in step, and queues the email
/// that tells followers and @mentioned members.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/search.hpp"
#include "discussions/discussion.hpp"
#include "discussions/discussion_policy.hpp"
#include "discussions/discussion_store.hpp"
#include "live/publisher.hpp"
#include "mail/reply_address.hpp"
#include "module/module.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::organisations {
class OrganisationService;
}

namespace roundtable::discussions {

using boost::asio::awaitable;

/// What uploads calls a topic's attachment.
inline const uploads::Purpose kTopicFilePurpose{std::string(kTopicFilePurposeCode)};

/// What a topic's attachment may be: a picture (10 MB), an audio recording (25 MB) or a video (50 MB), checked by
/// their content and cleaned of their metadata by uploads::prepare_file, as About Me's and a group's are.
uploads::Allowed topic_file_allowed();

/// What a new topic or reply needs.
struct NewPost {
  std::string title;
  std::string body;
  /// The person said they will keep the group's ground rules (needed before their first post when there are some).
  bool agree_rules = false;
  std::string create_key;
  /// A new topic's attachment (checked and cleaned), with a picture's alternative text.
  std::optional<uploads::Prepared> file;
  std::string alt;
};

/// What changing an opening post does to its topic's attachment.
struct AttachmentChange {
  /// A new file (checked and cleaned), replacing any there was.
  std::optional<uploads::Prepared> file;
  /// Take the one there is away (ignored when a new file is given).
  bool remove = false;
  /// The picture's alternative text (the new file's, or the kept one's; nullopt: as it was).
  std::optional<std::string> alt;
};

/// Where a new topic or reply went.
struct Posted {
  long long topic_id = 0;
  /// The post's number in its topic (0: nothing was written: not allowed, or the ground rules not agreed).
  long long number = 0;
};

class DiscussionService {
 public:
  /// search: where topics and replies are indexed (nullptr: not indexed). organisations: where links in email point
  /// and who wakes the mail worker (nullptr in some tests: no email). reply: how each email's Reply-To is signed, so
  /// people can answer by email (ADR 0025; not enabled: no Reply-To).
  DiscussionService(db::Database& db, db::SearchIndex* search, const core::Clock& clock,
                    const organisations::OrganisationService* organisations = nullptr, mail::ReplyAddresses reply = {},
                    uploads::UploadService* uploads = nullptr)
      : db_(db),
        search_(search),
        clock_(clock),
        organisations_(organisations),
        reply_(std::move(reply)),
        uploads_(uploads) {}

  awaitable<std::optional<GroupFacts>> group(long long org_id, long long group_id, long long viewer);
  /// One page of the group's topics (the group's facts even when the viewer may not see them: the pages ask the
  /// policy), with the reports waiting when the viewer runs the group.
  awaitable<std::optional<TopicPage>> topics(long long org_id, long long group_id, long long viewer, Filter filter,
                                             std::optional<store::TopicKey> before);
  /// The topic with its opening post and the replies numbered after `after`. Records how far the viewer has read
  /// when they may see it and the page shows something new to them.
  awaitable<std::optional<TopicView>> topic(long long org_id, long long topic_id, long long viewer, long long after);
  awaitable<std::optional<store::PostInTopic>> post(long long org_id, long long topic_id, long long number,
                                                    long long viewer);
  awaitable<std::vector<Version>> history(long long post_id);
  awaitable<std::vector<Report>> reports(long long group_id);

  /// The new topic (the same create key twice makes one). {0, 0} when the person may not start one there.
  awaitable<Posted> start_topic(long long org_id, long long group_id, long long author, NewPost post);
  awaitable<Posted> reply(long long org_id, long long topic_id, long long author, NewPost post);
  /// Changes the person's own post (title and attachment: only for an opening post; a replaced or removed file is
  /// deleted); false when not allowed any more.
  awaitable<bool> edit(long long org_id, long long topic_id, long long number, long long actor, std::string title,
                       std::string body, AttachmentChange attachment = {});
  /// Deletes the person's own post (an opening post's attachment with it).
  awaitable<bool> remove(long long org_id, long long topic_id, long long number, long long actor);
  awaitable<bool> hide(long long org_id, long long topic_id, long long number, long long actor, std::string reason);
  awaitable<bool> unhide(long long org_id, long long topic_id, long long number, long long actor);
  /// False when not allowed, or reported by this person already.
  awaitable<bool> report(long long org_id, long long topic_id, long long number, long long actor, std::string reason);
  awaitable<bool> dismiss_report(long long org_id, long long group_id, long long report_id, long long actor);
  awaitable<bool> react(long long org_id, long long topic_id, long long number, long long actor, Reaction r, bool on);
  awaitable<bool> follow(long long org_id, long long topic_id, long long actor, bool on);
  awaitable<bool> raise(long long org_id, long long topic_id, long long actor, bool on);
  awaitable<bool> set_easy_read(long long org_id, long long topic_id, long long actor, std::string text);

  /// Where changes to a topic are told as they commit, on channel "topic:<id>" (nullptr: nowhere): "post" with the
  /// number of a new reply, "changed" when a post was edited, deleted, hidden or shown, "reactions" when its
  /// reactions changed.
  void set_live(live::Publisher* live) { live_ = live; }
  /// Where a topic's page learns what other modules did with it (set once, before serving).
  void set_follow_ups(std::vector<module::FollowUpReader> sources) { follow_ups_ = std::move(sources); }

  /// Where topics' attachments are kept; nullptr when the service has none (then none can be given).
  uploads::UploadService* uploads() const { return uploads_; }

  /// For demo data and tests, on the calling thread: a topic or reply written at `at`, without email.
  Posted post_now(long long org_id, long long group_id, long long topic_id, long long author, const NewPost& post,
                  long long at);

 private:
  std::string base_url() const;
  void tell(long long topic_id, const char* event, long long number) const;

  db::Database& db_;
  db::SearchIndex* search_;
  const core::Clock& clock_;
  const organisations::OrganisationService* organisations_;
  mail::ReplyAddresses reply_;
  uploads::UploadService* uploads_;
  live::Publisher* live_ = nullptr;
  std::vector<module::FollowUpReader> follow_ups_;
};

/// Who may fetch a topic's attachment, for uploads (/files/...): its author (the uploads rule), and whoever may see
/// the topic (see_discussion, as members of its organisation) while its opening post is neither hidden nor deleted.
void register_topic_file_access(uploads::UploadService& uploads);

/// The address of a group's discussion, a topic, and a post in it (on the page of replies that holds it).
std::string discussion_url(std::string_view org_slug, long long group_id);
std::string topic_url(std::string_view org_slug, long long topic_id);
std::string post_url(std::string_view org_slug, long long topic_id, long long number);

}  // namespace roundtable::discussions
