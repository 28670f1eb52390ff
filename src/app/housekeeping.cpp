#include "app/housekeeping.hpp"

#include <string>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "db/transaction.hpp"

namespace roundtable::app {

namespace {

long long run(soci::session& s, const char* sql, long long t) {
  soci::statement st = (s.prepare << sql, soci::use(t));
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace

std::vector<module::Retention> platform_retention(const Retention& keep) {
  return {
      {"sessions",
       [](soci::session& s, long long now) { return run(s, "DELETE FROM sessions WHERE expires_at <= :t", now); }},
      {"mail",
       [keep](soci::session& s, long long now) {
         return run(s, "DELETE FROM mail_outbox WHERE status = 'sent' AND sent_at < :t", now - keep.sent_mail) +
                run(s, "DELETE FROM mail_outbox WHERE status = 'failed' AND created_at < :t", now - keep.failed_mail);
       }},
  };
}

long long PurgeCounts::of(std::string_view rule) const {
  for (const auto& [name, n] : by_rule) {
    if (name == rule) return n;
  }
  return 0;
}

long long PurgeCounts::total() const {
  long long n = 0;
  for (const auto& r : by_rule) n += r.second;
  return n;
}

PurgeCounts purge_expired(soci::session& s, long long now, const std::vector<module::Retention>& rules) {
  PurgeCounts c;
  db::WriteTransaction tx(s);
  for (const auto& rule : rules) c.by_rule.emplace_back(std::string(rule.name), rule.purge(s, now));
  tx.commit();
  return c;
}

void Housekeeper::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] {
    while (true) {
      try {
        auto c = db_.run_sync(
            [this](soci::session& s) { return purge_expired(s, core::system_clock().now_seconds(), rules_); });
        if (c.total() > 0) {
          std::vector<std::pair<std::string, std::string>> fields;
          for (const auto& [name, n] : c.by_rule) fields.emplace_back(name, std::to_string(n));
          core::log::info("housekeeping", fields);
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
