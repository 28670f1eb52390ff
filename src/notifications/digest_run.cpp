#include "notifications/digest_run.hpp"

#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include "db/query.hpp"
#include "db/transaction.hpp"
#include "mail/outbox_store.hpp"
#include "notifications/notification_store.hpp"
#include "notifications/notify.hpp"

namespace roundtable::notifications {

namespace {

struct Taken {
  long long id = 0, org_id = 0, user_id = 0, group_id = 0;
  std::string title, url;
};

struct Person {
  std::string email, name;
  core::Lang lang = core::Lang::en;
};

struct Org {
  std::string name, slug;
};

/// The group's name when the person is still in it and has not chosen never for it since the notice was kept.
std::optional<std::string> still_wanted(soci::session& s, long long user_id, long long group_id) {
  std::optional<std::string> out;
  db::query(s,
            "SELECT g.name, c.choice FROM group_members gm JOIN org_groups g ON g.id = gm.group_id LEFT JOIN "
            "notification_choices c ON c.user_id = gm.user_id AND c.group_id = gm.group_id WHERE gm.group_id = $1 "
            "AND gm.user_id = $2",
            {group_id, user_id}, [&](const db::Row& r) {
              if (r.null(1) || r.text(1) != choice_code(Choice::none)) out = r.string(0);
            });
  return out;
}

}  // namespace

DigestRun run_digest(soci::session& s, DigestKind kind, long long now, const std::string& base_url,
                     long long queue_at) {
  DigestRun run;
  run.due_at = latest_due(kind, now);
  const std::string code(digest_code(kind));
  db::WriteTransaction tx(s);
  db::query(s,
            "INSERT INTO due_runs (job, due_at, ran_at) VALUES ($1, $2, $3) ON CONFLICT (job, due_at) DO NOTHING "
            "RETURNING job",
            {"digest_" + code, run.due_at, now}, [&](const db::Row&) { run.claimed = true; });
  if (!run.claimed) return run;  // rolls back nothing: the insert did nothing
  // Taking the notices and clearing their mark is one statement, so a notice kept while this runs is either in this
  // digest or waits for the next one, never marked without being sent. "digest <> ''" says what the partial index
  // notices_waiting covers: SQLite cannot see that a parameter is not empty, and without it read every notice.
  std::vector<Taken> taken;
  db::query(s,
            "UPDATE notices SET digest = '' WHERE digest = $1 AND digest <> '' RETURNING id, org_id, user_id, "
            "group_id, title, url",
            {code}, [&](const db::Row& r) {
              taken.push_back({r.integer(0), r.integer(1), r.integer(2), r.integer(3), r.string(4), r.string(5)});
            });
  // One digest per person and organisation.
  std::map<std::pair<long long, long long>, std::vector<DigestItem>> by_person;
  std::map<std::pair<long long, long long>, std::optional<std::string>> wanted;
  for (auto& n : taken) {
    auto key = std::make_pair(n.user_id, n.group_id);
    auto it = wanted.find(key);
    if (it == wanted.end()) it = wanted.emplace(key, still_wanted(s, n.user_id, n.group_id)).first;
    if (!it->second) continue;
    by_person[{n.org_id, n.user_id}].push_back({n.id, n.group_id, *it->second, std::move(n.title), std::move(n.url)});
  }
  if (by_person.empty()) {
    tx.commit();
    return run;
  }
  const std::string secret = store::ensure_stop_secret(s);
  std::map<long long, Org> orgs;
  for (auto& [key, items] : by_person) {
    const long long org_id = key.first, user_id = key.second;
    if (!orgs.contains(org_id)) {
      db::query(s, "SELECT name, slug FROM organisations WHERE id = $1", {org_id}, [&](const db::Row& r) {
        orgs[org_id] = {r.string(0), r.string(1)};
      });
    }
    std::optional<Person> person;
    db::query(s, "SELECT email, name, lang FROM users WHERE id = $1", {user_id}, [&](const db::Row& r) {
      person = Person{r.string(0), r.string(1), core::parse_lang(r.text(2)).value_or(core::Lang::en)};
    });
    if (!person) continue;
    DigestEmail d;
    d.kind = kind;
    d.to_address = person->email;
    d.to_name = person->name;
    d.lang = person->lang;
    d.org_name = orgs[org_id].name;
    d.base_url = base_url;
    d.settings_url = base_url + "/o/" + orgs[org_id].slug + "/notifications/settings";
    d.groups = group_digest(std::move(items));
    for (const auto& g : d.groups) d.stop_urls.push_back(stop_url(base_url, secret, {user_id, org_id, g.group_id}));
    mail::store::enqueue(s, digest_message(d), queue_at > 0 ? queue_at : now);
    ++run.emails;
  }
  tx.commit();
  return run;
}

}  // namespace roundtable::notifications
