/// The only place audit log SQL lives. record() is called inside the transaction of the action it records.
#pragma once

#include <vector>

#include "audit/audit.hpp"

namespace soci {
class session;
}

namespace roundtable::audit::store {

void record(soci::session& s, const Event& event);
/// The same event about each of these people (subject_user_id each one's id), in one statement however many.
void record_for_each(soci::session& s, const Event& event, const std::vector<long long>& subjects);
/// An organisation's entries, newest first; before_id pages back (0: from the newest).
std::vector<Entry> list_for_org(soci::session& s, long long org_id, long long before_id, int limit);
/// Every entry about or by this person in any organisation (for their own data download).
std::vector<Entry> list_for_user(soci::session& s, long long user_id);

}  // namespace roundtable::audit::store
