/// Housekeeping: rows that have done their job are deleted on a schedule, so the database keeps no more personal
/// data than it needs (expired sessions and links, old sign-in failures, finished invitations, old email).
#pragma once

#include <soci/soci.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "db/database.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::app {

/// How long rows are kept once they are no use, in seconds.
struct Retention {
  long long sign_in_failures = 60 * 60;  // the limits look back 15 minutes
  long long used_links = 24 * 60 * 60;   // reset and sign-in links and waiting two-step sign-ins, after they expire
  long long invitations = 30 * 24 * 60 * 60;  // after they are accepted, cancelled or expire
  long long sent_mail = 30 * 24 * 60 * 60;    // after sending (the bodies are already gone)
  long long failed_mail = 90 * 24 * 60 * 60;  // after they were queued, so operators can see what failed
};

struct PurgeCounts {
  long long sessions = 0;
  long long sign_in_failures = 0;
  long long password_resets = 0;
  long long sign_in_links = 0;
  long long two_step_challenges = 0;
  long long invitations = 0;
  long long mail = 0;
  long long total() const {
    return sessions + sign_in_failures + password_resets + sign_in_links + two_step_challenges + invitations + mail;
  }
};

/// Deletes what has expired at `now` (unix seconds), in one transaction.
PurgeCounts purge_expired(soci::session& s, long long now, const Retention& keep = {});

/// Runs purge_expired at start and then every `interval` on its own thread, logging what it deleted; with a
/// storage, also removes uploaded files that no row refers to any more (erased accounts, failed saves).
class Housekeeper {
 public:
  Housekeeper(db::Database& db, uploads::FolderStorage* storage = nullptr,
              std::chrono::seconds interval = std::chrono::hours(1))
      : db_(db), storage_(storage), interval_(interval) {}
  ~Housekeeper() { stop(); }
  Housekeeper(const Housekeeper&) = delete;
  Housekeeper& operator=(const Housekeeper&) = delete;

  void start();
  /// Stops after the pass in progress; safe to call twice.
  void stop();

 private:
  db::Database& db_;
  uploads::FolderStorage* storage_;
  std::chrono::seconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace roundtable::app
