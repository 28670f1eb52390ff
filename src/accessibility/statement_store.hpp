/// The only place accessibility statements' SQL lives. Reads use db::query (kept prepared); callers hold a
/// db::WriteTransaction around save.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accessibility/statement.hpp"

namespace soci {
class session;
}

namespace roundtable::accessibility::store {

/// The organisation with this web address.
std::optional<Org> find_org(soci::session& s, std::string_view slug);
/// The organisation's statement, published or not.
std::optional<Statement> find(soci::session& s, long long org_id);
/// Adds or replaces the organisation's statement; prepared_at stays as first saved, reviewed_at becomes now.
void save(soci::session& s, const Statement& statement, long long now);
/// Every published statement, by organisation name.
std::vector<Listed> published(soci::session& s);

}  // namespace roundtable::accessibility::store
