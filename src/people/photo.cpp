#include <soci/soci.h>

#include <functional>
#include <utility>

#include "audit/audit_store.hpp"
#include "db/transaction.hpp"
#include "people/people_service.hpp"
#include "people/people_store.hpp"
#include "people/profile_store.hpp"

namespace roundtable::people {

using boost::asio::awaitable;

uploads::Allowed PeopleService::photo_rules() {
  uploads::Allowed a;
  a.images = true;
  a.max_image_side = 800;
  return a;
}

uploads::Allowed PeopleService::logo_rules() {
  uploads::Allowed a;
  a.images = true;
  a.max_image_bytes = 5LL * 1024 * 1024;
  a.max_image_side = 600;
  return a;
}

void PeopleService::set_uploads(uploads::UploadService* uploads) {
  uploads_ = uploads;
  if (!uploads_) return;
  // A logo is the organisation's: its members see it, whoever uploaded it.
  uploads_->set_access(uploads::Purpose::org_logo,
                       [](soci::session&, const uploads::Upload& u, const http::Principal* viewer) {
                         if (!viewer || !u.org_id) return false;
                         for (const auto& m : viewer->memberships) {
                           if (m.org_id == *u.org_id) return true;
                         }
                         return false;
                       });
  uploads_->set_access(
      uploads::Purpose::profile_photo, [](soci::session& s, const uploads::Upload& u, const http::Principal* viewer) {
        return viewer && u.owner_user_id && store::share_an_organisation(s, *u.owner_user_id, viewer->user_id);
      });
}

namespace {

/// Where a picture hangs: sets the new upload (or none) and returns the upload it replaces.
using Hook = std::function<std::optional<long long>(soci::session&, std::optional<long long>)>;
/// Written in the same transaction; told whether there was a picture before.
using AfterChange = std::function<void(soci::session&, bool had_one)>;

/// Hangs a new picture (or, with nullopt, none) in one transaction that also deletes the old upload's row; the old
/// file is removed only after the commit, so a failed change leaves the old picture working. True when there was
/// a picture before.
awaitable<bool> replace_picture(db::Database& db, uploads::UploadService& uploads,
                                std::optional<uploads::Prepared> picture, uploads::Purpose purpose,
                                std::optional<long long> owner, std::optional<long long> org_id, Hook hook,
                                AfterChange after) {
  auto op = db.run([&uploads, picture = std::move(picture), purpose, owner, org_id, hook = std::move(hook),
                    after = std::move(after)](soci::session& s) -> std::pair<bool, std::optional<std::string>> {
    db::WriteTransaction tx(s);
    std::optional<long long> id;
    if (picture)
      id = uploads::store::save(s, uploads.storage(), *picture, purpose, owner, org_id,
                                core::system_clock().now_seconds())
               .id;
    const auto old = hook(s, id);
    std::optional<std::string> old_key;
    if (old) old_key = uploads::store::remove(s, *old);
    if (after) after(s, old.has_value());
    tx.commit();
    return {old.has_value(), old_key};
  });
  auto [had_one, old_key] = co_await std::move(op);
  if (old_key) uploads.storage().remove(*old_key);
  co_return had_one;
}

}  // namespace

awaitable<void> PeopleService::set_photo(long long user_id, uploads::Prepared photo) {
  if (!uploads_) throw std::logic_error("photos need set_uploads");
  auto op = replace_picture(
      db_, *uploads_, std::move(photo), uploads::Purpose::profile_photo, user_id, std::nullopt,
      [user_id](soci::session& s, std::optional<long long> id) { return store::set_photo(s, user_id, id); }, {});
  co_await std::move(op);
}

awaitable<bool> PeopleService::remove_photo(long long user_id) {
  if (!uploads_) co_return false;
  auto op = replace_picture(
      db_, *uploads_, std::nullopt, uploads::Purpose::profile_photo, user_id, std::nullopt,
      [user_id](soci::session& s, std::optional<long long> id) { return store::set_photo(s, user_id, id); }, {});
  co_return co_await std::move(op);
}

awaitable<void> PeopleService::set_org_logo(long long actor_id, long long org_id, uploads::Prepared logo) {
  if (!uploads_) throw std::logic_error("logos need set_uploads");
  // The logo is the organisation's (no owner), so it stays when the admin who uploaded it leaves.
  auto op = replace_picture(
      db_, *uploads_, std::move(logo), uploads::Purpose::org_logo, std::nullopt, org_id,
      [org_id](soci::session& s, std::optional<long long> id) { return store::set_org_logo(s, org_id, id); },
      [actor_id, org_id](soci::session& s, bool) {
        audit::store::record(s, {org_id, actor_id, std::nullopt, audit::action::kOrgSettingsChanged, "logo"});
      });
  co_await std::move(op);
}

awaitable<bool> PeopleService::remove_org_logo(long long actor_id, long long org_id) {
  if (!uploads_) co_return false;
  auto op = replace_picture(
      db_, *uploads_, std::nullopt, uploads::Purpose::org_logo, std::nullopt, org_id,
      [org_id](soci::session& s, std::optional<long long> id) { return store::set_org_logo(s, org_id, id); },
      [actor_id, org_id](soci::session& s, bool had_one) {
        if (had_one) {
          audit::store::record(s, {org_id, actor_id, std::nullopt, audit::action::kOrgSettingsChanged, "logo"});
        }
      });
  co_return co_await std::move(op);
}

}  // namespace roundtable::people
