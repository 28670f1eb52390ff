#include "accessibility/statement_store.hpp"

#include <soci/soci.h>

#include "db/query.hpp"

namespace roundtable::accessibility::store {

std::optional<Org> find_org(soci::session& s, std::string_view slug) {
  std::optional<Org> out;
  db::query(s, "SELECT id, slug, name FROM organisations WHERE slug = $1", {slug}, [&](const db::Row& r) {
    out = Org{r.integer(0), r.string(1), r.string(2)};
  });
  return out;
}

std::optional<Statement> find(soci::session& s, long long org_id) {
  std::optional<Statement> out;
  db::query(s,
            "SELECT compliance, known_problems, contact_email, contact_phone, reply_days, published, prepared_at, "
            "reviewed_at FROM accessibility_statements WHERE org_id = $1",
            {org_id}, [&](const db::Row& r) {
              Statement st;
              st.org_id = org_id;
              st.compliance = parse_compliance(r.text(0)).value_or(Compliance::partial);
              st.known_problems = r.string(1);
              st.contact_email = r.string(2);
              st.contact_phone = r.string(3);
              st.reply_days = static_cast<int>(r.integer(4));
              st.published = r.integer(5) != 0;
              st.prepared_at = r.integer(6);
              st.reviewed_at = r.integer(7);
              out = std::move(st);
            });
  return out;
}

void save(soci::session& s, const Statement& st, long long now) {
  const long long published = st.published ? 1 : 0;
  const long long reply_days = st.reply_days;
  const auto changed = db::query(s,
                                 "UPDATE accessibility_statements SET compliance = $1, known_problems = $2, "
                                 "contact_email = $3, contact_phone = $4, reply_days = $5, published = $6, "
                                 "reviewed_at = $7 WHERE org_id = $8",
                                 {compliance_code(st.compliance), st.known_problems, st.contact_email, st.contact_phone,
                                  reply_days, published, now, st.org_id});
  if (changed > 0) return;
  db::query(s,
            "INSERT INTO accessibility_statements (org_id, compliance, known_problems, contact_email, contact_phone, "
            "reply_days, published, prepared_at, reviewed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
            {st.org_id, compliance_code(st.compliance), st.known_problems, st.contact_email, st.contact_phone,
             reply_days, published, now});
}

std::vector<Listed> published(soci::session& s) {
  std::vector<Listed> out;
  db::query(s,
            "SELECT o.slug, o.name, a.reviewed_at FROM accessibility_statements a JOIN organisations o ON o.id = "
            "a.org_id WHERE a.published = 1 ORDER BY o.name, o.id",
            {}, [&](const db::Row& r) {
              out.push_back({r.string(0), r.string(1), r.integer(2)});
            });
  return out;
}

}  // namespace roundtable::accessibility::store
