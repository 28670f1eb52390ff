#include "privacy/personal_data.hpp"

namespace roundtable::privacy {

const std::vector<PersonalTable>& personal_tables() {
  static const std::vector<PersonalTable> tables{
      {"mail_outbox", "to_address", Erasure::remove, "email to the person, sent or waiting", PersonKey::email},
      {"audit_log", "subject_user_id", Erasure::keep_as_former_member,
       "sensitive actions by or about the person (ids only)"},
  };
  return tables;
}

const std::vector<module::TableWithout>& tables_without_personal_data() {
  static const std::vector<module::TableWithout> tables{
      {"settings", "server-wide settings such as the CSRF key"},
      {"schema_migrations", "which migrations ran"},
  };
  return tables;
}

}  // namespace roundtable::privacy
