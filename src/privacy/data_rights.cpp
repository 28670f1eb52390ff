#include "privacy/data_rights.hpp"

#include <zip.h>

#include <boost/json.hpp>
#include <memory>
#include <stdexcept>

#include "accounts/account_store.hpp"
#include "audit/audit_store.hpp"
#include "db/transaction.hpp"
#include "organisations/organisation_service.hpp"
#include "organisations/organisation_store.hpp"
#include "privacy/personal_data.hpp"
#include "view/dates.hpp"
#include "view/html.hpp"

namespace roundtable::privacy {

namespace {

namespace json = boost::json;

/// Hashes of secrets (password, tokens, codes) are no use to the person and are left out of the download. A
/// session's id is the hash of its cookie token.
bool is_secret_column(std::string_view table, const std::string& name) {
  return name.ends_with("hash") || name.ends_with("secret") || name.ends_with("_key") ||
         (table == "sessions" && name == "id");
}

json::value cell(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return nullptr;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer: return r.get<int>(i);
    case soci::dt_long_long: return r.get<long long>(i);
    case soci::dt_unsigned_long_long: return r.get<unsigned long long>(i);
    case soci::dt_double: return r.get<double>(i);
    case soci::dt_string: return json::string(r.get<std::string>(i));
    default: return nullptr;
  }
}

struct TableRows {
  const PersonalTable* table = nullptr;
  std::vector<std::string> columns;
  json::array rows;
};

TableRows read_rows(soci::session& s, const PersonalTable& t, long long user_id, const std::string& email) {
  TableRows out{&t, {}, {}};
  const std::string sql =
      "SELECT * FROM " + std::string(t.table) + " WHERE " + std::string(t.person_column) + " = :who ORDER BY 1";
  auto read = [&](soci::rowset<soci::row>& rows) {
    for (const auto& r : rows) {
      if (out.columns.empty()) {
        for (std::size_t i = 0; i < r.size(); ++i) {
          if (!is_secret_column(t.table, r.get_properties(i).get_name()))
            out.columns.push_back(r.get_properties(i).get_name());
        }
      }
      json::object o;
      for (std::size_t i = 0; i < r.size(); ++i) {
        const auto& name = r.get_properties(i).get_name();
        if (!is_secret_column(t.table, name)) o[name] = cell(r, i);
      }
      out.rows.push_back(std::move(o));
    }
  };
  if (t.key == PersonKey::email) {
    soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(email));
    read(rows);
  } else {
    soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(user_id));
    read(rows);
  }
  return out;
}

/// A column name in words ("created_at" → "created at").
std::string words(std::string name) {
  for (auto& c : name) {
    if (c == '_') c = ' ';
  }
  return name;
}

bool is_time_column(const std::string& name) { return name.ends_with("_at"); }

std::string readable(const core::Translator& t, const std::string& column, const json::value& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_int64() && is_time_column(column)) return view::format_datetime(t, v.as_int64());
  return json::serialize(v);
}

std::string html_page(const core::Translator& t, const std::vector<TableRows>& tables, const std::string& name,
                      long long now) {
  view::Html h;
  h.raw("<!DOCTYPE html>\n<html lang=\"")
      .text(core::lang_code(t.lang()))
      .raw("\">\n<head>\n<meta charset=\"utf-8\">\n");
  h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  h.text(t("privacy.data.export.title")).raw("</title>\n<style>\n");
  h.raw(
      "body{font-family:sans-serif;line-height:1.5;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#0b0c0c}\n"
      "table{border-collapse:collapse;margin-bottom:2rem;display:block;overflow-x:auto}\n"
      "th,td{border:1px solid #b1b4b6;padding:.25rem .5rem;text-align:left;vertical-align:top}\n");
  h.raw("</style>\n</head>\n<body>\n<main>\n<h1>").text(t("privacy.data.export.title")).raw("</h1>\n<p>");
  h.text(core::format(t("privacy.data.export.intro"), {{"name", name}, {"date", view::format_datetime(t, now)}}));
  h.raw("</p>\n<p>").text(t("privacy.data.export.json")).raw("</p>\n");
  for (const auto& tr : tables) {
    h.raw("<h2>").text(t("data.table." + std::string(tr.table->table))).raw("</h2>\n");
    if (tr.rows.empty()) {
      h.raw("<p>").text(t("privacy.data.export.nothing")).raw("</p>\n");
      continue;
    }
    h.raw("<table>\n<thead><tr>");
    for (const auto& c : tr.columns) h.raw("<th scope=\"col\">").text(words(c)).raw("</th>");
    h.raw("</tr></thead>\n<tbody>\n");
    for (const auto& row : tr.rows) {
      h.raw("<tr>");
      for (const auto& c : tr.columns) {
        const auto* v = row.as_object().if_contains(c);
        h.raw("<td>").text(v ? readable(t, c, *v) : "").raw("</td>");
      }
      h.raw("</tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
  }
  h.raw("</main>\n</body>\n</html>\n");
  return h.take();
}

}  // namespace

std::vector<ExportFile> export_person(soci::session& s, const std::vector<PersonalTable>& register_, long long user_id,
                                      core::Lang lang, long long now) {
  auto user = accounts::store::find_user_by_id(s, user_id);
  if (!user) return {};
  std::vector<TableRows> tables;
  json::object data;
  data["exported_at"] = now;
  json::object by_table;
  for (const auto& t : register_) {
    if (!t.exported) continue;
    auto rows = read_rows(s, t, user_id, user->email);
    json::object entry;
    entry["holds"] = json::string(t.holds);
    entry["rows"] = rows.rows;
    by_table[t.table] = std::move(entry);
    tables.push_back(std::move(rows));
  }
  data["tables"] = std::move(by_table);
  core::Translator tr(core::Messages::embedded(), lang);
  return {{"data.json", json::serialize(data) + "\n"}, {"index.html", html_page(tr, tables, user->name, now)}};
}

std::string zip_files(const std::vector<ExportFile>& files) {
  zip_error_t error;
  zip_error_init(&error);
  struct SourceFree {
    void operator()(zip_source_t* src) const { zip_source_free(src); }
  };
  std::unique_ptr<zip_source_t, SourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) throw std::runtime_error("zip: " + std::string(zip_error_strerror(&error)));
  zip_source_keep(buffer.get());  // zip_close must not free the buffer that holds the result
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer.get());  // undo the keep
    throw std::runtime_error("zip: " + std::string(zip_error_strerror(&error)));
  }
  for (const auto& f : files) {
    zip_source_t* src = zip_source_buffer(archive, f.content.data(), f.content.size(), 0);
    if (!src || zip_file_add(archive, f.name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
      if (src) zip_source_free(src);
      std::string why = zip_strerror(archive);
      zip_discard(archive);
      throw std::runtime_error("zip: " + why);
    }
  }
  if (zip_close(archive) < 0) {
    std::string why = zip_strerror(archive);
    zip_discard(archive);
    throw std::runtime_error("zip: " + why);
  }
  std::string out;
  if (zip_source_open(buffer.get()) < 0) throw std::runtime_error("zip: cannot read the archive");
  zip_source_seek(buffer.get(), 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer.get());
  zip_source_seek(buffer.get(), 0, SEEK_SET);
  out.resize(static_cast<std::size_t>(size < 0 ? 0 : size));
  const zip_int64_t got = zip_source_read(buffer.get(), out.data(), out.size());
  zip_source_close(buffer.get());
  if (got != size) throw std::runtime_error("zip: short read");
  return out;
}

EraseResult erase_person(soci::session& s, const std::vector<PersonalTable>& register_, db::SearchIndex& search,
                         long long user_id) {
  EraseResult result;
  auto user = accounts::store::find_user_by_id(s, user_id);
  if (!user) return result;
  if (auto org = organisations::sole_admin_of(s, user_id)) {
    result.outcome = EraseOutcome::last_admin;
    result.org_name = *org;
    return result;
  }
  auto memberships = organisations::store::memberships_of(s, user_id);
  db::WriteTransaction tx(s);
  for (const auto& m : memberships) {
    search.remove(s, "member", std::to_string(m.org_id) + ":" + std::to_string(user_id));
  }
  const PersonalTable* users = nullptr;
  for (const auto& t : register_) {
    if (t.erasure != Erasure::remove || t.key == PersonKey::member_ref) continue;
    if (t.table == "users") {
      users = &t;
      continue;
    }
    const std::string sql =
        "DELETE FROM " + std::string(t.table) + " WHERE " + std::string(t.person_column) + " = :who";
    if (t.key == PersonKey::email) {
      s << sql, soci::use(user->email);
    } else {
      s << sql, soci::use(user_id);
    }
  }
  if (users) s << "DELETE FROM users WHERE id = :who", soci::use(user_id);
  for (const auto& m : memberships) {
    audit::store::record(s, {m.org_id, user_id, user_id, audit::action::kAccountErased, ""});
  }
  audit::store::record(s, {std::nullopt, user_id, user_id, audit::action::kAccountErased, ""});
  tx.commit();
  result.outcome = EraseOutcome::erased;
  return result;
}

}  // namespace roundtable::privacy
