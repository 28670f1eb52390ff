#include <soci/soci.h>

#include <functional>
#include <utility>

#include "audit/audit_store.hpp"
#include "db/transaction.hpp"
#include "profiles/profile_service.hpp"
#include "profiles/profile_store.hpp"
#include "uploads/picture.hpp"

namespace roundtable::profiles {

namespace {
/// Profile photos' purpose: who may see them is the rule set below.
const uploads::Purpose kPhotoPurpose{"profile_photo"};
}  // namespace

using boost::asio::awaitable;

uploads::Allowed ProfileService::photo_rules() {
  uploads::Allowed a;
  a.images = true;
  a.max_image_side = 800;
  return a;
}

void ProfileService::set_uploads(uploads::UploadService* uploads) {
  uploads_ = uploads;
  if (!uploads_) return;
  uploads_->set_access(kPhotoPurpose, [](soci::session& s, const uploads::Upload& u, const http::Principal* viewer) {
    return viewer && u.owner_user_id && store::share_an_organisation(s, *u.owner_user_id, viewer->user_id);
  });
}

awaitable<void> ProfileService::set_photo(long long user_id, uploads::Prepared photo) {
  if (!uploads_) throw std::logic_error("photos need set_uploads");
  auto op = uploads::replace_picture(
      db_, *uploads_, std::move(photo), kPhotoPurpose, user_id, std::nullopt,
      [user_id](soci::session& s, std::optional<long long> id) { return store::set_photo(s, user_id, id); }, {});
  co_await std::move(op);
}

awaitable<bool> ProfileService::remove_photo(long long user_id) {
  if (!uploads_) co_return false;
  auto op = uploads::replace_picture(
      db_, *uploads_, std::nullopt, kPhotoPurpose, user_id, std::nullopt,
      [user_id](soci::session& s, std::optional<long long> id) { return store::set_photo(s, user_id, id); }, {});
  co_return co_await std::move(op);
}

}  // namespace roundtable::profiles
