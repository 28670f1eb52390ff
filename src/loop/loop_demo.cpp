#include "loop/loop_demo.hpp"

#include <string>

#include "core/clock.hpp"
#include "core/london_time.hpp"
#include "db/query.hpp"

namespace roundtable::loop {

namespace {

using core::kDay;

struct DemoChange {
  /// "topic" (by title) or "proposal" (by its demo create key).
  const char* kind;
  const char* find;
  Status status;
  const char* detail;
  const char* you_said;
  /// Days ago.
  long long ago;
  /// For not_now: days from now.
  long long until_in = 0;
  /// What happened in easy read (for the easy-read "You said, we did"); "" for none.
  const char* easy_read = "";
};

const DemoChange kChanges[] = {
    {"topic", "Can board meetings be in the evening?", Status::under_way, "We asked everyone which times suit them.",
     "Could board meetings be in the evening, so carers can come?", 8},
    {"topic", "Can board meetings be in the evening?", Status::changed,
     "Board meetings now start at 6pm, with a light supper. Staff who come take the time back the next morning.",
     "Could board meetings be in the evening, so carers can come?", 6, 0,
     "Board meetings start at 6 in the evening now.\nThere is food at the meeting."},
    {"topic", "Booking respite: what went wrong for you?", Status::under_way,
     "Your stories went to the respite project. They are testing the new booking form with carers.",
     "Booking a short break is too hard: long phone calls, and the same questions again and again.", 3},
    {"topic", "What should the strategy say about young carers?", Status::not_now,
     "We will plan it with the young carers' group after the summer holidays.",
     "The strategy should have a section written with young carers themselves.", 1, 120,
     "We will do this with the young carers' group.\nWe will start after the summer holidays."},
    {"proposal", "demo-decision-summer-event", Status::under_way, "We are booking the venue that got most votes.",
     "Where should the summer event be?", 1},
};

/// "YYYY-MM-DD" of an instant (UTC).
std::string day_code(long long unix_seconds) {
  const auto w = core::civil_from_days(unix_seconds / kDay);
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  return std::to_string(w.year) + "-" + two(w.month) + "-" + two(w.day);
}

}  // namespace

int load_demo(db::Database& db, LoopService& service, long long now) {
  struct Found {
    long long org = 0, tom = 0;
    bool existing = false;
  };
  const auto found = db.run_sync([&](soci::session& s) {
    Found f;
    db::query(s, "SELECT id FROM organisations WHERE slug = $1", {std::string_view("demo")},
              [&](const db::Row& r) { f.org = r.integer(0); });
    db::query(s, "SELECT id FROM users WHERE email = $1", {std::string_view("tom@demo.example")},
              [&](const db::Row& r) { f.tom = r.integer(0); });
    db::query(s, "SELECT 1 FROM loop_changes WHERE org_id = $1 AND change_key LIKE 'demo-loop-%'", {f.org},
              [&](const db::Row&) { f.existing = true; });
    return f;
  });
  if (found.org == 0 || found.tom == 0 || found.existing) return 0;
  int written = 0;
  int n = 0;
  for (const auto& c : kChanges) {
    ++n;
    const std::string kind = c.kind;
    const auto id = db.run_sync([&](soci::session& s) {
      long long out = 0;
      db::query(s,
                kind == "topic" ? "SELECT id FROM discussion_topics WHERE org_id = $1 AND title = $2"
                                : "SELECT id FROM decisions WHERE org_id = $1 AND create_key = $2",
                {found.org, std::string_view(c.find)}, [&](const db::Row& r) { out = r.integer(0); });
      return out;
    });
    if (id == 0) continue;
    NewChange change;
    change.status = c.status;
    change.detail = c.detail;
    change.you_said = c.you_said;
    change.easy_read = c.easy_read;
    if (c.until_in > 0) change.until = day_code(now + c.until_in * kDay);
    change.change_key = "demo-loop-" + std::to_string(n);
    // In this order, oldest first for each contribution: the last one is its status now.
    const long long at = now - c.ago * kDay;
    if (service.set_status_now(found.org, kind, id, found.tom, change, at) == Saved::done) ++written;
  }
  return written;
}

}  // namespace roundtable::loop
