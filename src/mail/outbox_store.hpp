/// The only place mail outbox SQL lives. enqueue() belongs inside the transaction of the change that sends mail.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mail/message.hpp"

namespace soci {
class session;
}

namespace roundtable::mail::store {

struct Queued {
  long long id = 0;
  Message message;
  int attempts = 0;
};

/// One outbox row as the worker and operators see it (without the bodies).
struct Entry {
  long long id = 0;
  std::string to_address;
  std::string subject;
  /// "queued", "sending", "sent" or "failed".
  std::string status;
  int attempts = 0;
  long long next_attempt_at = 0;
  std::string last_error;
  long long created_at = 0;
  std::optional<long long> sent_at;
};

struct Counts {
  long long queued = 0;
  long long sending = 0;
  long long sent = 0;
  long long failed = 0;
};

/// Adds a message to send as soon as possible (from `now`, unix seconds); returns its id.
long long enqueue(soci::session& s, const Message& m, long long now);
/// The same, from the current time.
long long enqueue(soci::session& s, const Message& m);
/// Takes up to `limit` due messages for this worker until lease_until (messages whose lease ran out are due again).
std::vector<Queued> claim_due(soci::session& s, long long now, long long lease_until, int limit);
/// Records delivery. The bodies are cleared: they may hold one-time links, and the row only needs to say what was sent.
void mark_sent(soci::session& s, long long id, long long now);
/// Schedules another try, or gives up (status failed) when next_attempt_at is nullopt.
void mark_failed(soci::session& s, long long id, const std::string& error, std::optional<long long> next_attempt_at);
/// Gives a claimed message back unsent (the worker is stopping), as if this try never happened.
void release(soci::session& s, long long id);
std::optional<Entry> find_by_id(soci::session& s, long long id);
Counts counts(soci::session& s);

}  // namespace roundtable::mail::store
