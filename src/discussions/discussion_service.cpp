#include "discussions/discussion_service.hpp"

#include "db/query.hpp"
#include "db/transaction.hpp"
#include "mail/compose.hpp"
#include "markdown/markdown.hpp"
#include "notifications/notify.hpp"
#include "organisations/organisation_service.hpp"
#include "organisations/organisation_store.hpp"

namespace roundtable::discussions {

namespace {

using policy::Action;

policy::Facts facts_of(const GroupFacts& g, const Post& p, long long viewer) {
  return {g.archived, p.author_id == viewer, p.gone(), p.hidden()};
}

bool allowed(const GroupFacts& g, const Post& p, long long viewer, Action action) {
  return policy::allows({g.role}, action, facts_of(g, p, viewer)) == policy::Verdict::allow;
}

/// The post as the policy must see it at the moment of the change, or nullopt when the action is not allowed.
std::optional<store::PostInTopic> checked(soci::session& s, long long org_id, long long topic_id, long long number,
                                          long long actor, Action action) {
  auto found = store::find_post(s, org_id, topic_id, number, actor);
  if (!found || !allowed(found->group, found->post, actor, action)) return std::nullopt;
  return found;
}

std::string excerpt(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

/// Keeps the search index in step with a post: findable while it stands, gone once hidden or deleted.
void index_post(db::SearchIndex* search, soci::session& s, const GroupFacts& g, const std::string& slug,
                const std::string& title, const Post& p) {
  if (!search) return;
  const bool opening = p.number == 1;
  const std::string kind = opening ? "topic" : "reply";
  const std::string ref = std::to_string(opening ? p.topic_id : p.id);
  if (p.gone() || p.hidden()) {
    search->remove(s, kind, ref);
    return;
  }
  db::SearchDocument doc;
  doc.org_id = g.org_id;
  doc.group_id = g.id;
  doc.kind = kind;
  doc.ref = ref;
  doc.title = title;
  doc.body = markdown::to_plain_text(p.body);
  doc.url = opening ? topic_url(slug, p.topic_id) : post_url(slug, p.topic_id, p.number);
  search->upsert(s, doc);
}

/// The email telling followers and mentioned members about a new post, in each one's language (saying when a new
/// topic has a picture, recording or video: attached).
mail::Message news_message(const store::Recipient& to, bool mentioned, const std::string& author,
                           const std::string& group, const std::string& title, const std::string& body,
                           const std::string& url, const std::string& reply_to,
                           std::optional<media::Kind> attached = std::nullopt) {
  core::Translator t(core::Messages::embedded(), to.lang);
  const std::vector<std::pair<std::string, std::string>> args{
      {"name", author.empty() ? std::string(t("discussions.former_member")) : author},
      {"group", group},
      {"title", title}};
  std::vector<std::string> paragraphs{
      core::format(t(mentioned ? "discussions.mail.mentioned.p1" : "discussions.mail.reply.p1"), args),
      excerpt(markdown::to_plain_text(body), 1500)};
  if (attached) {
    paragraphs.emplace_back(t(*attached == media::Kind::image   ? "discussions.mail.has_picture"
                              : *attached == media::Kind::audio ? "discussions.mail.has_recording"
                                                                : "discussions.mail.has_video"));
  }
  // Only when answers by email are taken in (a reply domain is configured) does the email say so.
  if (!reply_to.empty()) paragraphs.emplace_back(t("discussions.mail.reply_by_email"));
  paragraphs.emplace_back(t("discussions.mail.stop"));
  auto message = mail::compose(
      to.email, to.name, to.lang,
      core::format(t(mentioned ? "discussions.mail.mentioned.subject" : "discussions.mail.reply.subject"), args),
      paragraphs, mail::Action{std::string(t("discussions.mail.button")), url});
  message.reply_to = reply_to;
  return message;
}

}  // namespace

std::string discussion_url(std::string_view org_slug, long long group_id) {
  return "/o/" + std::string(org_slug) + "/groups/" + std::to_string(group_id) + "/discussion";
}

std::string topic_url(std::string_view org_slug, long long topic_id) {
  return "/o/" + std::string(org_slug) + "/topics/" + std::to_string(topic_id);
}

std::string post_url(std::string_view org_slug, long long topic_id, long long number) {
  std::string url = topic_url(org_slug, topic_id);
  if (number > 1 + kPostsPerPage) url += "?after=" + std::to_string(1 + ((number - 2) / kPostsPerPage) * kPostsPerPage);
  return url + "#post-" + std::to_string(number);
}

std::string DiscussionService::base_url() const {
  return organisations_ ? organisations_->base_url() : std::string("http://127.0.0.1:8080");
}

awaitable<std::optional<GroupFacts>> DiscussionService::group(long long org_id, long long group_id, long long viewer) {
  auto op = db_.read([=](soci::session& s) { return store::group_facts(s, org_id, group_id, viewer); });
  co_return co_await std::move(op);
}

awaitable<std::optional<TopicPage>> DiscussionService::topics(long long org_id, long long group_id, long long viewer,
                                                              Filter filter, std::optional<store::TopicKey> before) {
  auto op = db_.read([=](soci::session& s) -> std::optional<TopicPage> {
    // The group, its page of topics and its open reports together (one round trip on PostgreSQL): the topics and the
    // count are read before the viewer's right to see them is known, and dropped below unless they may.
    std::optional<GroupFacts> g;
    std::vector<std::pair<TopicListed, store::TopicKey>> rows;
    long long open_reports = 0;
    db::Batch b(s);
    store::group_facts(b, org_id, group_id, viewer, g);
    store::list_topics(b, group_id, viewer, filter, before, kTopicsPerPage, rows);
    store::open_report_count(b, group_id, open_reports);
    b.run();
    if (!g) return std::nullopt;
    TopicPage page;
    page.group = std::move(*g);
    if (policy::allows({page.group.role}, Action::see_discussion, {}) != policy::Verdict::allow) return page;
    if (rows.size() > static_cast<std::size_t>(kTopicsPerPage)) {
      rows.pop_back();
      page.older = store::topic_key_code(rows.back().second);
    }
    for (auto& r : rows) page.topics.push_back(std::move(r.first));
    if (policy::allows({page.group.role}, Action::see_reports, {}) == policy::Verdict::allow) {
      page.open_reports = open_reports;
    }
    return page;
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<TopicView>> DiscussionService::topic(long long org_id, long long topic_id, long long viewer,
                                                             long long after) {
  auto op = db_.read([=, this](soci::session& s) -> std::optional<TopicView> {
    auto found = store::find_topic(s, org_id, topic_id, viewer);
    if (!found) return std::nullopt;
    TopicView v;
    v.group = std::move(found->first);
    v.topic = std::move(found->second);
    v.after = std::max(after, 0LL);
    if (policy::allows({v.group.role}, Action::see_discussion, {}) != policy::Verdict::allow) return v;
    // The posts and what the modules did with the topic: one round trip on PostgreSQL.
    db::Batch b(s);
    std::vector<Post> posts;
    store::posts_page(b, topic_id, v.after, kPostsPerPage, viewer, posts);
    if (v.after <= 1) {
      // The sources are told the group and the viewer's role read above: none looks the topic up again.
      const module::FollowUpAsk ask{
          "topic", org_id, topic_id, viewer, v.group.id, v.group.archived, groups::group_role_code(v.group.role)};
      module::read_follow_ups(b, follow_ups_, ask, v.follow_ups);
    }
    b.run();
    if (posts.empty() || posts.front().number != 1) return std::nullopt;
    v.opening = std::move(posts.front());
    for (std::size_t i = 1; i < posts.size(); ++i) v.replies.push_back(std::move(posts[i]));
    if (v.replies.size() > static_cast<std::size_t>(kPostsPerPage)) {
      v.replies.pop_back();
      v.more = true;
    }
    return v;
  });
  auto view = co_await std::move(op);
  if (!view || !view->group.role) co_return view;
  // How far the viewer has now read: a seen_* mark, written only when the page shows them something new.
  const long long shown = view->replies.empty() ? 1 : view->replies.back().number;
  if (shown > view->topic.seen_number) {
    auto mark = db_.run([=, this](soci::session& s) {
      db::WriteTransaction tx(s);
      store::mark_seen(s, viewer, topic_id, shown, clock_.now_seconds());
      tx.commit();
    });
    co_await std::move(mark);
  }
  co_return view;
}

awaitable<std::optional<store::PostInTopic>> DiscussionService::post(long long org_id, long long topic_id,
                                                                     long long number, long long viewer) {
  auto op = db_.read([=](soci::session& s) { return store::find_post(s, org_id, topic_id, number, viewer); });
  co_return co_await std::move(op);
}

awaitable<std::vector<Version>> DiscussionService::history(long long post_id) {
  auto op = db_.read([=](soci::session& s) { return store::versions(s, post_id); });
  co_return co_await std::move(op);
}

awaitable<std::vector<Report>> DiscussionService::reports(long long group_id) {
  auto op = db_.read([=](soci::session& s) { return store::open_reports(s, group_id); });
  co_return co_await std::move(op);
}

namespace {

/// Writes a topic (topic_id 0) or a reply, in the caller's transaction. {0, 0}: not allowed, or the ground rules not
/// agreed. The same create key twice gives the first post's place.
Posted write_post(soci::session& s, db::SearchIndex* search, long long org_id, long long group_id, long long topic_id,
                  long long author, const NewPost& p, long long now, const std::string& base, bool send, bool& queued,
                  const mail::ReplyAddresses& reply, uploads::UploadService* uploads) {
  std::optional<GroupFacts> g;
  std::string title = p.title;
  if (topic_id == 0) {
    if (auto existing = store::find_topic_by_key(s, group_id, p.create_key)) return {*existing, 1};
    g = store::group_facts(s, org_id, group_id, author);
    if (!g || policy::allows({g->role}, Action::start_topic, {g->archived}) != policy::Verdict::allow) return {};
  } else {
    auto opening = store::find_post(s, org_id, topic_id, 1, author);
    if (!opening || !allowed(opening->group, opening->post, author, Action::reply)) return {};
    if (auto existing = store::find_post_by_key(s, topic_id, p.create_key)) return {topic_id, *existing};
    g = std::move(opening->group);
    group_id = g->id;
    title = opening->topic.title;
  }
  if (!g->agreed_rules) {
    if (!p.agree_rules) return {};
    store::agree_rules(s, group_id, author, now);
  }
  if (topic_id == 0) {
    topic_id = store::insert_topic(s, org_id, group_id, title, author, p.create_key, now);
    if (topic_id == 0) return {};
    if (p.file && uploads) {
      const auto saved = uploads::store::save(s, uploads->storage(), *p.file, kTopicFilePurpose, author, org_id, now);
      store::set_attachment(s, topic_id, saved.id, p.file->kind == media::Kind::image ? p.alt : "");
    }
  }
  const auto [post_id, number] = store::insert_post(s, topic_id, group_id, author, p.body, p.create_key, now);
  if (post_id == 0) return {};
  store::follow_unless_stopped(s, topic_id, author, now);
  const std::string slug = organisations::store::org_slug(s, org_id);
  Post written;
  written.id = post_id;
  written.topic_id = topic_id;
  written.number = number;
  written.author_id = author;
  written.body = p.body;
  index_post(search, s, *g, slug, title, written);
  // Members named with @ follow it from now on, and hear about it with everyone following it.
  const auto members = store::member_names(s, group_id);
  std::vector<std::string> names;
  std::string author_name;
  for (const auto& [id, name] : members) {
    names.push_back(name);
    if (id == author) author_name = name;
  }
  std::vector<long long> mentioned_ids;
  for (const auto& name : mentioned(p.body, names)) {
    for (const auto& [id, n] : members) {
      if (n == name && id != author) mentioned_ids.push_back(id);
    }
  }
  for (long long id : mentioned_ids) store::follow_unless_stopped(s, topic_id, id, now);
  // Followers and the people named hear about it through notifications (by email, by their choice); the demo's posts
  // (send false) leave only the notices.
  const std::string path = post_url(slug, topic_id, number);
  for (const auto& [to, was_mentioned] : store::to_tell(s, topic_id, group_id, mentioned_ids, author)) {
    const notifications::Notice notice{
        org_id, group_id, to.user_id, was_mentioned ? "discussion_mention" : "discussion_post",
        title,  path,     g->name,    base};
    if (!send) {
      notifications::record(s, notice, now);
      continue;
    }
    const auto reply_to = mail::reply_address(reply, {org_id, topic_id, to.user_id});
    const auto routed = notifications::notify(
        s, notice,
        news_message(to, was_mentioned, author_name, g->name, title, p.body, base + path, reply_to,
                     number == 1 && p.file && uploads ? std::optional(p.file->kind) : std::nullopt),
        now);
    if (routed == notifications::Routed::emailed) queued = true;
  }
  return {topic_id, number};
}

}  // namespace

awaitable<Posted> DiscussionService::start_topic(long long org_id, long long group_id, long long author, NewPost post) {
  auto op = db_.run([=, this, p = std::move(post), base = base_url()](soci::session& s) {
    db::WriteTransaction tx(s);
    bool queued = false;
    const auto out = write_post(s, search_, org_id, group_id, 0, author, p, clock_.now_seconds(), base,
                                organisations_ != nullptr, queued, reply_, uploads_);
    if (out.number == 0) return std::make_pair(out, false);
    tx.commit();
    return std::make_pair(out, queued);
  });
  const auto [posted, queued] = co_await std::move(op);
  if (queued && organisations_) organisations_->mail_queued();
  co_return posted;
}

awaitable<Posted> DiscussionService::reply(long long org_id, long long topic_id, long long author, NewPost post) {
  auto op = db_.run([=, this, p = std::move(post), base = base_url()](soci::session& s) {
    db::WriteTransaction tx(s);
    bool queued = false;
    const auto out = write_post(s, search_, org_id, 0, topic_id, author, p, clock_.now_seconds(), base,
                                organisations_ != nullptr, queued, reply_, uploads_);
    if (out.number == 0) return std::make_pair(out, false);
    tx.commit();
    return std::make_pair(out, queued);
  });
  const auto [posted, queued] = co_await std::move(op);
  if (queued && organisations_) organisations_->mail_queued();
  if (posted.number != 0) tell(topic_id, "post", posted.number);
  co_return posted;
}

void DiscussionService::tell(long long topic_id, const char* event, long long number) const {
  if (live_) live_->publish("topic:" + std::to_string(topic_id), event, "{\"number\":" + std::to_string(number) + "}");
}

Posted DiscussionService::post_now(long long org_id, long long group_id, long long topic_id, long long author,
                                   const NewPost& post, long long at) {
  return db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    bool queued = false;
    const auto out =
        write_post(s, search_, org_id, group_id, topic_id, author, post, at, "", false, queued, reply_, uploads_);
    if (out.number != 0) tx.commit();
    return out;
  });
}

namespace {

/// One change to a post (number 1: its topic) in one transaction: the policy asked again with the post as it is now,
/// then `apply` (false: nothing was done, roll back). False when the person may not do it any more.
template <class Apply>
auto change_post(db::Database& db, long long org_id, long long topic_id, long long number, long long actor,
                 Action action, Apply apply) {
  return db.run([=, apply = std::move(apply)](soci::session& s) {
    db::WriteTransaction tx(s);
    auto found = checked(s, org_id, topic_id, number, actor, action);
    if (!found || !apply(s, *found)) return false;
    tx.commit();
    return true;
  });
}

}  // namespace

awaitable<bool> DiscussionService::edit(long long org_id, long long topic_id, long long number, long long actor,
                                        std::string title, std::string body, AttachmentChange attachment) {
  // A file can only be kept where there is storage for it; only a topic (its opening post) has one.
  if (!uploads_ || number != 1) attachment = {};
  // The replaced or removed file's storage key, removed once the change has committed.
  auto old_key = std::make_shared<std::string>();
  auto op = change_post(
      db_, org_id, topic_id, number, actor, Action::edit_post,
      [=, this, title = std::move(title), body = std::move(body), attachment = std::move(attachment)](
          soci::session& s, store::PostInTopic& found) {
        const long long now = clock_.now_seconds();
        const bool opening = number == 1;
        const auto& had = found.topic.attachment;
        const bool has_picture = attachment.file ? attachment.file->kind == media::Kind::image
                                                 : had && had->kind == media::Kind::image && !attachment.remove;
        const std::string alt =
            has_picture ? attachment.alt.value_or(had && !attachment.file ? had->alt : std::string()) : "";
        const char* change = attachment.file                                ? (had ? "replaced" : "added")
                             : attachment.remove && had                     ? "removed"
                             : had && !attachment.remove && alt != had->alt ? "described"
                                                                            : "";
        if (found.post.body == body && (!opening || found.topic.title == title) && *change == '\0') return true;
        store::keep_version(s, found.post.id, now, change);
        store::set_body(s, found.post.id, body, now);
        if (opening) store::set_title(s, topic_id, title);
        if (attachment.file) {
          const auto saved =
              uploads::store::save(s, uploads_->storage(), *attachment.file, kTopicFilePurpose, actor, org_id, now);
          store::set_attachment(s, topic_id, saved.id, alt);
        } else if (std::string_view(change) == "removed") {
          store::set_attachment(s, topic_id, std::nullopt, "");
        } else if (std::string_view(change) == "described") {
          store::set_attachment(s, topic_id, had->upload_id, alt);
        }
        if (had && (attachment.file || attachment.remove)) {
          *old_key = uploads::store::remove(s, had->upload_id).value_or("");
        }
        found.post.body = body;
        index_post(search_, s, found.group, organisations::store::org_slug(s, org_id),
                   opening ? title : found.topic.title, found.post);
        return true;
      });
  const bool done = co_await std::move(op);
  if (!old_key->empty()) uploads_->storage().remove(*old_key);
  if (done) tell(topic_id, "changed", number);
  co_return done;
}

awaitable<bool> DiscussionService::remove(long long org_id, long long topic_id, long long number, long long actor) {
  auto old_key = std::make_shared<std::string>();
  auto op = change_post(db_, org_id, topic_id, number, actor, Action::delete_post,
                        [=, this](soci::session& s, store::PostInTopic& found) {
                          const long long now = clock_.now_seconds();
                          // The attachment goes with the words (the earlier version says it was removed).
                          const auto& had = found.topic.attachment;
                          const bool takes_file = number == 1 && had && uploads_;
                          store::keep_version(s, found.post.id, now, takes_file ? "removed" : "");
                          if (takes_file) {
                            store::set_attachment(s, topic_id, std::nullopt, "");
                            *old_key = uploads::store::remove(s, had->upload_id).value_or("");
                          }
                          store::delete_post(s, found.post.id, topic_id, number == 1, now);
                          found.post.deleted_at = now;
                          index_post(search_, s, found.group, "", "", found.post);
                          // The replies' search documents carry the topic's title: a deleted topic's title must not
                          // be found through them.
                          if (number == 1 && search_) {
                            for (long long id : store::reply_ids(s, topic_id)) {
                              search_->remove(s, "reply", std::to_string(id));
                            }
                          }
                          return true;
                        });
  const bool done = co_await std::move(op);
  if (!old_key->empty()) uploads_->storage().remove(*old_key);
  if (done) tell(topic_id, "changed", number);
  co_return done;
}

awaitable<bool> DiscussionService::hide(long long org_id, long long topic_id, long long number, long long actor,
                                        std::string reason) {
  auto op = change_post(db_, org_id, topic_id, number, actor, Action::hide_post,
                        [=, this, reason = std::move(reason)](soci::session& s, store::PostInTopic& found) {
                          const long long now = clock_.now_seconds();
                          store::set_hidden(s, found.post.id, actor, reason, now);
                          store::deal_with_reports(s, found.post.id, actor, now);
                          found.post.hidden_at = now;
                          index_post(search_, s, found.group, "", "", found.post);
                          return true;
                        });
  const bool done = co_await std::move(op);
  if (done) tell(topic_id, "changed", number);
  co_return done;
}

awaitable<bool> DiscussionService::unhide(long long org_id, long long topic_id, long long number, long long actor) {
  auto op = change_post(db_, org_id, topic_id, number, actor, Action::unhide_post,
                        [=, this](soci::session& s, store::PostInTopic& found) {
                          store::set_hidden(s, found.post.id, std::nullopt, "", clock_.now_seconds());
                          found.post.hidden_at.reset();
                          index_post(search_, s, found.group, organisations::store::org_slug(s, org_id),
                                     found.topic.title, found.post);
                          return true;
                        });
  const bool done = co_await std::move(op);
  if (done) tell(topic_id, "changed", number);
  co_return done;
}

awaitable<bool> DiscussionService::report(long long org_id, long long topic_id, long long number, long long actor,
                                          std::string reason) {
  auto op =
      change_post(db_, org_id, topic_id, number, actor, Action::report_post,
                  [=, this, reason = std::move(reason)](soci::session& s, store::PostInTopic& found) {
                    return store::insert_report(s, found.post.id, found.group.id, actor, reason, clock_.now_seconds());
                  });
  co_return co_await std::move(op);
}

awaitable<bool> DiscussionService::dismiss_report(long long org_id, long long group_id, long long report_id,
                                                  long long actor) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto g = store::group_facts(s, org_id, group_id, actor);
    if (!g || policy::allows({g->role}, Action::dismiss_report, {g->archived}) != policy::Verdict::allow) {
      return false;
    }
    if (!store::dismiss_report(s, report_id, group_id, actor, clock_.now_seconds())) return false;
    tx.commit();
    return true;
  });
  co_return co_await std::move(op);
}

awaitable<bool> DiscussionService::react(long long org_id, long long topic_id, long long number, long long actor,
                                         Reaction r, bool on) {
  auto op = change_post(db_, org_id, topic_id, number, actor, Action::react,
                        [=, this](soci::session& s, store::PostInTopic& found) {
                          store::set_reaction(s, found.post.id, actor, r, on, clock_.now_seconds());
                          return true;
                        });
  const bool done = co_await std::move(op);
  if (done) tell(topic_id, "reactions", number);
  co_return done;
}

awaitable<bool> DiscussionService::follow(long long org_id, long long topic_id, long long actor, bool on) {
  auto op =
      change_post(db_, org_id, topic_id, 1, actor, Action::follow, [=, this](soci::session& s, store::PostInTopic&) {
        store::set_following(s, topic_id, actor, on, clock_.now_seconds());
        return true;
      });
  co_return co_await std::move(op);
}

awaitable<bool> DiscussionService::raise(long long org_id, long long topic_id, long long actor, bool on) {
  auto op = change_post(db_, org_id, topic_id, 1, actor, Action::raise_at_meeting,
                        [=, this](soci::session& s, store::PostInTopic&) {
                          store::set_raised(s, topic_id, actor, on, clock_.now_seconds());
                          return true;
                        });
  co_return co_await std::move(op);
}

awaitable<bool> DiscussionService::set_easy_read(long long org_id, long long topic_id, long long actor,
                                                 std::string text) {
  auto op = change_post(db_, org_id, topic_id, 1, actor, Action::write_easy_read,
                        [=, text = std::move(text)](soci::session& s, store::PostInTopic&) {
                          store::set_easy_read(s, topic_id, text, actor);
                          return true;
                        });
  co_return co_await std::move(op);
}

uploads::Allowed topic_file_allowed() {
  uploads::Allowed a;
  a.images = true;
  a.audio = true;
  a.video = true;
  return a;
}

void register_topic_file_access(uploads::UploadService& uploads) {
  uploads.set_access(kTopicFilePurpose, [](soci::session& s, const uploads::Upload& u, const http::Principal* viewer) {
    if (!viewer) return false;
    const auto a = store::file_access(s, u.id, viewer->user_id);
    if (!a || a->opening_deleted || a->opening_hidden) return false;
    // Only the people of the topic's own organisation, as they stand in its group.
    for (const auto& m : viewer->memberships) {
      if (m.org_id != a->org_id) continue;
      return policy::allows({a->group_role}, Action::see_discussion, {a->group_archived}) == policy::Verdict::allow;
    }
    return false;
  });
}

}  // namespace roundtable::discussions
