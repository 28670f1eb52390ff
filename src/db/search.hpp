/// Full-text search over documents that features register: SQLite FTS5 or PostgreSQL tsvector behind one interface.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace roundtable::db {

struct SearchDocument {
  /// nullopt: public, findable by anyone (unless it belongs to a group).
  std::optional<long long> org_id;
  /// What it is ("post", "project" ...) and its id within that kind.
  std::string kind;
  std::string ref;
  std::string lang = "en";
  std::string title;
  std::string body;
  /// Where the document is shown (a local path), or empty.
  std::string url;
  /// The group whose members alone may find it (a discussion's topics and replies), whatever org_id says; nullopt:
  /// not tied to a group, found by org_id's rule. Last, so documents written without it keep their meaning.
  std::optional<long long> group_id;
};

struct SearchQuery {
  std::string text;
  /// Organisations whose private documents the searcher may see; public documents are always included.
  std::vector<long long> org_ids;
  /// Groups whose documents the searcher may see (the groups they are in). A group's documents are found only
  /// through this list, never through org_ids or as public documents.
  std::vector<long long> group_ids;
  /// Only these kinds (empty: all).
  std::vector<std::string> kinds;
  size_t limit = 20;
  size_t offset = 0;
};

struct SearchHit {
  std::string kind;
  std::string ref;
  std::string title;
  /// The start of the body, plain text.
  std::string excerpt;
  std::string url;
  /// The language the document is written in ("en" or "cy").
  std::string lang;
  /// The organisation it belongs to ("" for public documents).
  std::string org_name;
  /// When it last changed (unix seconds).
  long long updated_at = 0;
  /// The group it belongs to ("" when it belongs to none). Only the group's members find it, so they may see the
  /// group's name. Read with the hits, in the same query (org_groups, src/groups).
  std::string group_name;
};

/// A public document in full (for documents without a page of their own, such as the demo's stories).
struct PublicDocument {
  std::string title;
  std::string body;
  std::string lang;
  long long updated_at = 0;
};

/// The public document (org_id and group_id NULL) of this kind and ref, if there is one.
std::optional<PublicDocument> find_public_document(soci::session& s, std::string_view kind, std::string_view ref);

/// Matches are counted up to this many; beyond it the page says "more than 1,000".
inline constexpr long long kSearchCountLimit = 1000;

struct SearchResult {
  std::vector<SearchHit> hits;
  /// How many documents match, at most kSearchCountLimit.
  long long total = 0;
  /// True when more than kSearchCountLimit documents match.
  bool more = false;
};

/// Turns what a person typed into search terms: words of letters and digits, lower-cased, at most 8.
/// The last term also matches longer words (as a prefix) when it has at least 3 characters, unless the words as
/// typed already match more than kSearchCountLimit documents.
std::vector<std::string> search_terms(std::string_view text);

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;
  /// Adds or replaces the document with this kind and ref. Call inside the feature's transaction.
  virtual void upsert(soci::session& s, const SearchDocument& doc) = 0;
  /// Removes the document if present.
  virtual void remove(soci::session& s, const std::string& kind, const std::string& ref) = 0;
  /// Every term must match (the last may be a prefix). Best matches first when at most kSearchCountLimit documents
  /// match; beyond that, newest first, because ranking every match of a common word costs far more than a page
  /// may take (docs/PERFORMANCE.md).
  virtual SearchResult search(soci::session& s, const SearchQuery& query) = 0;
};

/// The implementation for a backend.
std::unique_ptr<SearchIndex> make_search_index(Backend backend);

}  // namespace roundtable::db
