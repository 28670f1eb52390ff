/// The SQL for sign-in by email (table sign_in_links): a link and a 6-digit code that work in one browser.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace roundtable::accounts::store {

struct SignInLink {
  long long id = 0;
  long long user_id = 0;
  std::string token_hash;
  std::string code_hash;
  std::string browser_hash;
  std::string next_path;
  long long expires_at = 0;
  std::optional<long long> used_at;
  int wrong_codes = 0;
};

void insert_sign_in_link(soci::session& s, long long user_id, const std::string& token_hash,
                         const std::string& code_hash, const std::string& browser_hash, const std::string& next_path,
                         long long now, long long expires_at);
/// How many sign-in emails were made for the person since the given time.
long long count_sign_in_links(soci::session& s, long long user_id, long long since);
/// The request whose emailed link this is (used or not, expired or not).
std::optional<SignInLink> find_sign_in_link_by_token(soci::session& s, const std::string& token_hash);
/// The requests made in this browser that are unused and not expired, newest first.
std::vector<SignInLink> find_open_sign_in_links_by_browser(soci::session& s, const std::string& browser_hash,
                                                           long long now);
/// Counts a wrong code; the request is used up at `limit` wrong codes. Returns the new count.
int record_wrong_code(soci::session& s, long long id, int limit, long long now);
/// Marks every open request of the person used (one has just signed them in).
void use_sign_in_links(soci::session& s, long long user_id, long long now);

}  // namespace roundtable::accounts::store
