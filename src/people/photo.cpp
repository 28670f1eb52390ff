#include <soci/soci.h>

#include "audit/audit_store.hpp"
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

awaitable<void> PeopleService::set_photo(long long user_id, uploads::Prepared photo) {
  if (!uploads_) throw std::logic_error("photos need set_uploads");
  auto op = db_.run([this, user_id, photo = std::move(photo)](soci::session& s) -> std::optional<std::string> {
    soci::transaction tx(s);
    const auto saved = uploads::store::save(s, uploads_->storage(), photo, uploads::Purpose::profile_photo, user_id,
                                            std::nullopt, store::now_seconds());
    std::optional<std::string> old_key;
    if (auto old = store::set_photo(s, user_id, saved.id)) old_key = uploads::store::remove(s, *old);
    tx.commit();
    return old_key;
  });
  auto old_key = co_await std::move(op);
  // Only after the commit: if it had failed, the old photo would still be in use.
  if (old_key) uploads_->storage().remove(*old_key);
}

awaitable<bool> PeopleService::remove_photo(long long user_id) {
  if (!uploads_) co_return false;
  auto op = db_.run([user_id](soci::session& s) -> std::optional<std::string> {
    soci::transaction tx(s);
    auto old = store::set_photo(s, user_id, std::nullopt);
    std::optional<std::string> key;
    if (old) key = uploads::store::remove(s, *old);
    tx.commit();
    return key;
  });
  auto key = co_await std::move(op);
  if (!key) co_return false;
  uploads_->storage().remove(*key);
  co_return true;
}

awaitable<void> PeopleService::set_org_logo(long long actor_id, long long org_id, uploads::Prepared logo) {
  if (!uploads_) throw std::logic_error("logos need set_uploads");
  auto op = db_.run([this, actor_id, org_id, logo = std::move(logo)](soci::session& s) -> std::optional<std::string> {
    soci::transaction tx(s);
    const auto saved = uploads::store::save(s, uploads_->storage(), logo, uploads::Purpose::org_logo, std::nullopt,
                                            org_id, store::now_seconds());
    std::optional<std::string> old_key;
    if (auto old = store::set_org_logo(s, org_id, saved.id)) old_key = uploads::store::remove(s, *old);
    audit::store::record(s, {org_id, actor_id, std::nullopt, audit::action::kOrgSettingsChanged, "logo"});
    tx.commit();
    return old_key;
  });
  auto old_key = co_await std::move(op);
  if (old_key) uploads_->storage().remove(*old_key);
}

awaitable<bool> PeopleService::remove_org_logo(long long actor_id, long long org_id) {
  if (!uploads_) co_return false;
  auto op = db_.run([actor_id, org_id](soci::session& s) -> std::optional<std::string> {
    soci::transaction tx(s);
    auto old = store::set_org_logo(s, org_id, std::nullopt);
    std::optional<std::string> key;
    if (old) {
      key = uploads::store::remove(s, *old);
      audit::store::record(s, {org_id, actor_id, std::nullopt, audit::action::kOrgSettingsChanged, "logo"});
    }
    tx.commit();
    return key;
  });
  auto key = co_await std::move(op);
  if (!key) co_return false;
  uploads_->storage().remove(*key);
  co_return true;
}

}  // namespace roundtable::people
