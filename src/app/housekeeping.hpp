/// Housekeeping: rows that have done their job are deleted on a schedule, so the database keeps no more personal
/// data than it needs (expired sessions and links, old sign-in failures, finished invitations, old email).
#pragma once

#include <soci/soci.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "db/database.hpp"
#include "module/module.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::app {

/// How long the platform's own rows are kept once they are no use, in seconds (modules keep their own times).
struct Retention {
  long long sent_mail = 30 * 24 * 60 * 60;    // after sending (the bodies are already gone)
  long long failed_mail = 90 * 24 * 60 * 60;  // after they were queued, so operators can see what failed
};

/// The platform's own rules: expired sessions, old email.
std::vector<module::Retention> platform_retention(const Retention& keep = {});

/// How many rows each rule deleted, in rule order.
struct PurgeCounts {
  std::vector<std::pair<std::string, long long>> by_rule;
  long long of(std::string_view rule) const;
  long long total() const;
};

/// Runs every rule at `now` (unix seconds), in one transaction.
PurgeCounts purge_expired(soci::session& s, long long now, const std::vector<module::Retention>& rules);

/// Runs purge_expired with its rules at start and then every `interval` on its own thread, logging what it deleted;
/// with a storage, also removes uploaded files that no row refers to any more (erased accounts, failed saves).
class Housekeeper {
 public:
  Housekeeper(db::Database& db, std::vector<module::Retention> rules, uploads::FolderStorage* storage = nullptr,
              std::chrono::seconds interval = std::chrono::hours(1))
      : db_(db), rules_(std::move(rules)), storage_(storage), interval_(interval) {}
  ~Housekeeper() { stop(); }
  Housekeeper(const Housekeeper&) = delete;
  Housekeeper& operator=(const Housekeeper&) = delete;

  void start();
  /// Stops after the pass in progress; safe to call twice.
  void stop();

 private:
  db::Database& db_;
  std::vector<module::Retention> rules_;
  uploads::FolderStorage* storage_;
  std::chrono::seconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace roundtable::app
