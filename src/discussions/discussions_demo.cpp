#include "discussions/discussions_demo.hpp"

#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "groups/group_store.hpp"

namespace roundtable::discussions {

namespace {

using core::kHour, core::kDay;

struct DemoPost {
  const char* email;
  const char* body;
  /// Hours before now.
  long long hours_ago;
  /// People (emails) who reacted, and how.
  std::vector<std::pair<const char*, Reaction>> reactions = {};
};

struct DemoTopic {
  const char* group;
  const char* title;
  std::vector<DemoPost> posts;
  /// Who asked for it to be raised at the next meeting.
  std::vector<const char*> raised_by = {};
  const char* easy_read = "";
  /// Someone reported reply number `reported` (0: none) with this reason.
  int reported = 0;
  const char* reporter = "";
  const char* report_reason = "";
  /// The opening post shows the group's own picture (drawn by the groups demo), described so ('': no picture).
  const char* picture_alt = "";
};

std::vector<DemoTopic> demo_topics() {
  std::vector<DemoTopic> out;
  out.push_back(
      {"Carers Co-production Board",
       "Can board meetings be in the evening?",
       {{"mair@demo.example",
         "Most of us care for someone during the day. A meeting at 2pm means finding someone to sit with Mam, and "
         "that is not always possible.\n\nCould we try meeting **in the evening**, or on a Saturday morning, "
         "every other time?",
         9 * 24,
         {{"gareth@demo.example", Reaction::me_too}, {"tom@demo.example", Reaction::thanks}}},
        {"gareth@demo.example",
         "Same for me. Evenings after 7pm work best, once Dad is settled. A Saturday morning would work too.",
         8 * 24 + 5,
         {{"mair@demo.example", Reaction::agree}}},
        {"tom@demo.example",
         "Thank you @Mair Hughes and @Gareth Jones. I will put this on the agenda for the next board meeting, and we "
         "can ask everyone which times suit them.",
         8 * 24,
         {{"mair@demo.example", Reaction::thanks}, {"gareth@demo.example", Reaction::thanks}}}},
       {"mair@demo.example", "gareth@demo.example"},
       "Mair asked if the board can meet in the evening or on a Saturday.\n\nMany carers cannot come in the "
       "day.\n\nTom will ask everyone at the next meeting.",
       0,
       "",
       "",
       "A round table seen from above, with eight chairs of different colours around it"});
  out.push_back(
      {"Carers Co-production Board",
       "Booking respite: what went wrong for you?",
       {{"gareth@demo.example",
         "The project group asked the board for stories about booking a short break. Mine: I spent two hours on the "
         "phone, was passed between three teams, and in the end the break was for the wrong week.",
         5 * 24},
        {"mair@demo.example",
         "The form asked for Mam's NHS number three times. I did not know where to find it the first time.",
         4 * 24 + 3,
         {{"gareth@demo.example", Reaction::me_too}}},
        {"tom@demo.example",
         "Thank you both. I will share these with the respite project so they can test the new booking with you.",
         4 * 24}},
       {},
       "",
       0});
  out.push_back(
      {"Carers Co-production Board",
       "Papers for the next board meeting",
       {{"tom@demo.example",
         "The papers for the next meeting will be here a week before. Each paper has an easy-read version. "
         "If you need large print or a paper copy by post, say so here or tell me.",
         2 * 24},
        {"ngozi@demo.example", "Could the easy-read versions come as a paper copy by post too?", 30},
        {"gareth@demo.example",
         "At the carers' group Mrs Patel told us about her son's court case. She could do with a paper copy "
         "too.",
         20}},
       {},
       "",
       2,
       "mair@demo.example",
       "This shares someone else's private story. Our ground rules say we keep what people share in the room."});
  out.push_back({"Carers Strategy Steering Group",
                 "What should the strategy say about young carers?",
                 {{"ngozi@demo.example",
                   "We hear from schools that young carers often miss lessons and nobody knows why. Should the "
                   "strategy have a section written with young carers themselves?",
                   3 * 24},
                  {"mair@demo.example",
                   "Yes. My niece cared for her dad from the age of twelve. Ask them directly.",
                   2 * 24 + 6,
                   {{"ngozi@demo.example", Reaction::agree}, {"tom@demo.example", Reaction::agree}}}},
                 {"ngozi@demo.example"}});
  return out;
}

/// The opening post with the group's picture, checked and cleaned by the topic's rules as an upload would be.
NewPost with_picture(DiscussionService& service, NewPost post, const DemoTopic& topic,
                     const std::map<std::string, std::string>& picture_keys) {
  const auto key = picture_keys.find(topic.group);
  if (!*topic.picture_alt || !service.uploads() || key == picture_keys.end()) return post;
  const auto bytes = service.uploads()->storage().get(key->second);
  if (!bytes) return post;
  auto prepared = uploads::prepare_file(*bytes, "picture.png", topic_file_allowed());
  if (auto* file = std::get_if<uploads::Prepared>(&prepared)) {
    post.file = std::move(*file);
    post.alt = topic.picture_alt;
  }
  return post;
}

}  // namespace

int load_demo(db::Database& db, DiscussionService& service, long long now) {
  struct Found {
    std::optional<long long> org;
    long long existing = 0;
    std::map<std::string, long long> groups;
    std::map<std::string, long long> people;
    /// Where each group's picture is kept, for the topics that show it.
    std::map<std::string, std::string> picture_keys;
  };
  const auto demo = demo_topics();
  auto found = db.run_sync([&](soci::session& s) {
    Found f;
    f.org = groups::store::find_org_id(s, "demo");
    if (!f.org) return f;
    f.existing = store::count_for_org(s, *f.org);
    for (const auto& topic : demo) {
      if (auto id = groups::store::find_group_id(s, *f.org, topic.group)) {
        f.groups[topic.group] = *id;
        if (*topic.picture_alt) {
          db::query(s,
                    "SELECT u.storage_key FROM org_groups g JOIN uploads u ON u.id = g.picture_upload_id WHERE g.id = "
                    "$1",
                    {*id}, [&](const db::Row& r) { f.picture_keys[topic.group] = r.string(0); });
        }
      }
      for (const auto& p : topic.posts) {
        if (auto id = groups::store::find_user_id(s, p.email)) f.people[p.email] = *id;
        for (const auto& [email, kind] : p.reactions) {
          if (auto id = groups::store::find_user_id(s, email)) f.people[email] = *id;
        }
      }
      for (const char* email : topic.raised_by) {
        if (auto id = groups::store::find_user_id(s, email)) f.people[email] = *id;
      }
      if (*topic.reporter) {
        if (auto id = groups::store::find_user_id(s, topic.reporter)) f.people[topic.reporter] = *id;
      }
    }
    return f;
  });
  if (!found.org || found.existing > 0) return 0;
  int written = 0;
  int key = 0;
  for (const auto& topic : demo) {
    const auto group = found.groups.find(topic.group);
    if (group == found.groups.end()) continue;
    long long topic_id = 0;
    std::vector<long long> post_ids;
    for (const auto& p : topic.posts) {
      const auto author = found.people.find(p.email);
      if (author == found.people.end()) continue;
      NewPost post{topic_id == 0 ? topic.title : "", p.body, true, "demo-" + std::to_string(++key)};
      if (topic_id == 0) post = with_picture(service, std::move(post), topic, found.picture_keys);
      const auto posted =
          service.post_now(*found.org, group->second, topic_id, author->second, post, now - p.hours_ago * kHour);
      if (posted.number == 0) break;
      topic_id = posted.topic_id;
      ++written;
      db.run_sync([&](soci::session& s) {
        db::WriteTransaction tx(s);
        const long long post_id = store::post_id(s, topic_id, posted.number);
        for (const auto& [email, kind] : p.reactions) {
          store::set_reaction(s, post_id, found.people[email], kind, true, now - p.hours_ago * kHour + kHour);
        }
        // Everyone who wrote has read as far as their own post.
        store::mark_seen(s, author->second, topic_id, posted.number, now - p.hours_ago * kHour);
        tx.commit();
        post_ids.push_back(post_id);
      });
    }
    if (topic_id == 0) continue;
    db.run_sync([&](soci::session& s) {
      db::WriteTransaction tx(s);
      for (const char* email : topic.raised_by) store::set_raised(s, topic_id, found.people[email], true, now - kDay);
      if (*topic.easy_read) store::set_easy_read(s, topic_id, topic.easy_read, found.people["tom@demo.example"]);
      if (topic.reported > 0 && static_cast<std::size_t>(topic.reported) < post_ids.size()) {
        store::insert_report(s, post_ids[topic.reported], group->second, found.people[topic.reporter],
                             topic.report_reason, now - 10 * kHour);
      }
      tx.commit();
    });
  }
  return written;
}

}  // namespace roundtable::discussions
