#include "loop/loop_service.hpp"

#include <algorithm>
#include <charconv>
#include <memory>
#include <optional>

#include "core/london_time.hpp"
#include "db/keyset.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "loop/loop_words.hpp"
#include "mail/compose.hpp"
#include "notifications/notify.hpp"
#include "organisations/organisation_store.hpp"

namespace roundtable::loop {

namespace {

std::optional<groups::GroupRole> role_of(std::string_view code) {
  if (code.empty()) return std::nullopt;
  return groups::parse_group_role(code);
}

policy::Facts facts_of(const module::Contribution& c) {
  return {groups::parse_visibility(c.group_visibility).value_or(groups::Visibility::members), c.group_archived, true};
}

/// The rows of a page of entries: SELECT ... columns then "WHERE <filter>", keyset on (changed_at, id), newest first.
/// As a row value: the OR form of it took 245 µs to find a page near the end of a group's 4,000 entries, this 13 µs.
std::string keyset(bool has_key, int first_param) {
  if (!has_key) return "";
  const std::string values = "$" + std::to_string(first_param) + ", $" + std::to_string(first_param + 1);
  return db::keyset_past({"i.changed_at", "i.id"}, true, values);
}

void finish_page(EntryPage& page, std::vector<long long>& ids) {
  if (page.entries.size() > static_cast<std::size_t>(kEntriesPerPage)) {
    page.entries.pop_back();
    ids.pop_back();
    page.older = std::to_string(page.entries.back().changed_at) + "." + std::to_string(ids.back());
  }
}

Entry entry_of(const db::Row& r) {
  // i.kind, i.contribution_id, said, i.status, i.detail, i.until_day, i.changed_at, i.easy_read
  Entry e;
  e.kind = r.string(0);
  e.id = r.integer(1);
  e.said = r.string(2);
  e.status = parse_status(r.text(3)).value_or(Status::under_way);
  e.detail = r.string(4);
  e.until = r.string(5);
  e.changed_at = r.integer(6);
  e.easy_read = r.string(7);
  return e;
}

/// The columns entry_of reads, with `said` (the group's "You said" or the contribution's title) third, then i.id (8)
/// and whatever a list reads after it.
std::string entry_columns(std::string_view said) {
  return "i.kind, i.contribution_id, " + std::string(said) +
         ", i.status, i.detail, i.until_day, i.changed_at, i.easy_read, i.id";
}

/// The contributions' own easy-read text (a topic's easy-read summary, a proposal's wording) into said_easy_read: one
/// query for each kind on the page that has such text, whatever the number of entries.
void contributions_easy_read(soci::session& s, const std::vector<module::ContributionKind>& kinds,
                             std::vector<Entry>& entries) {
  for (const auto& k : kinds) {
    if (k.easy_read.empty()) continue;
    std::vector<long long> ids;
    for (const auto& e : entries) {
      if (e.kind == k.kind) ids.push_back(e.id);
    }
    if (ids.empty()) continue;
    std::vector<db::Param> params;
    const std::string list = db::id_list(params, ids);
    db::query(s, "SELECT x.id, x.easy_read FROM (" + std::string(k.easy_read) + ") x WHERE x.id IN (" + list + ")",
              params, [&](const db::Row& r) {
                for (auto& e : entries) {
                  if (e.kind != k.kind || e.id != r.integer(0)) continue;
                  e.said_easy_read = r.string(1);
                  e.said_easy_read_markdown = k.easy_read_markdown;
                }
              });
  }
}

struct Recipient {
  long long user_id = 0;
  std::string email, name;
  core::Lang lang = core::Lang::en;
};

/// The author and the supporters still in the group, each once, without `changer`.
std::vector<Recipient> recipients(soci::session& s, const module::Contribution& c, long long changer) {
  std::vector<long long> ids = c.supporters;
  if (c.author_id) ids.push_back(*c.author_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::erase(ids, changer);
  std::vector<Recipient> out;
  if (ids.empty()) return out;
  std::vector<db::Param> params{c.group_id};
  const std::string list = db::id_list(params, ids);
  db::query(
      s,
      "SELECT u.id, u.email, u.name, u.lang FROM group_members gm JOIN users u ON u.id = gm.user_id WHERE "
      "gm.group_id = $1 AND gm.user_id IN (" +
          list + ") ORDER BY u.id",
      params, [&](const db::Row& r) {
        out.push_back({r.integer(0), r.string(1), r.string(2), core::parse_lang(r.text(3)).value_or(core::Lang::en)});
      });
  return out;
}

void tell(soci::session& s, long long org_id, const std::string& kind, long long id, const module::Contribution& c,
          const NewChange& change, long long changer, const std::string& base, long long now) {
  const auto to = recipients(s, c, changer);
  if (to.empty()) return;
  const std::string path =
      "/o/" + organisations::store::org_slug(s, org_id) + "/loop/" + kind + "/" + std::to_string(id);
  for (const auto& r : to) {
    core::Translator t(core::Messages::embedded(), r.lang);
    const bool own = c.author_id && *c.author_id == r.user_id;
    const std::vector<std::pair<std::string, std::string>> args{{"title", c.title}, {"group", c.group_name}};
    std::vector<std::string> paragraphs{
        core::format(t(own ? "loop.mail.p1_yours" : "loop.mail.p1_supported"), args),
        core::format(t("loop.mail.we_did"), {{"what", we_did(t, change.status, change.detail, change.until)}})};
    // The easy-read sentence, when the change has one: under its own line, framed as the easy-read page frames it
    // ("We changed something: ...") in the person's language, one line a paragraph (ADR 0042).
    if (!change.easy_read.empty()) {
      paragraphs.emplace_back(t("loop.mail.easy_read"));
      for (const auto& said : we_did_easy(t, change.status, change.detail, change.easy_read, change.until)) {
        for (const auto line : easy_lines(said)) paragraphs.emplace_back(line);
      }
    }
    auto message = mail::compose(r.email, r.name, r.lang, core::format(t("loop.mail.subject"), args), paragraphs,
                                 mail::Action{std::string(t("loop.mail.button")), base + path});
    notifications::notify(s, {org_id, c.group_id, r.user_id, "loop_status", c.title, path, c.group_name, base},
                          std::move(message), now);
  }
}

constexpr const char* kGroupColumns =
    "SELECT g.id, g.org_id, g.name, o.slug, o.name, g.visibility, g.archived_at, gm.role FROM org_groups g JOIN "
    "organisations o ON o.id = g.org_id LEFT JOIN group_members gm ON gm.group_id = g.id AND gm.user_id = $3 ";

GroupFacts group_of(const db::Row& r) {
  GroupFacts g;
  g.id = r.integer(0);
  g.org_id = r.integer(1);
  g.name = r.string(2);
  g.org_slug = r.string(3);
  g.org_name = r.string(4);
  g.visibility = groups::parse_visibility(r.text(5)).value_or(groups::Visibility::members);
  g.archived = !r.null(6);
  g.role = role_of(r.text(7));
  return g;
}

void group_entries(soci::session& s, long long group_id, const std::optional<std::pair<long long, long long>>& before,
                   EntryPage& page) {
  std::vector<db::Param> params{group_id, static_cast<long long>(kEntriesPerPage + 1)};
  if (before) {
    params.emplace_back(before->first);
    params.emplace_back(before->second);
  }
  std::vector<long long> ids;
  db::query(s,
            "SELECT " + entry_columns("i.you_said") + " FROM loop_items i WHERE i.group_id = $1" +
                keyset(before.has_value(), 3) + " ORDER BY i.changed_at DESC, i.id DESC LIMIT $2",
            params, [&](const db::Row& r) {
              page.entries.push_back(entry_of(r));
              ids.push_back(r.integer(8));
            });
  finish_page(page, ids);
}

/// Writes the change (and the contribution's latest status) in the caller's transaction; repeated when the same
/// change_key was seen before.
Saved write_change(soci::session& s, long long org_id, const std::string& kind_code, long long id,
                   const module::Contribution& contribution, const NewChange& change, long long by, long long at) {
  const auto* c = &contribution;
  bool seen = false;
  db::query(s, "SELECT 1 FROM loop_changes WHERE org_id = $1 AND change_key = $2",
            {org_id, std::string_view(change.change_key)}, [&](const db::Row&) { seen = true; });
  if (seen) return Saved::repeated;
  const std::string_view status = status_code(change.status);
  const db::Param until = change.until.empty() ? db::Param(nullptr) : db::Param(std::string_view(change.until));
  const db::Param author = c->author_id ? db::Param(*c->author_id) : db::Param(nullptr);
  long long item = 0;
  db::query(s,
            "INSERT INTO loop_items (org_id, group_id, kind, contribution_id, author_id, title, href, you_said, "
            "status, detail, until_day, changed_at, easy_read) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
            "$12, $13) ON CONFLICT (org_id, kind, contribution_id) DO UPDATE SET group_id = $2, author_id = $5, "
            "title = $6, href = $7, you_said = $8, status = $9, detail = $10, until_day = $11, changed_at = $12, "
            "easy_read = $13 RETURNING id",
            {org_id, c->group_id, std::string_view(kind_code), id, author, std::string_view(c->title),
             std::string_view(c->href), std::string_view(change.you_said), status, std::string_view(change.detail),
             until, at, std::string_view(change.easy_read)},
            [&](const db::Row& r) { item = r.integer(0); });
  db::query(s,
            "INSERT INTO loop_changes (item_id, org_id, status, detail, until_day, changed_by, changed_at, "
            "change_key, easy_read) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            {item, org_id, status, std::string_view(change.detail), until, by, at, std::string_view(change.change_key),
             std::string_view(change.easy_read)});
  return Saved::done;
}

}  // namespace

std::optional<std::pair<long long, long long>> parse_page_key(std::string_view text) {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view v) -> std::optional<long long> {
    long long n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n < 0) return std::nullopt;
    return n;
  };
  const auto at = number(text.substr(0, dot)), id = number(text.substr(dot + 1));
  if (!at || !id) return std::nullopt;
  return std::pair{*at, *id};
}

const module::ContributionKind* LoopService::kind(std::string_view code) const {
  for (const auto& k : kinds_) {
    if (k.kind == code) return &k;
  }
  return nullptr;
}

long long LoopService::today() const {
  const auto w = core::to_london(clock_.now_seconds());
  return core::days_from_civil(w.year, w.month, w.day);
}

awaitable<std::optional<Timeline>> LoopService::timeline(long long org_id, std::string kind_code, long long id,
                                                         long long viewer) {
  const auto* k = kind(kind_code);
  if (!k) co_return std::nullopt;
  auto op = db_.read([=, this](soci::session& s) -> std::optional<Timeline> {
    auto c = k->resolve(s, org_id, id, viewer);
    if (!c) return std::nullopt;
    Timeline tl;
    tl.kind = kind_code;
    tl.kind_key = k->name_key;
    tl.id = id;
    tl.contribution = std::move(*c);
    // Every change, newest first (a contribution has a handful; 200 is far more than any will).
    db::query(s,
              "SELECT i.you_said, c.status, c.detail, c.until_day, c.changed_at, u.name, c.easy_read FROM loop_items i "
              "JOIN loop_changes c ON c.item_id = i.id LEFT JOIN users u ON u.id = c.changed_by WHERE i.org_id = $1 "
              "AND i.kind = $2 AND i.contribution_id = $3 ORDER BY c.changed_at DESC, c.id DESC LIMIT 200",
              {org_id, std::string_view(kind_code), id}, [&](const db::Row& r) {
                tl.you_said = r.string(0);
                tl.changes.push_back({parse_status(r.text(1)).value_or(Status::under_way), r.string(2), r.string(3),
                                      r.string(6), r.string(5), r.integer(4)});
              });
    // What the modules did with it: for a reply or a meeting's action, whose places are lines on a longer page, this
    // page is where "Put it on the board" is offered. The loop's own follow-up (the status, with a link to this
    // page) is left out: the page says it above.
    const auto& seen = tl.contribution;
    const module::FollowUpAsk ask{kind_code, org_id, id, viewer, seen.group_id, seen.group_archived, seen.viewer_role};
    db::Batch b(s);
    module::read_follow_ups(b, follow_ups_, ask, tl.follow_ups);
    b.run();
    std::erase_if(tl.follow_ups, [](const module::FollowUp& f) { return f.href.rfind("/loop/", 0) == 0; });
    return tl;
  });
  co_return co_await std::move(op);
}

awaitable<Saved> LoopService::set_status(Who who, long long org_id, std::string kind_code, long long id,
                                         NewChange change) {
  const auto* k = kind(kind_code);
  if (!k) co_return Saved::refused;
  const std::string base = mail_.base_url ? mail_.base_url() : std::string("http://127.0.0.1:8080");
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    auto c = k->resolve(s, org_id, id, who.user_id);
    if (!c) return Saved::refused;
    const policy::Actor actor{who.org_role, who.two_step, role_of(c->viewer_role)};
    if (policy::allows(actor, policy::Action::set_status, facts_of(*c)) != policy::Verdict::allow) {
      return Saved::refused;
    }
    if (write_change(s, org_id, kind_code, id, *c, change, who.user_id, at) == Saved::repeated) {
      return Saved::repeated;
    }
    tell(s, org_id, kind_code, id, *c, change, who.user_id, base, at);
    tx.commit();
    return Saved::done;
  });
  const auto saved = co_await std::move(op);
  if (saved == Saved::done && mail_.mail_queued) mail_.mail_queued();
  co_return saved;
}

Saved LoopService::set_status_now(long long org_id, const std::string& kind_code, long long id, long long by,
                                  const NewChange& change, long long at) {
  const auto* k = kind(kind_code);
  if (!k) return Saved::refused;
  return db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    auto c = k->resolve(s, org_id, id, by);
    if (!c) return Saved::refused;
    const auto saved = write_change(s, org_id, kind_code, id, *c, change, by, at);
    tx.commit();
    return saved;
  });
}

awaitable<std::optional<GroupPage>> LoopService::group_page(long long org_id, long long group_id, long long viewer,
                                                            std::optional<std::pair<long long, long long>> before,
                                                            Version version) {
  auto op = db_.read([=, this](soci::session& s) -> std::optional<GroupPage> {
    std::optional<GroupPage> out;
    db::query(s, std::string(kGroupColumns) + "WHERE g.id = $1 AND g.org_id = $2", {group_id, org_id, viewer},
              [&](const db::Row& r) {
                out = GroupPage{group_of(r), {}};
              });
    if (!out) return out;
    group_entries(s, group_id, before, out->page);
    // The contributions' own easy-read text, for the group's people only (who may see the contributions).
    const auto& g = out->group;
    if (version == Version::easy_read &&
        policy::allows({core::Role::member, false, g.role}, policy::Action::see_contributions,
                       {g.visibility, g.archived, false}) == policy::Verdict::allow) {
      contributions_easy_read(s, kinds_, out->page.entries);
    }
    return out;
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<GroupPage>> LoopService::public_group_page(
    std::string org_slug, long long group_id, std::optional<std::pair<long long, long long>> before) {
  auto op = db_.read([=](soci::session& s) -> std::optional<GroupPage> {
    std::optional<GroupPage> out;
    // Nobody signed in: $3 matches no one.
    db::query(s, std::string(kGroupColumns) + "WHERE g.id = $1 AND o.slug = $2",
              {group_id, std::string_view(org_slug), 0LL}, [&](const db::Row& r) {
                out = GroupPage{group_of(r), {}};
              });
    // Only a public group's entries are read at all.
    if (out && out->group.visibility == groups::Visibility::everyone) group_entries(s, group_id, before, out->page);
    return out;
  });
  co_return co_await std::move(op);
}

awaitable<EntryPage> LoopService::mine(long long user_id, std::optional<std::pair<long long, long long>> before,
                                       Version version) {
  auto op = db_.read([=, this](soci::session& s) {
    EntryPage page;
    std::vector<db::Param> params{user_id, static_cast<long long>(kEntriesPerPage + 1)};
    if (before) {
      params.emplace_back(before->first);
      params.emplace_back(before->second);
    }
    std::vector<long long> ids;
    // Only in the groups the person is still in: what they may still see. Each entry says whether its author is in
    // its group now (author_in_group, kept by triggers: migration 0066), so the page's entries are one range of
    // loop_items_author, picked from the index alone; only theirs are read from the table. The entries of a group the
    // person has left are never stepped over (4,000 of them in bench/ cost 270 µs a view before).
    db::query(
        s,
        "SELECT " + entry_columns("i.title") +
            ", o.slug, o.name, g.name FROM (SELECT i.id FROM loop_items i WHERE i.author_id = $1 AND "
            "i.author_in_group = 1" +
            keyset(before.has_value(), 3) +
            " ORDER BY i.changed_at DESC, i.id DESC LIMIT $2) AS picked JOIN loop_items i ON i.id = picked.id JOIN "
            "org_groups g ON g.id = i.group_id JOIN organisations o ON o.id = i.org_id ORDER BY i.changed_at DESC, "
            "i.id DESC",
        params, [&](const db::Row& r) {
          auto e = entry_of(r);
          ids.push_back(r.integer(8));
          e.org_slug = r.string(9);
          e.org_name = r.string(10);
          e.group_name = r.string(11);
          page.entries.push_back(std::move(e));
        });
    finish_page(page, ids);
    // Their own contributions, in groups they are in: they may see them.
    if (version == Version::easy_read) contributions_easy_read(s, kinds_, page.entries);
    return page;
  });
  co_return co_await std::move(op);
}

void topic_follow_ups(db::Batch& b, const module::FollowUpAsk& ask, std::vector<module::FollowUp>& out) {
  // The viewer must be in the topic's group (who sees a topic): the page says their role there; the people who run
  // it also get the link to say what happened next, with a status or without.
  if (ask.kind != "topic" || ask.viewer_role.empty()) return;
  const auto role = role_of(ask.viewer_role);
  const std::string timeline = "/loop/topic/" + std::to_string(ask.id);
  // The status's time, when it has one, for the link below (read when the batch runs).
  auto changed_at = std::make_shared<std::optional<long long>>();
  b.add(
      "SELECT status, detail, until_day, changed_at FROM loop_items WHERE org_id = $1 AND kind = 'topic' AND "
      "contribution_id = $2",
      {ask.org_id, ask.id}, [&out, changed_at, timeline](const db::Row& r) {
        *changed_at = r.integer(3);
        module::FollowUp f;
        const auto status = parse_status(r.text(0)).value_or(Status::under_way);
        f.at = **changed_at;
        f.text_key = status == Status::under_way         ? "loop.follow_up.under_way"
                     : status == Status::changed         ? "loop.follow_up.changed"
                     : status == Status::decided_against ? "loop.follow_up.decided_against"
                                                         : "loop.follow_up.not_now";
        if (status == Status::not_now) {
          // {date}: the day the group will look at it again.
          f.at = until_seconds(r.text(2)).value_or(f.at);
          if (!r.text(1).empty()) {
            f.detail_key = "loop.follow_up.detail";
            f.detail = r.string(1);
          }
        } else if (status == Status::under_way) {
          if (!r.text(1).empty()) {
            f.detail_key = "loop.follow_up.detail";
            f.detail = r.string(1);
          }
        } else {
          f.what = r.string(1);
        }
        f.href = timeline;
        f.link_key = "loop.follow_up.see_timeline";
        out.push_back(std::move(f));
      });
  if (role == groups::GroupRole::lead || role == groups::GroupRole::facilitator) {
    b.then([&out, changed_at, timeline] {
      module::FollowUp f;
      f.at = changed_at->value_or(0);
      f.text_key = "loop.follow_up.you_run";
      f.href = timeline + "/status";
      f.link_key = "loop.follow_up.say";
      out.push_back(std::move(f));
    });
  }
}

}  // namespace roundtable::loop
