#include "groups/group_service.hpp"

#include "audit/audit_store.hpp"
#include "core/text.hpp"
#include "db/query.hpp"
#include "db/together.hpp"
#include "db/transaction.hpp"
#include "groups/group_policy.hpp"
#include "groups/group_store.hpp"
#include "mail/compose.hpp"
#include "mail/outbox_store.hpp"
#include "profiles/profile_store.hpp"
#include "security/tokens.hpp"
#include "uploads/picture.hpp"

namespace roundtable::groups {

namespace {

/// How many entries of the activity feed a group's home page shows.
constexpr int kRecentActivity = 5;
// How many people a group's home lists before "Everyone in the group" (a big coffee-morning series has hundreds).
constexpr int kHomePeople = 12;

long long create(soci::session& s, long long org_id, long long actor, const GroupDetails& d,
                 const std::string& create_key, long long now) {
  db::WriteTransaction tx(s);
  if (auto existing = store::find_by_create_key(s, org_id, create_key)) return *existing;
  // Two copies of the form at once: on PostgreSQL both may pass the look-up above; the insert's ON CONFLICT lets one
  // through and the other finds it.
  const long long id = store::insert_group(s, org_id, d, create_key, actor, now);
  if (id == 0) return store::find_by_create_key(s, org_id, create_key).value_or(0);
  store::add_member(s, id, org_id, actor, GroupRole::lead, now);
  if (d.stage) store::insert_stage_change(s, id, std::nullopt, d.stage, "", actor, now);
  store::record(s, id, ActivityKind::created, actor, std::nullopt, "", now);
  tx.commit();
  return id;
}

/// Groups' pictures' purpose: who may see them is group_policy's may_see_picture.
const uploads::Purpose kPicturePurpose{"group_picture"};
/// The audit log's codes for a group's picture (its words: audit.action.<code> in the groups catalogues).
constexpr const char* kAuditPictureChanged = "group_picture_changed";
constexpr const char* kAuditPictureRemoved = "group_picture_removed";

/// Thrown inside a picture's transaction when the group is gone or archived: it rolls back (the saved file is left
/// for housekeeping's sweep) and the use case answers false.
struct NoGroupToChange {};

/// What the organisation's audit log says about a change to a group's picture.
void audit_picture(soci::session& s, long long org_id, long long group_id, long long actor, const char* action) {
  audit::store::record(s, {org_id, actor, std::nullopt, action, "group:" + std::to_string(group_id)});
}

/// What an email about the group says to one person, in their language: why they hear from us, and a link to the
/// group's page. kind: "invited", "accepted" or "declined" (groups.mail.<kind>.*).
void tell(soci::session& s, long long group_id, long long user, std::string_view kind, const std::string& base_url,
          long long now) {
  auto to = store::mail_to(s, group_id, user);
  if (!to) return;
  core::Translator t(core::Messages::embedded(), to->lang);
  const std::vector<std::pair<std::string, std::string>> args{{"group", to->group_name}, {"org", to->org_name}};
  const std::string key = "groups.mail." + std::string(kind);
  mail::store::enqueue(
      s,
      mail::compose(to->email, to->name, to->lang, core::format(t(key + ".subject"), args),
                    {core::format(t(key + ".p1"), args), core::format(t(key + ".p2"), args)},
                    mail::Action{std::string(t(key + ".button")),
                                 base_url + "/o/" + to->org_slug + "/groups/" + std::to_string(group_id)}),
      now);
}

/// The person joins as a member (their request or invitation, if any, is used up); actor let them in (themselves
/// when they said yes).
void join(soci::session& s, long long org_id, long long group_id, long long user, long long actor, long long now) {
  store::delete_request(s, group_id, user);
  store::add_member(s, group_id, org_id, user, GroupRole::member, now);
  store::record(s, group_id, ActivityKind::joined, actor, user, "", now);
}

/// The group, if it is in this organisation: every change checks it, so an id from another organisation does
/// nothing.
std::optional<GroupForViewer> find(soci::session& s, long long org_id, long long group_id, long long viewer) {
  return store::find_for_viewer(s, org_id, group_id, viewer);
}

}  // namespace

awaitable<long long> GroupService::create_group(long long org_id, long long actor, GroupDetails details,
                                                std::string create_key) {
  auto op = db_.run([this, org_id, actor, d = std::move(details), key = std::move(create_key)](soci::session& s) {
    return create(s, org_id, actor, d, key, clock_.now_seconds());
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<GroupForViewer>> GroupService::group_for(long long org_id, long long group_id, long long viewer,
                                                                 Documents documents, AlongWithGroup along) {
  auto op = db_.read([=, along = std::move(along)](soci::session& s) {
    return store::find_for_viewer(s, org_id, group_id, viewer, documents, along);
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<PublicGroup>> GroupService::public_group(std::string org_slug, long long group_id) {
  auto op = db_.read(
      [slug = std::move(org_slug), group_id](soci::session& s) { return store::find_public(s, slug, group_id); });
  co_return co_await std::move(op);
}

awaitable<std::optional<GroupPage>> GroupService::group_page(long long org_id, long long group_id, long long viewer,
                                                             std::function<PageWants(const GroupForViewer&)> wants) {
  auto op = db_.read([=, wants = std::move(wants)](soci::session& s) -> std::optional<GroupPage> {
    auto v = find(s, org_id, group_id, viewer);
    if (!v) return std::nullopt;
    GroupPage page;
    page.viewer = std::move(*v);
    const auto want = wants(page.viewer);
    page.allowed = want.allowed;
    if (!want.allowed) return page;
    page.people_are_everyone = want.members;
    // The rest together: one round trip on PostgreSQL.
    db::Batch b(s);
    if (want.members) {
      store::first_members(b, group_id, kHomePeople, page.people);
    } else {
      store::runners(b, group_id, page.people);
    }
    store::stage_changes(b, group_id, page.stage_changes);
    if (want.requests) store::count_pending_requests(b, group_id, page.pending_requests);
    ActivityPage recent;
    if (want.members) store::activity(b, group_id, std::nullopt, kRecentActivity, recent);
    b.run();
    page.recent = std::move(recent.items);
    return page;
  });
  co_return co_await std::move(op);
}

awaitable<GroupList> GroupService::list_groups(long long org_id, long long viewer, bool all,
                                               std::optional<long long> after, int per_page) {
  auto op = db_.read([=](soci::session& s) {
    GroupList out;
    if (!after) out.mine = store::groups_of(s, org_id, viewer);
    // One more than a page says whether another page follows.
    out.others = store::others_for_viewer(s, org_id, viewer, all, after, per_page + 1);
    if (static_cast<int>(out.others.size()) > per_page) {
      out.others.resize(per_page);
      out.next_after = out.others.back().id;
    }
    return out;
  });
  co_return co_await std::move(op);
}

awaitable<std::vector<GroupListed>> GroupService::my_groups(long long org_id, long long viewer) {
  auto op = db_.read([=](soci::session& s) { return store::groups_of(s, org_id, viewer); });
  co_return co_await std::move(op);
}

AlongWithGroup GroupService::members_along(std::vector<GroupMember>& out) {
  return [&out](db::Batch& b, long long group_id) { store::members(b, group_id, out); };
}

AlongWithGroup GroupService::stage_changes_along(std::vector<StageChange>& out) {
  return [&out](db::Batch& b, long long group_id) { store::stage_changes(b, group_id, out); };
}

AlongWithGroup GroupService::activity_along(std::optional<long long> older_than, int per_page, ActivityPage& out) {
  return [older_than, per_page, &out](db::Batch& b, long long group_id) {
    store::activity(b, group_id, older_than, per_page, out);
  };
}

awaitable<std::vector<GroupMember>> GroupService::members(long long group_id) {
  auto op = db_.read([=](soci::session& s) { return store::members(s, group_id); });
  co_return co_await std::move(op);
}

awaitable<std::vector<MemberNeeds>> GroupService::support_needs(long long org_id, long long group_id,
                                                                long long viewer) {
  // A write: looking at people's needs is recorded (audit), in the same transaction as the reads; that transaction
  // is shared with other such views of the moment, one commit for them all (ADR 0055).
  auto op = db::write_together(db_, [=](soci::session& s) {
    std::vector<MemberNeeds> out;
    std::vector<long long> ids;
    for (auto& m : store::members(s, group_id)) {
      ids.push_back(m.user_id);
      out.push_back({std::move(m)});
    }
    const auto shared = profiles::store::shared_needs(s, org_id, viewer, ids, "group:" + std::to_string(group_id));
    for (const auto& n : shared) {
      for (auto& m : out) {
        if (m.member.user_id != n.user_id) continue;
        m.shared = true;
        m.needs = n.needs;
        m.needs_other = n.needs_other;
        m.meeting_support = n.meeting_support;
      }
    }
    return out;
  });
  co_return co_await std::move(op);
}

awaitable<std::vector<Candidate>> GroupService::candidates(long long org_id, long long group_id, std::string words) {
  auto op = db_.read(
      [=, words = std::move(words)](soci::session& s) { return store::candidates(s, org_id, group_id, words, 20); });
  co_return co_await std::move(op);
}

awaitable<MembershipOutcome> GroupService::invite(long long org_id, long long group_id, long long actor,
                                                  long long user) {
  const std::string base = organisations_ ? organisations_->base_url() : std::string();
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    auto g = find(s, org_id, group_id, user);
    if (!g || g->group.archived()) return MembershipOutcome::not_found;
    if (g->role) return MembershipOutcome::already_member;
    if (!store::is_org_member(s, org_id, user)) return MembershipOutcome::not_in_organisation;
    const long long now = clock_.now_seconds();
    if (g->request == RequestState::pending) {
      // They asked already: the invitation is the answer.
      join(s, org_id, group_id, user, actor, now);
    } else {
      store::invite(s, group_id, org_id, user, actor, now);
      store::record(s, group_id, ActivityKind::invited, actor, user, "", now);
      if (organisations_) tell(s, group_id, user, "invited", base, now);
    }
    tx.commit();
    return MembershipOutcome::done;
  });
  const auto outcome = co_await std::move(op);
  if (outcome == MembershipOutcome::done && organisations_) organisations_->mail_queued();
  co_return outcome;
}

awaitable<MembershipOutcome> GroupService::answer_invitation(long long org_id, long long group_id, long long user,
                                                             bool accept) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    auto g = find(s, org_id, group_id, user);
    if (!g || g->group.archived() || g->request != RequestState::invited) return MembershipOutcome::not_found;
    if (g->role) return MembershipOutcome::already_member;
    const long long now = clock_.now_seconds();
    if (accept) {
      join(s, org_id, group_id, user, user, now);
    } else {
      store::delete_request(s, group_id, user);
      store::record(s, group_id, ActivityKind::invitation_declined, user, std::nullopt, "", now);
    }
    tx.commit();
    return MembershipOutcome::done;
  });
  co_return co_await std::move(op);
}

awaitable<GroupsHome> GroupService::home(long long user_id, std::vector<OrgName> orgs) {
  auto op = db_.read([user_id](soci::session& s) {
    return GroupsHome{store::invitations_for(s, user_id), store::home_groups(s, user_id)};
  });
  auto home = co_await std::move(op);
  // Named from the person's memberships (a group's organisation is always one of them: group_members refers to
  // memberships); by organisation, then by group name (core/text.hpp).
  auto org_of = [&](long long id) -> const OrgName* {
    for (const auto& o : orgs) {
      if (o.id == id) return &o;
    }
    return nullptr;
  };
  std::erase_if(home.groups, [&](const HomeGroup& g) { return org_of(g.org_id) == nullptr; });
  for (auto& g : home.groups) {
    const OrgName* o = org_of(g.org_id);
    g.org_slug = o->slug;
    g.org_name = o->name;
  }
  std::sort(home.groups.begin(), home.groups.end(), [](const HomeGroup& a, const HomeGroup& b) {
    if (a.org_id != b.org_id) {
      if (const int c = core::compare_folded(a.org_name, b.org_name); c != 0) return c < 0;
      return a.org_id < b.org_id;
    }
    if (const int c = core::compare_folded(a.name, b.name); c != 0) return c < 0;
    return a.id < b.id;
  });
  co_return home;
}

awaitable<void> GroupService::mark_seen(long long user_id, long long group_id, long long activity_id) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    store::mark_seen(s, user_id, group_id, activity_id, clock_.now_seconds());
    tx.commit();
  });
  co_await std::move(op);
}

awaitable<std::vector<JoinRequest>> GroupService::pending_requests(long long group_id) {
  auto op = db_.read([=](soci::session& s) { return store::pending_requests(s, group_id); });
  co_return co_await std::move(op);
}

awaitable<std::vector<StageChange>> GroupService::stage_changes(long long group_id) {
  auto op = db_.read([=](soci::session& s) { return store::stage_changes(s, group_id); });
  co_return co_await std::move(op);
}

awaitable<ActivityPage> GroupService::activity(long long group_id, std::optional<long long> older_than, int per_page) {
  auto op = db_.read([=](soci::session& s) { return store::activity(s, group_id, older_than, per_page); });
  co_return co_await std::move(op);
}

awaitable<bool> GroupService::update_group(long long org_id, long long group_id, long long actor,
                                           GroupDetails details) {
  auto op = db_.run([this, org_id, group_id, actor, d = std::move(details)](soci::session& s) {
    db::WriteTransaction tx(s);
    auto g = find(s, org_id, group_id, actor);
    if (!g || g->group.archived()) return false;
    const long long now = clock_.now_seconds();
    store::update_details(s, group_id, d, now);
    store::record(s, group_id, ActivityKind::details_changed, actor, std::nullopt, "", now);
    tx.commit();
    return true;
  });
  co_return co_await std::move(op);
}

awaitable<bool> GroupService::set_archived(long long org_id, long long group_id, long long actor, bool archived) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    auto g = find(s, org_id, group_id, actor);
    if (!g || g->group.archived() == archived) return false;
    const long long now = clock_.now_seconds();
    store::set_archived(s, group_id, archived ? std::optional<long long>(now) : std::nullopt, now);
    store::record(s, group_id, archived ? ActivityKind::archived : ActivityKind::restored, actor, std::nullopt, "",
                  now);
    tx.commit();
    return true;
  });
  co_return co_await std::move(op);
}

awaitable<bool> GroupService::move_stage(long long org_id, long long group_id, long long actor, Stage to,
                                         std::string reason) {
  auto op = db_.run([=, this, reason = std::move(reason)](soci::session& s) {
    db::WriteTransaction tx(s);
    auto g = find(s, org_id, group_id, actor);
    if (!g || g->group.archived() || g->group.details.stage == to) return false;
    const long long now = clock_.now_seconds();
    const auto from = g->group.details.stage;
    store::set_stage(s, group_id, to, now);
    store::insert_stage_change(s, group_id, from, to, reason, actor, now);
    store::record(s, group_id, ActivityKind::stage_moved, actor, std::nullopt, stage_code(to), now);
    tx.commit();
    return true;
  });
  co_return co_await std::move(op);
}

awaitable<MembershipOutcome> GroupService::ask_to_join(long long org_id, long long group_id, long long user,
                                                       std::string message) {
  auto op = db_.run([=, this, message = std::move(message)](soci::session& s) {
    db::WriteTransaction tx(s);
    auto g = find(s, org_id, group_id, user);
    if (!g || g->group.archived()) return MembershipOutcome::not_found;
    if (g->role) return MembershipOutcome::already_member;
    if (!store::is_org_member(s, org_id, user)) return MembershipOutcome::not_in_organisation;
    const long long now = clock_.now_seconds();
    if (g->request == RequestState::invited) {
      // Invited already: asking is saying yes.
      join(s, org_id, group_id, user, user, now);
      tx.commit();
      return MembershipOutcome::done;
    }
    store::upsert_request(s, group_id, org_id, user, message, now);
    // Asking again while a request waits changes its words, not the feed.
    if (g->request != RequestState::pending) {
      store::record(s, group_id, ActivityKind::asked_to_join, user, std::nullopt, "", now);
    }
    tx.commit();
    return MembershipOutcome::done;
  });
  co_return co_await std::move(op);
}

awaitable<MembershipOutcome> GroupService::answer_request(long long org_id, long long group_id, long long actor,
                                                          long long user, bool accept) {
  const std::string base = organisations_ ? organisations_->base_url() : std::string();
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    auto g = find(s, org_id, group_id, user);
    if (!g || g->group.archived() || g->request != RequestState::pending) return MembershipOutcome::not_found;
    if (g->role) return MembershipOutcome::already_member;
    const long long now = clock_.now_seconds();
    if (accept) {
      if (!store::is_org_member(s, org_id, user)) return MembershipOutcome::not_in_organisation;
      join(s, org_id, group_id, user, actor, now);
    } else {
      store::set_request_declined(s, group_id, user);
      store::record(s, group_id, ActivityKind::request_declined, actor, user, "", now);
    }
    // The person who asked hears the answer, in their language.
    if (organisations_) tell(s, group_id, user, accept ? "accepted" : "declined", base, now);
    tx.commit();
    return MembershipOutcome::done;
  });
  const auto outcome = co_await std::move(op);
  if (outcome == MembershipOutcome::done && organisations_) organisations_->mail_queued();
  co_return outcome;
}

awaitable<MembershipOutcome> GroupService::leave(long long org_id, long long group_id, long long user) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    auto g = find(s, org_id, group_id, user);
    if (!g || !g->role) return MembershipOutcome::not_found;
    if (*g->role == GroupRole::lead && store::count_leads(s, group_id) <= 1) return MembershipOutcome::last_lead;
    const long long now = clock_.now_seconds();
    store::remove_member(s, group_id, user);
    store::record(s, group_id, ActivityKind::left, user, std::nullopt, "", now);
    tx.commit();
    return MembershipOutcome::done;
  });
  co_return co_await std::move(op);
}

awaitable<MembershipOutcome> GroupService::set_role(long long org_id, long long group_id, long long actor,
                                                    long long user, GroupRole role) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    auto g = find(s, org_id, group_id, user);
    if (!g || g->group.archived() || !g->role) return MembershipOutcome::not_found;
    if (*g->role == role) return MembershipOutcome::done;
    if (*g->role == GroupRole::lead && store::count_leads(s, group_id) <= 1) return MembershipOutcome::last_lead;
    const long long now = clock_.now_seconds();
    store::set_role(s, group_id, user, role);
    store::record(s, group_id, ActivityKind::role_changed, actor, user, group_role_code(role), now);
    tx.commit();
    return MembershipOutcome::done;
  });
  co_return co_await std::move(op);
}

awaitable<MembershipOutcome> GroupService::remove_member(long long org_id, long long group_id, long long actor,
                                                         long long user) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    auto g = find(s, org_id, group_id, user);
    if (!g || g->group.archived() || !g->role) return MembershipOutcome::not_found;
    if (*g->role == GroupRole::lead && store::count_leads(s, group_id) <= 1) return MembershipOutcome::last_lead;
    const long long now = clock_.now_seconds();
    store::remove_member(s, group_id, user);
    store::record(s, group_id, ActivityKind::removed, actor, user, "", now);
    tx.commit();
    return MembershipOutcome::done;
  });
  co_return co_await std::move(op);
}

uploads::Allowed GroupService::picture_rules() {
  uploads::Allowed a;
  a.images = true;
  a.max_image_side = 1200;
  return a;
}

void GroupService::set_uploads(uploads::UploadService* uploads) {
  uploads_ = uploads;
  if (!uploads_) return;
  uploads_->set_access(kPicturePurpose, [](soci::session& s, const uploads::Upload& u, const http::Principal* viewer) {
    const auto owner = store::picture_owner(s, u.id, viewer ? viewer->user_id : 0);
    if (!owner || !u.org_id || *u.org_id != owner->org_id) return false;
    std::optional<policy::Actor> actor;
    if (viewer) {
      for (const auto& m : viewer->memberships) {
        if (m.org_id == owner->org_id)
          actor = policy::Actor{m.role, viewer->two_step, owner->viewer_role, owner->viewer_invited};
      }
    }
    return policy::may_see_picture(actor, {owner->visibility, owner->archived});
  });
}

awaitable<bool> GroupService::set_picture(long long org_id, long long group_id, long long actor,
                                          uploads::Prepared picture, std::string alt) {
  if (!uploads_) throw std::logic_error("pictures need set_uploads");
  const long long now = clock_.now_seconds();
  // The picture is the organisation's (no owner), so it stays when the lead who uploaded it leaves.
  auto op = uploads::replace_picture(
      db_, *uploads_, std::move(picture), kPicturePurpose, std::nullopt, org_id,
      [=, alt = std::move(alt)](soci::session& s, std::optional<long long> id) {
        auto g = find(s, org_id, group_id, actor);
        if (!g || g->group.archived()) throw NoGroupToChange{};
        return store::set_picture(s, group_id, id, alt, now);
      },
      [=](soci::session& s, bool) {
        store::record(s, group_id, ActivityKind::picture_changed, actor, std::nullopt, "", now);
        audit_picture(s, org_id, group_id, actor, kAuditPictureChanged);
      });
  try {
    co_await std::move(op);
  } catch (const NoGroupToChange&) {
    co_return false;
  }
  co_return true;
}

awaitable<bool> GroupService::set_picture_alt(long long org_id, long long group_id, long long actor, std::string alt) {
  auto op = db_.run([=, this, alt = std::move(alt)](soci::session& s) {
    db::WriteTransaction tx(s);
    auto g = find(s, org_id, group_id, actor);
    if (!g || g->group.archived() || g->group.picture_url.empty()) return false;
    if (g->group.picture_alt == alt) return true;
    const long long now = clock_.now_seconds();
    store::set_picture_alt(s, group_id, alt, now);
    store::record(s, group_id, ActivityKind::picture_changed, actor, std::nullopt, "", now);
    audit_picture(s, org_id, group_id, actor, kAuditPictureChanged);
    tx.commit();
    return true;
  });
  co_return co_await std::move(op);
}

awaitable<bool> GroupService::remove_picture(long long org_id, long long group_id, long long actor) {
  if (!uploads_) co_return false;
  const long long now = clock_.now_seconds();
  auto op = uploads::replace_picture(
      db_, *uploads_, std::nullopt, kPicturePurpose, std::nullopt, org_id,
      [=](soci::session& s, std::optional<long long>) {
        auto g = find(s, org_id, group_id, actor);
        if (!g || g->group.archived()) throw NoGroupToChange{};
        return store::set_picture(s, group_id, std::nullopt, "", now);
      },
      [=](soci::session& s, bool had_one) {
        if (!had_one) return;
        store::record(s, group_id, ActivityKind::picture_removed, actor, std::nullopt, "", now);
        audit_picture(s, org_id, group_id, actor, kAuditPictureRemoved);
      });
  try {
    co_return co_await std::move(op);
  } catch (const NoGroupToChange&) {
  }
  co_return false;
}

long long GroupService::create_group_now(long long org_id, long long actor, const GroupDetails& details, long long at) {
  return db_.run_sync(
      [&](soci::session& s) { return create(s, org_id, actor, details, security::random_token(), at); });
}

void GroupService::add_member_now(long long org_id, long long group_id, long long user, GroupRole role, long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    store::add_member(s, group_id, org_id, user, role, at);
    store::record(s, group_id, ActivityKind::joined, user, user, "", at);
    tx.commit();
  });
}

void GroupService::move_stage_now(long long group_id, long long actor, Stage to, const std::string& reason,
                                  long long at) {
  db_.run_sync([&](soci::session& s) {
    std::optional<Stage> from;
    db::WriteTransaction tx(s);
    for (const auto& c : store::stage_changes(s, group_id)) from = c.to;
    store::set_stage(s, group_id, to, at);
    store::insert_stage_change(s, group_id, from, to, reason, actor, at);
    store::record(s, group_id, ActivityKind::stage_moved, actor, std::nullopt, stage_code(to), at);
    tx.commit();
  });
}

void GroupService::ask_to_join_now(long long org_id, long long group_id, long long user, const std::string& message,
                                   long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    store::upsert_request(s, group_id, org_id, user, message, at);
    store::record(s, group_id, ActivityKind::asked_to_join, user, std::nullopt, "", at);
    tx.commit();
  });
}

void GroupService::archive_now(long long group_id, long long actor, long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    store::set_archived(s, group_id, at, at);
    store::record(s, group_id, ActivityKind::archived, actor, std::nullopt, "", at);
    tx.commit();
  });
}

}  // namespace roundtable::groups

namespace roundtable::groups {

bool add_member_in(soci::session& s, long long org_id, long long group_id, long long actor, long long user,
                   long long now) {
  if (store::role_of(s, group_id, user) || !store::is_org_member(s, org_id, user)) return false;
  join(s, org_id, group_id, user, actor, now);
  return true;
}

}  // namespace roundtable::groups
