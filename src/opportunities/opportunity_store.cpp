#include "opportunities/opportunity_store.hpp"

#include <soci/soci.h>

#include <map>

#include "db/query.hpp"

namespace roundtable::opportunities::store {

namespace {

constexpr const char* kColumns =
    "o.id, o.org_id, o.group_id, g.name, g.visibility, g.archived_at, o.title, o.description, o.time_asked, "
    "o.payment, o.support, o.closes_on, o.audience, o.state, o.created_at, o.updated_at, o.outcome_told_at, "
    "(SELECT COUNT(*) FROM opportunity_interest c WHERE c.opportunity_id = o.id)";
constexpr int kColumnCount = 18;

Opportunity opportunity_of(const db::Row& r, const Date& today) {
  Opportunity o;
  o.id = r.integer(0);
  o.org_id = r.integer(1);
  o.group_id = r.integer(2);
  o.group_name = r.string(3);
  o.group_visibility = groups::parse_visibility(r.text(4)).value_or(groups::Visibility::members);
  o.group_archived = !r.null(5);
  auto& d = o.details;
  d.title = r.string(6);
  d.description = r.string(7);
  d.time_asked = r.string(8);
  d.payment = r.string(9);
  d.support = r.string(10);
  d.closes_on = r.string(11);
  d.audience = parse_audience(r.text(12)).value_or(Audience::members);
  o.stored = parse_state(r.text(13)).value_or(State::draft);
  o.state = state_on(o.stored, d.closes_on, today);
  o.created_at = r.integer(14);
  o.updated_at = r.integer(15);
  if (!r.null(16)) o.outcome_told_at = r.integer(16);
  o.interest_count = r.integer(17);
  return o;
}

constexpr const char* kListColumns =
    "o.id, o.group_id, g.name, o.title, o.time_asked, o.closes_on, o.audience, o.state, "
    "(SELECT COUNT(*) FROM opportunity_interest c WHERE c.opportunity_id = o.id), i.user_id";

OpportunityListed listed_of(const db::Row& r, const Date& today) {
  OpportunityListed l;
  l.id = r.integer(0);
  l.group_id = r.integer(1);
  l.group_name = r.string(2);
  l.title = r.string(3);
  l.time_asked = r.string(4);
  l.closes_on = r.string(5);
  l.audience = parse_audience(r.text(6)).value_or(Audience::members);
  l.state = state_on(parse_state(r.text(7)).value_or(State::draft), l.closes_on, today);
  l.interest_count = r.integer(8);
  l.mine = !r.null(9);
  return l;
}

/// The recording in four columns from `first` (up.id, up.public_id, up.mime, up.kind), when there is one.
std::optional<Recording> recording_of(const db::Row& r, int first) {
  if (r.null(first)) return std::nullopt;
  return Recording{r.integer(first), r.string(first + 1), r.string(first + 2), r.text(first + 3) == "video"};
}

}  // namespace

long long insert(soci::session& s, long long org_id, long long group_id, const OpportunityDetails& d, State state,
                 std::string_view create_key, long long actor, long long now) {
  long long id = 0;
  db::query(s,
            "INSERT INTO opportunities (org_id, group_id, title, description, time_asked, payment, support, "
            "closes_on, audience, state, create_key, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, "
            "$6, $7, $8, $9, $10, $11, $12, $13, $13) ON CONFLICT (org_id, create_key) DO NOTHING RETURNING id",
            {org_id, group_id, d.title, d.description, d.time_asked, d.payment, d.support, d.closes_on,
             audience_code(d.audience), state_code(state), create_key, actor, now},
            [&](const db::Row& r) { id = r.integer(0); });
  return id;
}

std::optional<long long> find_by_create_key(soci::session& s, long long org_id, std::string_view create_key) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM opportunities WHERE org_id = $1 AND create_key = $2", {org_id, create_key},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

std::optional<OpportunityForViewer> find_for_viewer(soci::session& s, long long org_id, long long id, long long viewer,
                                                    const Date& today) {
  std::optional<OpportunityForViewer> out;
  db::query(s,
            std::string("SELECT ") + kColumns +
                ", gm.role, i.created_at, i.message, i.help, i.shortlisted, i.selected, i.updated_at, i.told_at, "
                "up.id, up.public_id, up.mime, up.kind FROM opportunities o JOIN org_groups g ON g.id = o.group_id "
                "LEFT JOIN group_members gm ON gm.group_id = o.group_id AND gm.user_id = $3 LEFT JOIN "
                "opportunity_interest i ON i.opportunity_id = o.id AND i.user_id = $3 LEFT JOIN uploads up ON up.id = "
                "i.recording_upload_id WHERE o.id = $2 AND o.org_id = $1",
            {org_id, id, viewer}, [&](const db::Row& r) {
              OpportunityForViewer v;
              v.opportunity = opportunity_of(r, today);
              constexpr int c = kColumnCount;
              if (!r.null(c)) v.group_role = groups::parse_group_role(r.text(c));
              if (!r.null(c + 1)) {
                Interest i;
                i.user_id = viewer;
                i.created_at = r.integer(c + 1);
                i.message = r.string(c + 2);
                i.help = r.string(c + 3);
                i.shortlisted = r.integer(c + 4) != 0;
                i.selected = r.integer(c + 5) != 0;
                i.updated_at = r.integer(c + 6);
                if (!r.null(c + 7)) i.told_at = r.integer(c + 7);
                i.recording = recording_of(r, c + 8);
                v.mine = std::move(i);
              }
              out = std::move(v);
            });
  return out;
}

std::optional<Public> find_public(soci::session& s, std::string_view org_slug, long long id, const Date& today) {
  std::optional<Public> out;
  db::query(s,
            std::string("SELECT ") + kColumns +
                ", org.name, org.slug FROM opportunities o JOIN org_groups g ON g.id = o.group_id JOIN organisations "
                "org ON org.id = o.org_id WHERE o.id = $2 AND org.slug = $1 AND o.audience = 'public' AND o.state <> "
                "'draft'",
            {org_slug, id}, [&](const db::Row& r) {
              out = Public{r.string(kColumnCount), r.string(kColumnCount + 1), opportunity_of(r, today)};
            });
  return out;
}

bool hold_undecided(soci::session& s, long long id) {
  return db::query(s, "UPDATE opportunities SET updated_at = updated_at WHERE id = $1 AND state IN ('open', 'closed')",
                   {id}) > 0;
}

void update_details(soci::session& s, long long id, const OpportunityDetails& d, long long now) {
  db::query(
      s,
      "UPDATE opportunities SET title = $1, description = $2, time_asked = $3, payment = $4, support = $5, "
      "closes_on = $6, audience = $7, updated_at = $8 WHERE id = $9",
      {d.title, d.description, d.time_asked, d.payment, d.support, d.closes_on, audience_code(d.audience), now, id});
}

void set_state(soci::session& s, long long id, State state, long long now) {
  db::query(s, "UPDATE opportunities SET state = $1, updated_at = $2 WHERE id = $3", {state_code(state), now, id});
}

bool set_filled(soci::session& s, long long id, long long now) {
  return db::query(s,
                   "UPDATE opportunities SET state = 'filled', outcome_told_at = $1, updated_at = $1 WHERE id = $2 AND "
                   "state IN ('open', 'closed')",
                   {now, id}) > 0;
}

std::vector<OpportunityListed> list_open(soci::session& s, long long org_id, long long viewer, const Date& today) {
  std::vector<OpportunityListed> out;
  const std::string day = date_code(today);
  db::query(s,
            std::string("SELECT ") + kListColumns +
                " FROM opportunities o JOIN org_groups g ON g.id = o.group_id LEFT JOIN opportunity_interest i ON "
                "i.opportunity_id = o.id AND i.user_id = $2 WHERE o.org_id = $1 AND o.state = 'open' AND o.closes_on "
                ">= $3 AND g.archived_at IS NULL ORDER BY o.closes_on, o.id",
            {org_id, viewer, day}, [&](const db::Row& r) { out.push_back(listed_of(r, today)); });
  return out;
}

std::vector<OpportunityListed> list_for_group(soci::session& s, long long group_id, long long viewer,
                                              const Date& today) {
  std::vector<OpportunityListed> out;
  db::query(s,
            std::string("SELECT ") + kListColumns +
                " FROM opportunities o JOIN org_groups g ON g.id = o.group_id LEFT JOIN opportunity_interest i ON "
                "i.opportunity_id = o.id AND i.user_id = $2 WHERE o.group_id = $1 ORDER BY o.id DESC",
            {group_id, viewer}, [&](const db::Row& r) { out.push_back(listed_of(r, today)); });
  return out;
}

void upsert_interest(soci::session& s, long long id, long long org_id, long long user_id, std::string_view message,
                     std::string_view help, long long now) {
  const auto changed = db::query(s,
                                 "UPDATE opportunity_interest SET message = $1, help = $2, updated_at = $3 WHERE "
                                 "opportunity_id = $4 AND user_id = $5",
                                 {message, help, now, id, user_id});
  if (changed > 0) return;
  db::query(s,
            "INSERT INTO opportunity_interest (opportunity_id, org_id, user_id, message, help, created_at, updated_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $6)",
            {id, org_id, user_id, message, help, now});
}

bool delete_interest(soci::session& s, long long id, long long user_id) {
  return db::query(s, "DELETE FROM opportunity_interest WHERE opportunity_id = $1 AND user_id = $2", {id, user_id}) > 0;
}

std::vector<Interest> interests(soci::session& s, long long id) {
  std::vector<Interest> out;
  db::query(s,
            "SELECT i.user_id, u.name, i.message, i.help, i.shortlisted, i.selected, i.created_at, i.updated_at, "
            "i.told_at, up.id, up.public_id, up.mime, up.kind FROM opportunity_interest i JOIN users u ON u.id = "
            "i.user_id LEFT JOIN uploads up ON up.id = i.recording_upload_id WHERE i.opportunity_id = $1 ORDER BY "
            "i.created_at, i.user_id",
            {id}, [&](const db::Row& r) {
              Interest i;
              i.user_id = r.integer(0);
              i.name = r.string(1);
              i.message = r.string(2);
              i.help = r.string(3);
              i.shortlisted = r.integer(4) != 0;
              i.selected = r.integer(5) != 0;
              i.created_at = r.integer(6);
              i.updated_at = r.integer(7);
              if (!r.null(8)) i.told_at = r.integer(8);
              i.recording = recording_of(r, 9);
              out.push_back(std::move(i));
            });
  if (out.empty()) return out;
  std::map<long long, std::vector<MemberType>> types;
  db::query(s,
            "SELECT i.user_id, mt.type FROM opportunity_interest i JOIN member_types mt ON mt.org_id = i.org_id AND "
            "mt.user_id = i.user_id WHERE i.opportunity_id = $1 ORDER BY i.user_id, mt.type",
            {id}, [&](const db::Row& r) {
              if (auto t = organisations::parse_member_type(r.text(1))) types[r.integer(0)].push_back(*t);
            });
  for (auto& i : out) {
    if (auto it = types.find(i.user_id); it != types.end()) i.member_types = it->second;
  }
  return out;
}

std::optional<long long> recording_of(soci::session& s, long long id, long long user_id) {
  std::optional<long long> out;
  db::query(s,
            "SELECT recording_upload_id FROM opportunity_interest WHERE opportunity_id = $1 AND user_id = $2 AND "
            "recording_upload_id IS NOT NULL",
            {id, user_id}, [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

void set_recording(soci::session& s, long long id, long long user_id, std::optional<long long> upload_id) {
  db::query(s, "UPDATE opportunity_interest SET recording_upload_id = $1 WHERE opportunity_id = $2 AND user_id = $3",
            {upload_id ? db::Param(*upload_id) : db::Param(nullptr), id, user_id});
}

std::optional<RecordingAccess> recording_access(soci::session& s, long long upload_id, long long viewer) {
  std::optional<RecordingAccess> out;
  db::query(s,
            "SELECT o.org_id, o.state, o.closes_on, g.archived_at, gm.role FROM opportunity_interest i JOIN "
            "opportunities o ON o.id = i.opportunity_id JOIN org_groups g ON g.id = o.group_id LEFT JOIN "
            "group_members gm ON gm.group_id = o.group_id AND gm.user_id = $2 WHERE i.recording_upload_id = $1",
            {upload_id, viewer}, [&](const db::Row& r) {
              RecordingAccess a;
              a.org_id = r.integer(0);
              a.stored = parse_state(r.text(1)).value_or(State::draft);
              a.closes_on = r.string(2);
              a.group_archived = !r.null(3);
              if (!r.null(4)) a.group_role = groups::parse_group_role(r.text(4));
              out = std::move(a);
            });
  return out;
}

long long purge_unused_recordings(soci::session& s, long long before) {
  return db::query(s,
                   "DELETE FROM uploads WHERE purpose = $1 AND created_at < $2 AND NOT EXISTS (SELECT 1 FROM "
                   "opportunity_interest i WHERE i.recording_upload_id = uploads.id)",
                   {kRecordingPurposeCode, before});
}

bool set_shortlisted(soci::session& s, long long id, long long user_id, bool on) {
  return db::query(s, "UPDATE opportunity_interest SET shortlisted = $1 WHERE opportunity_id = $2 AND user_id = $3",
                   {on ? 1LL : 0LL, id, user_id}) > 0;
}

bool set_selected(soci::session& s, long long id, long long user_id, bool on) {
  return db::query(s, "UPDATE opportunity_interest SET selected = $1 WHERE opportunity_id = $2 AND user_id = $3",
                   {on ? 1LL : 0LL, id, user_id}) > 0;
}

std::vector<Untold> untold(soci::session& s, long long id) {
  std::vector<Untold> out;
  db::query(s,
            "SELECT i.user_id, u.email, u.name, u.lang, i.selected FROM opportunity_interest i JOIN users u ON u.id = "
            "i.user_id WHERE i.opportunity_id = $1 AND i.told_at IS NULL ORDER BY i.user_id",
            {id}, [&](const db::Row& r) {
              out.push_back({r.integer(0), r.string(1), r.string(2),
                             core::parse_lang(r.text(3)).value_or(core::Lang::en), r.integer(4) != 0});
            });
  return out;
}

void mark_told(soci::session& s, long long id, long long user_id, long long now) {
  db::query(s, "UPDATE opportunity_interest SET told_at = $1 WHERE opportunity_id = $2 AND user_id = $3",
            {now, id, user_id});
}

std::pair<std::string, std::string> org_of(soci::session& s, long long org_id) {
  std::pair<std::string, std::string> out;
  db::query(s, "SELECT name, slug FROM organisations WHERE id = $1", {org_id}, [&](const db::Row& r) {
    out = {r.string(0), r.string(1)};
  });
  return out;
}

long long count_for_org(soci::session& s, long long org_id) {
  long long n = 0;
  db::query(s, "SELECT COUNT(*) FROM opportunities WHERE org_id = $1", {org_id},
            [&](const db::Row& r) { n = r.integer(0); });
  return n;
}

}  // namespace roundtable::opportunities::store
