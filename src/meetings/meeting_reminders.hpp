/// Meeting reminders: about a day before a meeting starts, everyone who replied going or maybe gets one email (when,
/// in London time; where; the online link; the access details; a link to the meeting page) in their language. Run by
/// the due worker (module::DueJob) every minute on every server; each person is claimed once per meeting (a
/// meeting_reminders row, ON CONFLICT DO NOTHING) in the transaction that queues their reminder (ADR 0028).
#pragma once

#include <string>

namespace soci {
class session;
}

namespace roundtable::meetings {

/// How long before the start a reminder goes.
inline constexpr long long kReminderAhead = 24 * 60 * 60;

/// In one write transaction: a reminder for each going-or-maybe reply to each meeting that is not cancelled and starts
/// after `now` and at most kReminderAhead later, unless that person was reminded of it already. Reminders are
/// time-critical, so a person who chose a daily or weekly digest for the group gets theirs straight away too; one who
/// chose never gets none (the notice is still listed in the app). Returns how many emails were queued.
/// queue_at: when the emails are due in the outbox (the real time, which `roundtable run-due --at` may leave behind);
/// 0: now.
int send_reminders(soci::session& s, long long now, const std::string& base_url, long long queue_at = 0);

}  // namespace roundtable::meetings
