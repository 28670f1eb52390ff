#include "privacy/privacy_service.hpp"

#include <soci/soci.h>

#include "audit/audit_store.hpp"
#include "organisations/organisation_service.hpp"

namespace roundtable::privacy {

using boost::asio::awaitable;

awaitable<std::string> PrivacyService::export_data(long long user_id, core::Lang lang) {
  auto op = db_.run([this, user_id, lang](soci::session& s) {
    const long long now = clock_.now_seconds();
    auto files = export_person(s, personal_tables_, user_id, lang, now);
    if (export_extras_) {
      for (auto& [name, content] : export_extras_(s, user_id)) files.push_back({std::move(name), std::move(content)});
    }
    audit::store::record(s, {std::nullopt, user_id, user_id, audit::action::kDataExported, ""});
    return files;
  });
  auto files = co_await std::move(op);
  co_return zip_files(files);
}

awaitable<std::optional<std::string>> PrivacyService::sole_admin_of(long long user_id) {
  auto op = db_.run([user_id](soci::session& s) { return organisations::sole_admin_of(s, user_id); });
  co_return co_await std::move(op);
}

awaitable<EraseResult> PrivacyService::erase_account(long long user_id) {
  auto op = db_.run([this, user_id](soci::session& s) { return erase_person(s, personal_tables_, search_, user_id); });
  co_return co_await std::move(op);
}

}  // namespace roundtable::privacy
