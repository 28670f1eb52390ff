#include "db/search.hpp"

#include <soci/soci.h>

#include <cctype>
#include <chrono>
#include <sstream>

#include "core/clock.hpp"
#include "db/query.hpp"

namespace roundtable::db {

namespace {

std::string excerpt_of(const std::string& body) {
  constexpr size_t kMax = 200;
  if (body.size() <= kMax) return body;
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
  auto space = body.rfind(' ', cut);
  if (space != std::string::npos && space > kMax / 2) cut = space;
  return body.substr(0, cut) + "…";
}

/// The shared WHERE clause for visibility and kinds, its values appended to params. A document of a group is found
/// only by the group's members (its group_id in group_ids), whatever its org_id; any other document is found when it
/// is public or belongs to one of org_ids. Lists of ids are padded (db::id_list), so the text takes few forms.
std::string scope_clause(const SearchQuery& q, const char* table, std::vector<Param>& params) {
  const std::string t = table;
  std::string by_org = "(" + t + ".org_id IS NULL";
  if (!q.org_ids.empty()) by_org += " OR " + t + ".org_id IN (" + id_list(params, q.org_ids) + ")";
  by_org += ")";
  std::string sql;
  if (q.group_ids.empty()) {
    sql = " AND " + t + ".group_id IS NULL AND " + by_org;
  } else {
    sql = " AND ((" + t + ".group_id IS NULL AND " + by_org + ") OR " + t + ".group_id IN (" +
          id_list(params, q.group_ids) + "))";
  }
  if (!q.kinds.empty()) {
    sql += " AND " + t + ".kind IN (";
    for (size_t i = 0; i < q.kinds.size(); ++i) {
      params.emplace_back(std::string_view(q.kinds[i]));
      sql += (i ? ", $" : "$") + std::to_string(params.size());
    }
    sql += ")";
  }
  return sql;
}

/// A short last word ("a", "co") as a prefix would match a large part of the index; it must match whole.
bool is_prefix_term(const std::string& term) {
  size_t chars = 0;
  for (unsigned char c : term) chars += (c & 0xC0) != 0x80;
  return chars >= 3;
}

/// The statements a search runs around its own on one backend: on PostgreSQL, planning them for their values and
/// then the connection's kept statements once again (ADR 0056). Each travels in a batch with the search's statements.
struct Around {
  const char* before = nullptr;
  const char* after = nullptr;
};

/// exact_expr matches the words as typed; prefix_expr also lets the last word match longer words (the same
/// when the last word is short). When the words as typed already match more than the limit, the prefix is not
/// used (and expanding it costs more than the whole page: docs/PERFORMANCE.md). Ranked_order is used when few
/// documents match; newest_order (no score per match) otherwise. from_where names the match expression $1.
///
/// Each count stops after one more than kSearchCountLimit, so a common word costs no more than a rare one. On
/// PostgreSQL each step is one round trip: the setting with the first count, the prefix's count when it is needed, and
/// the page with the setting back.
SearchResult run_search(soci::session& s, const SearchQuery& q, const std::string& exact_expr,
                        const std::string& prefix_expr, const std::string& from_where, const std::string& ranked_order,
                        const std::string& newest_order, Around around) {
  SearchResult result;
  const bool prefix = prefix_expr != exact_expr;
  std::vector<Param> scope_params{std::string_view(exact_expr)};
  const std::string scope = scope_clause(q, "d", scope_params);
  const long long cap = kSearchCountLimit + 1;
  const std::string count_sql = "SELECT COUNT(*) FROM (SELECT 1 " + from_where + scope + " LIMIT $" +
                                std::to_string(scope_params.size() + 1) + ") counted";
  const auto counted = [&](const std::string& expr, const char* before) {
    std::vector<Param> params = scope_params;
    params[0] = std::string_view(expr);
    params.emplace_back(cap);
    long long n = 0;
    Batch counts(s);
    if (before) counts.add(before, {}, nullptr);
    counts.add(count_sql, params, [&](const Row& r) { n = r.integer(0); });
    // An error ends the batch's transaction, and the setting it made with it.
    counts.run();
    return n;
  };
  std::string match_expr = exact_expr;
  long long total = counted(exact_expr, around.before);
  try {
    if (total <= kSearchCountLimit && prefix) {
      match_expr = prefix_expr;
      total = counted(prefix_expr, nullptr);
    }
    result.more = total > kSearchCountLimit;
    result.total = result.more ? kSearchCountLimit : total;
    Batch page(s);
    if (result.total > 0 && q.offset < static_cast<size_t>(result.total)) {
      std::vector<Param> params = scope_params;
      params[0] = std::string_view(match_expr);
      params.emplace_back(static_cast<long long>(q.limit));
      params.emplace_back(static_cast<long long>(q.offset));
      const std::string sql =
          "SELECT d.kind, d.ref, d.title, d.body, d.url, d.lang, d.updated_at, "
          "COALESCE((SELECT o.name FROM organisations o WHERE o.id = d.org_id), ''), "
          "COALESCE((SELECT g.name FROM org_groups g WHERE g.id = d.group_id), '') " +
          from_where + scope + " ORDER BY " + (result.more ? newest_order : ranked_order) + " LIMIT $" +
          std::to_string(params.size() - 1) + " OFFSET $" + std::to_string(params.size());
      page.add(sql, params, [&](const Row& r) {
        result.hits.push_back(SearchHit{r.string(0), r.string(1), r.string(2), excerpt_of(r.string(3)), r.string(4),
                                        r.string(5), r.string(7), r.integer(6), r.string(8)});
      });
    }
    if (around.after) page.add(around.after, {}, nullptr);
    page.run();
  } catch (...) {
    // The first count's setting was kept; an error since then undid only its own batch's: set it back on its own.
    if (around.after) {
      try {
        query(s, around.after, {}, nullptr);
      } catch (...) {
        // A broken connection is opened again, with the setting, before its next use.
      }
    }
    throw;
  }
  return result;
}

class SqliteSearch final : public SearchIndex {
 public:
  void upsert(soci::session& s, const SearchDocument& doc) override {
    remove(s, doc.kind, doc.ref);
    long long now = core::system_clock().now_seconds();
    soci::indicator org_ind = doc.org_id ? soci::i_ok : soci::i_null;
    long long org = doc.org_id.value_or(0);
    soci::indicator group_ind = doc.group_id ? soci::i_ok : soci::i_null;
    long long group = doc.group_id.value_or(0);
    s << "INSERT INTO search_documents (org_id, group_id, kind, ref, lang, title, body, url, updated_at) "
         "VALUES (:org, :grp, :kind, :ref, :lang, :title, :body, :url, :now)",
        soci::use(org, org_ind), soci::use(group, group_ind), soci::use(doc.kind), soci::use(doc.ref),
        soci::use(doc.lang), soci::use(doc.title), soci::use(doc.body), soci::use(doc.url), soci::use(now);
    long long id = 0;
    s << "SELECT last_insert_rowid()", soci::into(id);
    s << "INSERT INTO search_fts (rowid, title, body) VALUES (:id, :title, :body)", soci::use(id), soci::use(doc.title),
        soci::use(doc.body);
  }

  void remove(soci::session& s, const std::string& kind, const std::string& ref) override {
    long long id = 0;
    std::string title, body;
    soci::indicator ind;
    s << "SELECT id, title, body FROM search_documents WHERE kind = :kind AND ref = :ref", soci::into(id, ind),
        soci::into(title), soci::into(body), soci::use(kind), soci::use(ref);
    if (!s.got_data() || ind != soci::i_ok) return;
    s << "INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', :id, :title, :body)", soci::use(id),
        soci::use(title), soci::use(body);
    s << "DELETE FROM search_documents WHERE id = :id", soci::use(id);
  }

  SearchResult search(soci::session& s, const SearchQuery& q) override {
    auto terms = search_terms(q.text);
    if (terms.empty()) return {};
    std::string expr;
    for (size_t i = 0; i < terms.size(); ++i) expr += (i ? " \"" : "\"") + terms[i] + "\"";
    const std::string prefix = is_prefix_term(terms.back()) ? expr + "*" : expr;
    return run_search(s, q, expr, prefix,
                      "FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid WHERE search_fts MATCH $1",
                      "bm25(search_fts, 2.0, 1.0), d.id DESC", "search_fts.rowid DESC", {});
  }
};

class PostgresSearch final : public SearchIndex {
 public:
  void upsert(soci::session& s, const SearchDocument& doc) override {
    long long now = core::system_clock().now_seconds();
    soci::indicator org_ind = doc.org_id ? soci::i_ok : soci::i_null;
    long long org = doc.org_id.value_or(0);
    soci::indicator group_ind = doc.group_id ? soci::i_ok : soci::i_null;
    long long group = doc.group_id.value_or(0);
    s << "INSERT INTO search_documents (org_id, group_id, kind, ref, lang, title, body, url, updated_at) "
         "VALUES (:org, :grp, :kind, :ref, :lang, :title, :body, :url, :now) "
         "ON CONFLICT (kind, ref) DO UPDATE SET org_id = EXCLUDED.org_id, group_id = EXCLUDED.group_id, "
         "lang = EXCLUDED.lang, title = EXCLUDED.title, body = EXCLUDED.body, url = EXCLUDED.url, "
         "updated_at = EXCLUDED.updated_at",
        soci::use(org, org_ind), soci::use(group, group_ind), soci::use(doc.kind), soci::use(doc.ref),
        soci::use(doc.lang), soci::use(doc.title), soci::use(doc.body), soci::use(doc.url), soci::use(now);
  }

  void remove(soci::session& s, const std::string& kind, const std::string& ref) override {
    s << "DELETE FROM search_documents WHERE kind = :kind AND ref = :ref", soci::use(kind), soci::use(ref);
  }

  SearchResult search(soci::session& s, const SearchQuery& q) override {
    auto terms = search_terms(q.text);
    if (terms.empty()) return {};
    std::string expr;
    for (size_t i = 0; i < terms.size(); ++i) expr += (i ? " & " : "") + terms[i];
    const std::string prefix = is_prefix_term(terms.back()) ? expr + ":*" : expr;
    // Planned for its words and its page, not once for any (the connection's setting for kept statements, ADR 0056):
    // generic plans cost a common word's search a tenth of its speed.
    return run_search(s, q, expr, prefix,
                      "FROM search_documents d, to_tsquery('simple', $1) query WHERE d.tsv @@ query",
                      "ts_rank(d.tsv, query) DESC, d.id DESC", "d.id DESC",
                      {.before = "SET plan_cache_mode TO auto", .after = "SET plan_cache_mode TO force_generic_plan"});
  }
};

}  // namespace

std::vector<std::string> search_terms(std::string_view text) {
  std::vector<std::string> terms;
  std::string current;
  auto flush = [&] {
    if (!current.empty() && terms.size() < 8) terms.push_back(current);
    current.clear();
  };
  for (unsigned char c : text) {
    if (c >= 0x80 || std::isalnum(c)) {
      current.push_back(static_cast<char>(c < 0x80 ? std::tolower(c) : c));
      if (current.size() > 64) current.resize(64);
    } else {
      flush();
    }
  }
  flush();
  return terms;
}

std::optional<PublicDocument> find_public_document(soci::session& s, std::string_view kind, std::string_view ref) {
  std::optional<PublicDocument> out;
  db::query(
      s,
      "SELECT title, body, lang, updated_at FROM search_documents WHERE kind = $1 AND ref = $2 AND org_id IS NULL "
      "AND group_id IS NULL",
      {kind, ref}, [&](const Row& r) {
        out = PublicDocument{r.string(0), r.string(1), r.string(2), r.integer(3)};
      });
  return out;
}

std::unique_ptr<SearchIndex> make_search_index(Backend backend) {
  if (backend == Backend::sqlite) return std::make_unique<SqliteSearch>();
  return std::make_unique<PostgresSearch>();
}

}  // namespace roundtable::db
