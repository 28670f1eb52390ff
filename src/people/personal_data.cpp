#include "people/personal_data.hpp"

namespace roundtable::people {

const std::vector<PersonalTable>& personal_tables() {
  static const std::vector<PersonalTable> tables{
      {"users", "id", Erasure::remove, "the account: email, name, password hash, language"},
      {"profiles", "user_id", Erasure::remove, "what the person brings and needs, and how to reach them"},
      {"profile_interests", "user_id", Erasure::remove, "interests"},
      {"memberships", "user_id", Erasure::remove, "organisations and roles"},
      {"member_types", "user_id", Erasure::remove, "how the person takes part"},
      {"consents", "user_id", Erasure::remove, "consent decisions with the wording seen"},
      {"sessions", "user_id", Erasure::remove, "signed-in browsers"},
      {"password_resets", "user_id", Erasure::remove, "password reset links (hashed)"},
      {"sign_in_links", "user_id", Erasure::remove, "sign-in emails: hashed link, code and browser"},
      {"two_step", "user_id", Erasure::remove,
       "two-step sign-in: the app's key (never downloaded) and when it was set up"},
      {"two_step_recovery_codes", "user_id", Erasure::remove, "recovery codes (hashed)"},
      {"two_step_challenges", "user_id", Erasure::remove, "sign-ins waiting for their second step (hashed)"},
      {"invitations", "email", Erasure::remove, "invitations sent to the person's address", PersonKey::email},
      {"mail_outbox", "to_address", Erasure::remove, "email to the person, sent or waiting", PersonKey::email},
      {"audit_log", "subject_user_id", Erasure::keep_as_former_member,
       "sensitive actions by or about the person (ids only)"},
      {"search_documents", "ref", Erasure::remove, "the person's directory entries (kind 'member')",
       PersonKey::member_ref, false},
  };
  return tables;
}

const std::vector<std::pair<std::string_view, std::string_view>>& tables_without_personal_data() {
  static const std::vector<std::pair<std::string_view, std::string_view>> tables{
      {"settings", "server-wide settings such as the CSRF key"},
      {"schema_migrations", "which migrations ran"},
      {"organisations", "organisations, not people"},
      {"sign_in_failures", "hashed keys only, kept for 15 minutes"},
      {"search_fts", "the full-text index of search_documents (registered above)"},
  };
  return tables;
}

}  // namespace roundtable::people
