#include <soci/soci.h>

#include <utility>

#include "audit/audit_store.hpp"
#include "organisations/organisation_service.hpp"
#include "organisations/organisation_store.hpp"
#include "uploads/picture.hpp"

namespace roundtable::organisations {

namespace {
/// Logos' purpose: who may see them is the rule set below.
const uploads::Purpose kLogoPurpose{"org_logo"};
}  // namespace

using boost::asio::awaitable;

uploads::Allowed OrganisationService::logo_rules() {
  uploads::Allowed a;
  a.images = true;
  a.max_image_bytes = 5LL * 1024 * 1024;
  a.max_image_side = 600;
  return a;
}

void OrganisationService::set_uploads(uploads::UploadService* uploads) {
  uploads_ = uploads;
  if (!uploads_) return;
  // A logo is the organisation's: its members see it, whoever uploaded it.
  uploads_->set_access(kLogoPurpose, [](soci::session&, const uploads::Upload& u, const http::Principal* viewer) {
    if (!viewer || !u.org_id) return false;
    for (const auto& m : viewer->memberships) {
      if (m.org_id == *u.org_id) return true;
    }
    return false;
  });
}

awaitable<void> OrganisationService::set_org_logo(long long actor_id, long long org_id, uploads::Prepared logo) {
  if (!uploads_) throw std::logic_error("logos need set_uploads");
  // The logo is the organisation's (no owner), so it stays when the admin who uploaded it leaves.
  auto op = uploads::replace_picture(
      db_, *uploads_, std::move(logo), kLogoPurpose, std::nullopt, org_id,
      [org_id](soci::session& s, std::optional<long long> id) { return store::set_org_logo(s, org_id, id); },
      [actor_id, org_id](soci::session& s, bool) {
        audit::store::record(s, {org_id, actor_id, std::nullopt, audit::action::kOrgSettingsChanged, "logo"});
      });
  co_await std::move(op);
}

awaitable<bool> OrganisationService::remove_org_logo(long long actor_id, long long org_id) {
  if (!uploads_) co_return false;
  auto op = uploads::replace_picture(
      db_, *uploads_, std::nullopt, kLogoPurpose, std::nullopt, org_id,
      [org_id](soci::session& s, std::optional<long long> id) { return store::set_org_logo(s, org_id, id); },
      [actor_id, org_id](soci::session& s, bool had_one) {
        if (had_one) {
          audit::store::record(s, {org_id, actor_id, std::nullopt, audit::action::kOrgSettingsChanged, "logo"});
        }
      });
  co_return co_await std::move(op);
}

}  // namespace roundtable::organisations
