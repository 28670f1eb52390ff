#include "profiles/profile_service.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "accounts/account_store.hpp"
#include "audit/audit_store.hpp"
#include "consent/consent_store.hpp"
#include "db/together.hpp"
#include "db/transaction.hpp"
#include "organisations/organisation_store.hpp"
#include "profiles/profile_store.hpp"

namespace roundtable::profiles {

using boost::asio::awaitable;

namespace {

/// A directory entry's reference in the search index: one per organisation and person.
std::string member_ref(long long org_id, long long user_id) {
  return std::to_string(org_id) + ":" + std::to_string(user_id);
}

/// Keeps the person's directory entries (one per organisation) in the search index. Lived experience and needs are
/// never indexed.
void index_member(soci::session& s, db::SearchIndex& search, long long user_id) {
  auto profile = store::load_profile(s, user_id);
  if (!profile) return;
  std::string body = profile->strengths + "\n" + profile->skills;
  for (auto& tag : profile->interests) body += "\n" + tag;
  for (auto& m : organisations::store::memberships_of(s, user_id)) {
    search.upsert(s, {m.org_id, "member", member_ref(m.org_id, user_id), std::string(core::lang_code(profile->lang)),
                      profile->name, body, "/o/" + m.org_slug + "/people/" + std::to_string(user_id)});
  }
}

}  // namespace

organisations::MemberIndex member_index(db::SearchIndex& search) {
  return {[&search](soci::session& s, long long user_id) { index_member(s, search, user_id); },
          [&search](soci::session& s, long long org_id, long long user_id) {
            search.remove(s, "member", member_ref(org_id, user_id));
          }};
}

awaitable<std::optional<Profile>> ProfileService::profile(long long user_id) {
  auto op = db_.read([user_id](soci::session& s) { return store::load_profile(s, user_id); });
  co_return co_await std::move(op);
}

namespace {

void save_profile_in(soci::session& s, db::SearchIndex& search, const Profile& profile) {
  db::WriteTransaction tx(s);
  auto before = store::load_profile(s, profile.user_id);
  if (!before) throw std::invalid_argument("no such account");
  store::save_profile(s, profile);
  index_member(s, search, profile.user_id);
  if (before->share_needs != profile.share_needs) {
    audit::store::record(s, {std::nullopt, profile.user_id, profile.user_id, audit::action::kNeedsSharingChanged,
                             profile.share_needs ? "yes" : "no"});
  }
  tx.commit();
}

}  // namespace

awaitable<void> ProfileService::save_profile(Profile profile) {
  auto op = db_.run([this, profile = std::move(profile)](soci::session& s) { save_profile_in(s, search_, profile); });
  co_await std::move(op);
}

std::optional<Profile> ProfileService::profile_by_email_now(const std::string& email) {
  return db_.run_sync([&](soci::session& s) -> std::optional<Profile> {
    auto user = accounts::store::find_user_by_email(s, normalise_email(email));
    if (!user) return std::nullopt;
    return store::load_profile(s, user->id);
  });
}

void ProfileService::save_profile_now(const Profile& profile) {
  db_.run_sync([&](soci::session& s) { save_profile_in(s, search_, profile); });
}

awaitable<DirectoryPage> ProfileService::directory(long long org_id, DirectoryQuery query) {
  // A plain list is a few indexed reads (read: no hop on SQLite); a search by words runs the full-text index, which
  // can take milliseconds, so it goes to the database threads.
  const bool words = !db::search_terms(query.text).empty();
  auto work = [this, org_id, words, query = std::move(query)](soci::session& s) {
    if (!words) return store::list_members(s, org_id, query, nullptr);
    // Find up to the search's limit in the index, best first; then filter and page those people.
    auto found = search_.search(s, {.text = query.text,
                                    .org_ids = {org_id},
                                    .kinds = {"member"},
                                    .limit = static_cast<size_t>(db::kSearchCountLimit)});
    std::vector<long long> ids;
    const std::string prefix = std::to_string(org_id) + ":";
    for (auto& hit : found.hits) {
      if (hit.ref.starts_with(prefix)) ids.push_back(std::stoll(hit.ref.substr(prefix.size())));
    }
    auto page = store::list_members(s, org_id, query, &ids);
    page.more = found.more;
    return page;
  };
  auto op = words ? db_.run(std::move(work)) : db_.read(std::move(work));
  co_return co_await std::move(op);
}

awaitable<std::optional<MemberView>> ProfileService::member_profile(long long viewer_id, long long org_id,
                                                                    long long subject_id, bool viewer_is_staff) {
  auto work = [=](soci::session& s) -> std::optional<MemberView> {
    std::optional<MembershipRow> membership;
    for (auto& m : organisations::store::memberships_of(s, subject_id)) {
      if (m.org_id == org_id) membership = m;
    }
    if (!membership) return std::nullopt;
    auto profile = store::load_profile(s, subject_id);
    if (!profile) return std::nullopt;
    MemberView view{std::move(*profile), std::move(*membership)};
    const bool self = viewer_id == subject_id;
    const auto contact = consent::store::consent_state(s, subject_id).contact;
    view.contact_withdrawn = !self && contact && !contact->given;
    view.contact_visible = (viewer_is_staff || self) && !view.contact_withdrawn;
    view.needs_visible = self || (viewer_is_staff && view.profile.share_needs);
    view.needs_withheld = viewer_is_staff && !self && !view.profile.share_needs;
    if (!view.needs_visible) {
      view.profile.needs.clear();
      view.profile.needs_other.clear();
      view.profile.meeting_support.clear();
    }
    // What the person agreed to when they agreed to be contacted: the ways and times they chose. Their email address
    // is shown only if email is one of those ways.
    const bool by_email =
        std::ranges::find(view.profile.contact_methods, ContactMethod::email) != view.profile.contact_methods.end();
    if (!view.contact_visible || !by_email) view.profile.email.clear();
    if (!view.contact_visible) {
      view.profile.phone.clear();
      view.profile.contact_notes.clear();
    }
    return view;
  };
  // Only reads: on SQLite they run on this thread with the request's other reads (no hop to the database threads).
  auto op = db_.read(std::move(work));
  auto view = co_await std::move(op);
  if (view && view->needs_visible && viewer_id != subject_id && view->profile.has_needs()) {
    // Every time staff see someone's needs, it is written down where the organisation's admins can see it, and on
    // record before the page is: committed first, in a commit shared with other such views of the moment (ADR 0055).
    auto record = db::write_together(db_, [=](soci::session& s) {
      audit::store::record(s, {org_id, viewer_id, subject_id, audit::action::kNeedsViewed, ""});
    });
    co_await std::move(record);
  }
  co_return view;
}

}  // namespace roundtable::profiles
