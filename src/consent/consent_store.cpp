#include "consent/consent_store.hpp"

#include <soci/soci.h>

#include "accounts/account_store.hpp"
#include "db/rows.hpp"

namespace roundtable::consent::store {

void record_consent(soci::session& s, long long user_id, const ConsentRecord& r) {
  const long long now = accounts::store::now_seconds();
  std::string purpose(consent_purpose_code(r.purpose)), lang(core::lang_code(r.lang));
  int given = r.given ? 1 : 0;
  s << "INSERT INTO consents (user_id, purpose, version, lang, wording, given, created_at) "
       "VALUES (:user, :purpose, :version, :lang, :wording, :given, :now)",
      soci::use(user_id), soci::use(purpose), soci::use(r.version), soci::use(lang), soci::use(r.wording),
      soci::use(given), soci::use(now);
}

std::vector<ConsentRecord> consent_history(soci::session& s, long long user_id) {
  std::vector<ConsentRecord> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, purpose, version, lang, wording, given, created_at FROM consents "
                    "WHERE user_id = :user ORDER BY id",
       soci::use(user_id));
  for (const auto& r : rows) {
    auto purpose = parse_consent_purpose(db::row_text(r, 1));
    if (!purpose) continue;
    ConsentRecord c;
    c.id = db::row_int(r, 0);
    c.purpose = *purpose;
    c.version = static_cast<int>(db::row_int(r, 2));
    c.lang = core::parse_lang(db::row_text(r, 3)).value_or(core::Lang::en);
    c.wording = db::row_text(r, 4);
    c.given = db::row_int(r, 5) != 0;
    c.created_at = db::row_int(r, 6);
    out.push_back(std::move(c));
  }
  return out;
}

ConsentState consent_state(soci::session& s, long long user_id) {
  ConsentState state;
  for (auto& r : consent_history(s, user_id)) state.of(r.purpose) = r;
  return state;
}

}  // namespace roundtable::consent::store
