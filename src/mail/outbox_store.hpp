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

struct Counts {
  long long queued = 0;
  long long sending = 0;
  long long sent = 0;
  long long failed = 0;
};

/// Adds a message to send as soon as possible; returns its id.
long long enqueue(soci::session& s, const Message& m, long long now);
/// Takes up to `limit` due messages for this worker until lease_until (messages whose lease ran out are due again).
std::vector<Queued> claim_due(soci::session& s, long long now, long long lease_until, int limit);
void mark_sent(soci::session& s, long long id, long long now);
/// Schedules another try, or gives up (status failed) when next_attempt_at is nullopt.
void mark_failed(soci::session& s, long long id, const std::string& error, std::optional<long long> next_attempt_at);
Counts counts(soci::session& s);

}  // namespace roundtable::mail::store
