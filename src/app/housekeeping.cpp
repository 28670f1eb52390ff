#include "app/housekeeping.hpp"

#include <string>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "db/transaction.hpp"

namespace roundtable::app {

namespace {

long long run(soci::session& s, const std::string& sql, long long t) {
  soci::statement st = (s.prepare << sql, soci::use(t));
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace

PurgeCounts purge_expired(soci::session& s, long long now, const Retention& keep) {
  PurgeCounts c;
  db::WriteTransaction tx(s);
  c.sessions = run(s, "DELETE FROM sessions WHERE expires_at <= :t", now);
  c.sign_in_failures = run(s, "DELETE FROM sign_in_failures WHERE at < :t", now - keep.sign_in_failures);
  c.password_resets = run(s, "DELETE FROM password_resets WHERE expires_at < :t", now - keep.used_links);
  c.sign_in_links = run(s, "DELETE FROM sign_in_links WHERE expires_at < :t", now - keep.used_links);
  c.two_step_challenges = run(s, "DELETE FROM two_step_challenges WHERE expires_at < :t", now - keep.used_links);
  {
    // Finished (accepted or cancelled) or expired, longer ago than the retention.
    const long long t = now - keep.invitations;
    soci::statement st = (s.prepare << "DELETE FROM invitations WHERE (accepted_at IS NOT NULL AND accepted_at < :a) "
                                       "OR (revoked_at IS NOT NULL AND revoked_at < :b) OR expires_at < :c",
                          soci::use(t), soci::use(t), soci::use(t));
    st.execute(true);
    c.invitations = st.get_affected_rows();
  }
  c.mail = run(s, "DELETE FROM mail_outbox WHERE status = 'sent' AND sent_at < :t", now - keep.sent_mail);
  c.mail += run(s, "DELETE FROM mail_outbox WHERE status = 'failed' AND created_at < :t", now - keep.failed_mail);
  tx.commit();
  return c;
}

void Housekeeper::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] {
    while (true) {
      try {
        auto c = db_.run_sync([](soci::session& s) { return purge_expired(s, core::system_clock().now_seconds()); });
        if (c.total() > 0) {
          core::log::info("housekeeping", {{"sessions", std::to_string(c.sessions)},
                                           {"sign_in_failures", std::to_string(c.sign_in_failures)},
                                           {"password_resets", std::to_string(c.password_resets)},
                                           {"sign_in_links", std::to_string(c.sign_in_links)},
                                           {"two_step_challenges", std::to_string(c.two_step_challenges)},
                                           {"invitations", std::to_string(c.invitations)},
                                           {"mail", std::to_string(c.mail)}});
        }
        if (storage_) {
          // An hour is far longer than any save's transaction, so a file whose row is about to commit stays.
          const size_t files = db_.run_sync(
              [this](soci::session& s) { return uploads::sweep_orphan_files(s, *storage_, std::chrono::hours(1)); });
          if (files > 0) core::log::info("housekeeping_files", {{"removed", std::to_string(files)}});
        }
      } catch (const std::exception& e) {
        core::log::warn("housekeeping_failed", {{"error", e.what()}});
      }
      std::unique_lock lock(mu_);
      if (cv_.wait_for(lock, interval_, [this] { return stopping_; })) return;
    }
  });
}

void Housekeeper::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace roundtable::app
