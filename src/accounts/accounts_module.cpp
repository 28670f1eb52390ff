#include "accounts/accounts_module.hpp"

#include "accounts/account_routes.hpp"
#include "accounts/account_store.hpp"
#include "accounts/accounts_demo.hpp"

namespace roundtable::accounts {

using module::Erasure;

std::vector<module::Retention> retention(const RetentionTimes& keep) {
  return {
      {"sign_in_failures",
       [t = keep.sign_in_failures](soci::session& s, long long now) { return store::purge_failures(s, now - t); }},
      {"password_resets",
       [t = keep.used_links](soci::session& s, long long now) { return store::purge_password_resets(s, now - t); }},
      {"password_reset_decoys",
       [t = keep.used_links](soci::session& s, long long now) {
         return store::purge_password_reset_decoys(s, now - t);
       }},
      {"sign_in_links",
       [t = keep.used_links](soci::session& s, long long now) { return store::purge_sign_in_links(s, now - t); }},
      {"two_step_challenges",
       [t = keep.used_links](soci::session& s, long long now) { return store::purge_two_step_challenges(s, now - t); }},
  };
}

const std::vector<module::PersonalTable>& personal_tables() {
  static const std::vector<module::PersonalTable> tables{
      {"users", "id", Erasure::remove, "the account: email, name, password hash, language"},
      {"sessions", "user_id", Erasure::remove, "signed-in browsers"},
      {"password_resets", "user_id", Erasure::remove, "password reset links (hashed)"},
      {"sign_in_links", "user_id", Erasure::remove, "sign-in emails: hashed link, code and browser"},
      {"two_step", "user_id", Erasure::remove,
       "two-step sign-in: the app's key (never downloaded) and when it was set up"},
      {"two_step_recovery_codes", "user_id", Erasure::remove, "recovery codes (hashed)"},
      {"two_step_challenges", "user_id", Erasure::remove, "sign-ins waiting for their second step (hashed)"},
  };
  return tables;
}

const std::vector<module::TableWithout>& tables_without_personal_data() {
  static const std::vector<module::TableWithout> tables{
      {"sign_in_failures", "hashed keys only, kept for 15 minutes"},
      {"password_reset_decoys", "stand-ins for reset links that were not sent: a hash of an unsent token and when"},
  };
  return tables;
}

module::Module make_module(PagesDeps deps) {
  module::Module m;
  m.name = "accounts";
  m.add_routes = [deps](std::vector<http::Route>& routes, const module::Shared& shared) {
    auto with_sections = deps;
    with_sections.newcomer_sections = shared.newcomer_sections;
    add_account_routes(routes, with_sections);
  };
  m.personal_tables = personal_tables();
  m.tables_without_personal_data = tables_without_personal_data();
  m.retention = retention();
  if (deps.service) m.load_demo = [service = deps.service] { return load_demo(*service); };
  return m;
}

}  // namespace roundtable::accounts
