/// The only place invitation SQL lives.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "organisations/invitation.hpp"

namespace soci {
class session;
}

namespace roundtable::organisations::store {

/// Adds an open invitation; returns its id.
long long insert_invitation(soci::session& s, const Invitation& inv, const std::string& token_hash,
                            std::optional<long long> invited_by, long long now);
/// Open (not accepted, revoked or expired) invitations of an organisation, newest first.
std::vector<Invitation> open_invitations(soci::session& s, long long org_id, long long now);
/// An open invitation of the organisation by id.
std::optional<Invitation> open_invitation(soci::session& s, long long org_id, long long id, long long now);
/// The open invitation behind an emailed link.
std::optional<Invitation> invitation_by_token(soci::session& s, const std::string& token_hash, long long now);
/// An open invitation for this email in this organisation, if any.
std::optional<long long> open_invitation_for(soci::session& s, long long org_id, const std::string& email,
                                             long long now);
/// Whether the account with this email belongs to the organisation (false when there is no such account): one
/// statement either way.
bool is_member_by_email(soci::session& s, long long org_id, const std::string& email);
/// A new secret and a new expiry (sending it again).
void renew_invitation(soci::session& s, long long id, const std::string& token_hash, long long now);
void revoke_invitation(soci::session& s, long long id, long long now);
void accept_invitation(soci::session& s, long long id, long long now);
/// Deletes invitations accepted, cancelled or expired before the given time.
long long purge_finished_invitations(soci::session& s, long long before);

}  // namespace roundtable::organisations::store
