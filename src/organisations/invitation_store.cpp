#include "organisations/invitation_store.hpp"

#include <soci/soci.h>

#include "db/rows.hpp"

namespace roundtable::organisations::store {

namespace {

constexpr const char* kSelect =
    "SELECT i.id, i.org_id, o.slug, o.name, i.email, i.name, i.role, i.member_types, i.message, i.lang, "
    "u.name, i.created_at, i.sent_at, i.expires_at, i.self_requested FROM invitations i JOIN organisations o ON o.id = "
    "i.org_id "
    "LEFT JOIN users u ON u.id = i.invited_by ";
constexpr const char* kOpen = " AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now";

std::vector<MemberType> types_of(const std::string& codes) {
  std::vector<MemberType> out;
  size_t start = 0;
  while (start <= codes.size()) {
    auto comma = codes.find(',', start);
    if (auto t = parse_member_type(codes.substr(start, comma - start))) out.push_back(*t);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

Invitation from(const soci::row& r) {
  Invitation i;
  i.id = db::row_int(r, 0);
  i.org_id = db::row_int(r, 1);
  i.org_slug = db::row_text(r, 2);
  i.org_name = db::row_text(r, 3);
  i.email = db::row_text(r, 4);
  i.name = db::row_text(r, 5);
  i.role = parse_role(db::row_text(r, 6)).value_or(Role::member);
  i.member_types = types_of(db::row_text(r, 7));
  i.message = db::row_text(r, 8);
  i.lang = core::parse_lang(db::row_text(r, 9)).value_or(core::Lang::en);
  i.invited_by_name = db::row_text(r, 10);
  i.created_at = db::row_int(r, 11);
  i.sent_at = db::row_int(r, 12);
  i.expires_at = db::row_int(r, 13);
  i.self_requested = db::row_int(r, 14) != 0;
  return i;
}

}  // namespace

long long insert_invitation(soci::session& s, const Invitation& inv, const std::string& token_hash,
                            std::optional<long long> invited_by, long long now) {
  long long id = 0;
  std::string role(role_code(inv.role)), lang(core::lang_code(inv.lang)), types;
  for (auto t : inv.member_types) types += (types.empty() ? "" : ",") + std::string(member_type_code(t));
  long long by = invited_by.value_or(0);
  soci::indicator by_ind = invited_by ? soci::i_ok : soci::i_null;
  long long expires = now + kInvitationLifetime;
  int self = inv.self_requested ? 1 : 0;
  s << "INSERT INTO invitations (org_id, email, name, role, member_types, message, lang, token_hash, invited_by, "
       "created_at, sent_at, expires_at, self_requested) VALUES (:org, :email, :name, :role, :types, :message, "
       ":lang, :hash, :by, :now, :now2, :expires, :self) RETURNING id",
      soci::use(inv.org_id), soci::use(inv.email), soci::use(inv.name), soci::use(role), soci::use(types),
      soci::use(inv.message), soci::use(lang), soci::use(token_hash), soci::use(by, by_ind), soci::use(now),
      soci::use(now), soci::use(expires), soci::use(self), soci::into(id);
  return id;
}

std::vector<Invitation> open_invitations(soci::session& s, long long org_id, long long now) {
  std::vector<Invitation> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string(kSelect) + "WHERE i.org_id = :org" + kOpen + " ORDER BY i.sent_at DESC, i.id DESC",
       soci::use(org_id), soci::use(now));
  for (const auto& r : rows) out.push_back(from(r));
  return out;
}

std::optional<Invitation> open_invitation(soci::session& s, long long org_id, long long id, long long now) {
  soci::row r;
  s << std::string(kSelect) + "WHERE i.org_id = :org AND i.id = :id" + kOpen, soci::use(org_id), soci::use(id),
      soci::use(now), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  return from(r);
}

std::optional<Invitation> invitation_by_token(soci::session& s, const std::string& token_hash, long long now) {
  soci::row r;
  s << std::string(kSelect) + "WHERE i.token_hash = :hash" + kOpen, soci::use(token_hash), soci::use(now),
      soci::into(r);
  if (!s.got_data()) return std::nullopt;
  return from(r);
}

std::optional<long long> open_invitation_for(soci::session& s, long long org_id, const std::string& email,
                                             long long now) {
  long long id = 0;
  s << "SELECT i.id FROM invitations i WHERE i.org_id = :org AND i.email = :email" + std::string(kOpen),
      soci::use(org_id), soci::use(email), soci::use(now), soci::into(id);
  if (!s.got_data()) return std::nullopt;
  return id;
}

bool is_member_by_email(soci::session& s, long long org_id, const std::string& email) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = :org AND u.email = :email",
      soci::use(org_id), soci::use(email), soci::into(n);
  return n > 0;
}

void renew_invitation(soci::session& s, long long id, const std::string& token_hash, long long now) {
  long long expires = now + kInvitationLifetime;
  s << "UPDATE invitations SET token_hash = :hash, sent_at = :now, expires_at = :expires WHERE id = :id",
      soci::use(token_hash), soci::use(now), soci::use(expires), soci::use(id);
}

void revoke_invitation(soci::session& s, long long id, long long now) {
  s << "UPDATE invitations SET revoked_at = :now WHERE id = :id", soci::use(now), soci::use(id);
}

void accept_invitation(soci::session& s, long long id, long long now) {
  s << "UPDATE invitations SET accepted_at = :now WHERE id = :id", soci::use(now), soci::use(id);
}

long long purge_finished_invitations(soci::session& s, long long before) {
  soci::statement st = (s.prepare << "DELETE FROM invitations WHERE (accepted_at IS NOT NULL AND accepted_at < :a) "
                                     "OR (revoked_at IS NOT NULL AND revoked_at < :b) OR expires_at < :c",
                        soci::use(before), soci::use(before), soci::use(before));
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace roundtable::organisations::store
