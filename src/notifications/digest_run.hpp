/// Sending the daily and weekly digests: claimed once per due time across servers, in the transaction that queues
/// the emails and clears the notices' digest mark (ADR 0028, part 4).
#pragma once

#include <string>

#include "notifications/digest.hpp"

namespace soci {
class session;
}

namespace roundtable::notifications {

struct DigestRun {
  /// False when another run (another server, or an earlier tick) already claimed this due time.
  bool claimed = false;
  long long due_at = 0;
  int emails = 0;
};

/// In one write transaction: claims the digest due at or before `now` (a due_runs row, ON CONFLICT DO NOTHING) and,
/// only when this call made the claim, takes every notice waiting for that digest, queues one email per person and
/// organisation (nothing for a person with no waiting notices, or who has since chosen never for the group or left
/// it), and clears the notices' mark. base_url: where links point, without a trailing slash. queue_at: when the emails
/// are due in the outbox (the real time, which `roundtable run-due --at` may leave behind); 0: now.
DigestRun run_digest(soci::session& s, DigestKind kind, long long now, const std::string& base_url,
                     long long queue_at = 0);

}  // namespace roundtable::notifications
