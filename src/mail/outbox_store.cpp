#include "mail/outbox_store.hpp"

#include <soci/soci.h>

#include <chrono>

#include "db/rows.hpp"

namespace roundtable::mail::store {

long long enqueue(soci::session& s, const Message& m, long long now) {
  long long id = 0;
  std::string lang(core::lang_code(m.lang));
  s << "INSERT INTO mail_outbox (to_address, to_name, lang, subject, text_body, html_body, reply_to, "
       "list_unsubscribe, calendar, status, attempts, next_attempt_at, created_at) VALUES (:to, :name, :lang, "
       ":subject, :text, :html, :reply_to, :list_unsubscribe, :calendar, 'queued', 0, :now, :now2) RETURNING id",
      soci::use(m.to_address), soci::use(m.to_name), soci::use(lang), soci::use(m.subject), soci::use(m.text),
      soci::use(m.html), soci::use(m.reply_to), soci::use(m.list_unsubscribe), soci::use(m.calendar), soci::use(now),
      soci::use(now), soci::into(id);
  return id;
}

long long enqueue(soci::session& s, const Message& m) {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return enqueue(s, m, std::chrono::duration_cast<std::chrono::seconds>(now).count());
}

std::vector<Queued> claim_due(soci::session& s, long long now, long long lease_until, int limit) {
  std::vector<long long> ids;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id FROM mail_outbox WHERE (status = 'queued' AND next_attempt_at <= :now) "
                      "OR (status = 'sending' AND lease_until <= :now2) ORDER BY id LIMIT :lim",
         soci::use(now), soci::use(now), soci::use(limit));
    for (const auto& r : rows) ids.push_back(db::row_int(r, 0));
  }
  std::vector<Queued> out;
  for (long long id : ids) {
    // Another server may have taken it since the SELECT: only the UPDATE that changes the row wins.
    soci::statement claim =
        (s.prepare << "UPDATE mail_outbox SET status = 'sending', lease_until = :lease, attempts = attempts + 1 "
                      "WHERE id = :id AND ((status = 'queued' AND next_attempt_at <= :now) "
                      "OR (status = 'sending' AND lease_until <= :now2))",
         soci::use(lease_until), soci::use(id), soci::use(now), soci::use(now));
    claim.execute(true);
    if (claim.get_affected_rows() != 1) continue;
    soci::row r;
    s << "SELECT to_address, to_name, lang, subject, text_body, html_body, attempts, reply_to, list_unsubscribe, "
         "calendar FROM mail_outbox "
         "WHERE id = :id",
        soci::use(id), soci::into(r);
    Queued q;
    q.id = id;
    q.message.to_address = db::row_text(r, 0);
    q.message.to_name = db::row_text(r, 1);
    q.message.lang = core::parse_lang(db::row_text(r, 2)).value_or(core::Lang::en);
    q.message.subject = db::row_text(r, 3);
    q.message.text = db::row_text(r, 4);
    q.message.html = db::row_text(r, 5);
    q.attempts = static_cast<int>(db::row_int(r, 6));
    q.message.reply_to = db::row_text(r, 7);
    q.message.list_unsubscribe = db::row_text(r, 8);
    q.message.calendar = db::row_text(r, 9);
    out.push_back(std::move(q));
  }
  return out;
}

void mark_sent(soci::session& s, long long id, long long now) {
  s << "UPDATE mail_outbox SET status = 'sent', sent_at = :now, last_error = '', text_body = '', html_body = '', "
       "calendar = '' WHERE id = :id",
      soci::use(now), soci::use(id);
}

void mark_failed(soci::session& s, long long id, const std::string& error, std::optional<long long> next_attempt_at) {
  if (next_attempt_at) {
    long long next = *next_attempt_at;
    s << "UPDATE mail_outbox SET status = 'queued', next_attempt_at = :next, last_error = :error WHERE id = :id",
        soci::use(next), soci::use(error), soci::use(id);
  } else {
    s << "UPDATE mail_outbox SET status = 'failed', last_error = :error WHERE id = :id", soci::use(error),
        soci::use(id);
  }
}

void release(soci::session& s, long long id) {
  s << "UPDATE mail_outbox SET status = 'queued', lease_until = 0, attempts = attempts - 1 "
       "WHERE id = :id AND status = 'sending'",
      soci::use(id);
}

std::optional<Entry> find_by_id(soci::session& s, long long id) {
  soci::row r;
  s << "SELECT id, to_address, subject, status, attempts, next_attempt_at, last_error, created_at, sent_at "
       "FROM mail_outbox WHERE id = :id",
      soci::use(id), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  Entry e;
  e.id = db::row_int(r, 0);
  e.to_address = db::row_text(r, 1);
  e.subject = db::row_text(r, 2);
  e.status = db::row_text(r, 3);
  e.attempts = static_cast<int>(db::row_int(r, 4));
  e.next_attempt_at = db::row_int(r, 5);
  e.last_error = db::row_text(r, 6);
  e.created_at = db::row_int(r, 7);
  e.sent_at = db::row_int_or_null(r, 8);
  return e;
}

Counts counts(soci::session& s) {
  Counts c;
  soci::rowset<soci::row> rows = (s.prepare << "SELECT status, COUNT(*) FROM mail_outbox GROUP BY status");
  for (const auto& r : rows) {
    auto status = db::row_text(r, 0);
    auto n = db::row_int(r, 1);
    if (status == "queued") c.queued = n;
    if (status == "sending") c.sending = n;
    if (status == "sent") c.sent = n;
    if (status == "failed") c.failed = n;
  }
  return c;
}

}  // namespace roundtable::mail::store
