/// A person's data rights: downloading everything Roundtable holds about them, and erasing their account. Both
/// are driven by the register in personal_data.hpp, so a newly registered table is downloaded and erased too.
#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "db/search.hpp"
#include "privacy/personal_data.hpp"

namespace roundtable::privacy {

struct ExportFile {
  std::string name;
  std::string content;
};

/// data.json (every registered table's rows about the person, secrets such as hashes left out) and index.html
/// (the same, readable, in the person's language).
std::vector<ExportFile> export_person(soci::session& s, const std::vector<PersonalTable>& tables, long long user_id,
                                      core::Lang lang, long long now);

/// The files in one zip archive (deflated). Throws std::runtime_error if libzip fails.
std::string zip_files(const std::vector<ExportFile>& files);

enum class EraseOutcome { erased, last_admin, not_found };

struct EraseResult {
  EraseOutcome outcome = EraseOutcome::not_found;
  /// For last_admin: the organisation that would be left without an admin.
  std::string org_name;
};

/// Deletes the person's rows from every registered table marked remove (the account last), takes them out of the
/// search index, and writes account_erased to the audit log, whose entries stay and show "former member". Refuses
/// when the person is the only admin of an organisation. Runs in one transaction.
EraseResult erase_person(soci::session& s, const std::vector<PersonalTable>& tables, db::SearchIndex& search,
                         long long user_id);

}  // namespace roundtable::privacy
