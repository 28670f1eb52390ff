/// Use cases for a person's data rights: downloading everything Roundtable holds about them, and erasing their
/// account, both driven by the register of every module's personal tables.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/search.hpp"
#include "privacy/data_rights.hpp"
#include "privacy/personal_data.hpp"

namespace roundtable::privacy {

class PrivacyService {
 public:
  PrivacyService(db::Database& db, db::SearchIndex& search, const core::Clock& clock = core::system_clock())
      : db_(db), search_(search), clock_(clock) {}

  /// Files to add to a person's data download besides data.json and index.html, as (name in the zip, bytes): the
  /// files they uploaded. Runs on a database thread.
  using ExportExtras =
      std::function<std::vector<std::pair<std::string, std::string>>(soci::session& s, long long user_id)>;
  void set_export_extras(ExportExtras extras) { export_extras_ = std::move(extras); }
  /// Every module's tables with personal data (app/modules.cpp gathers them), for download and erasure; none until
  /// set.
  void set_personal_tables(std::vector<PersonalTable> tables) { personal_tables_ = std::move(tables); }
  const std::vector<PersonalTable>& personal_tables_register() const { return personal_tables_; }

  /// Everything held about the person as a zip (data.json, and index.html in `lang`); audited as data_exported.
  boost::asio::awaitable<std::string> export_data(long long user_id, core::Lang lang);
  /// The organisation the person is the only admin of (so their account cannot be deleted yet), if any.
  boost::asio::awaitable<std::optional<std::string>> sole_admin_of(long long user_id);
  /// Erases the account (see erase_person); every session of the person ends with it.
  boost::asio::awaitable<EraseResult> erase_account(long long user_id);

 private:
  db::Database& db_;
  db::SearchIndex& search_;
  const core::Clock& clock_;
  ExportExtras export_extras_;
  std::vector<PersonalTable> personal_tables_;
};

}  // namespace roundtable::privacy
