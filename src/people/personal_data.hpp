/// The register of where personal data lives: every table is either listed here with the column that ties its rows
/// to a person (for download and erasure), or listed as holding none. A unit test fails for a table in neither list.
#pragma once

#include <string_view>
#include <vector>

namespace roundtable::people {

/// What erasing a person does to their rows in a table.
enum class Erasure {
  /// The rows are about the person only: delete them.
  remove,
  /// The rows record what happened (audit, contributions): keep them, but the person shows as "former member".
  keep_as_former_member,
};

/// What the person_column holds.
enum class PersonKey {
  user_id,
  email,
  /// "org_id:user_id" (search documents of kind member): kept up to date through the search index.
  member_ref,
};

struct PersonalTable {
  std::string_view table;
  /// The column holding the person's user id (or, for mail_outbox, their address).
  std::string_view person_column;
  Erasure erasure;
  /// What it holds, for reviewers (the download explains it in the person's language: "data.table.<table>").
  std::string_view holds;
  PersonKey key = PersonKey::user_id;
  /// False for derived copies (the search index) that the download would only repeat.
  bool exported = true;
};

/// Tables with personal data.
const std::vector<PersonalTable>& personal_tables();
/// Tables without personal data, each with the reason.
const std::vector<std::pair<std::string_view, std::string_view>>& tables_without_personal_data();

}  // namespace roundtable::people
