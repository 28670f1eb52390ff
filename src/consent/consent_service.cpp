#include "consent/consent_service.hpp"

#include <soci/soci.h>

#include "audit/audit_store.hpp"
#include "consent/consent_store.hpp"
#include "db/transaction.hpp"

namespace roundtable::consent {

using boost::asio::awaitable;

awaitable<std::pair<ConsentState, std::vector<ConsentRecord>>> ConsentService::consents(long long user_id) {
  auto op = db_.read([user_id](soci::session& s) {
    return std::pair{store::consent_state(s, user_id), store::consent_history(s, user_id)};
  });
  co_return co_await std::move(op);
}

awaitable<void> ConsentService::set_consents(long long user_id, core::Lang lang,
                                             std::vector<std::pair<ConsentPurpose, bool>> decisions) {
  auto work = [user_id, lang, decisions = std::move(decisions)](soci::session& s) {
    db::WriteTransaction tx(s);
    auto state = store::consent_state(s, user_id);
    for (auto [purpose, given] : decisions) {
      const auto& now = state.of(purpose);
      const int version = current_consent_version(purpose);
      if (now && now->given == given && (!given || now->version == version)) continue;
      ConsentRecord r;
      r.purpose = purpose;
      r.version = version;
      r.lang = lang;
      r.wording = std::string(core::Messages::embedded().get(lang, consent_wording_key(purpose, version)));
      r.given = given;
      store::record_consent(s, user_id, r);
      audit::store::record(s, {std::nullopt, user_id, user_id, audit::action::kConsentChanged,
                               std::string(consent_purpose_code(purpose)) + (given ? ":yes" : ":no")});
    }
    tx.commit();
  };
  auto op = db_.run(std::move(work));
  co_await std::move(op);
}

}  // namespace roundtable::consent
