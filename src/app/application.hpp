/// Wires the whole server together: database, migrations, routes, pipeline, HTTP server, signals.
#pragma once

#include <iosfwd>
#include <memory>

#include "core/config.hpp"
#include "db/database.hpp"
#include "mail/reply_address.hpp"

namespace roundtable::app {

/// `roundtable serve`: runs until SIGTERM or SIGINT. Returns the process exit code.
int serve(const core::Config& config);
/// `roundtable migrate`: applies pending migrations and prints the schema version.
int migrate(const core::Config& config);
/// `roundtable mail-test --to ADDRESS`: queues a test email in the outbox for the running server to send.
/// Returns 0, 2 for an unusable address (one line on stderr), or 1 when the database cannot be used.
int mail_test(const core::Config& config);
/// `roundtable receive-mail`: one answer to a discussion's email on `in`, as Postfix or Exim pipe it (ADR 0025).
/// Returns a sysexits status: 0 delivered (posted, a replay, an automatic answer ignored, or the person emailed why
/// not), 65 unreadable or too big, 67 no such address for this sender, 75 the database cannot be used now.
int receive_mail(const core::Config& config, std::istream& in);
/// `roundtable run-due [--at SECONDS]`: runs every module's due jobs once (digests, meeting reminders), as the running
/// server's due worker does every minute; what was already done for that time is not done again. Prints how many
/// emails it queued; returns 0, or 1 when the database cannot be used.
int run_due(const core::Config& config);
/// How reply addresses are signed: the configured domain and the database's own reply-address secret.
mail::ReplyAddresses reply_addresses_for(const core::Config& config, db::Database& db);
/// `roundtable routes`: prints the route table, one JSON object per line (for tests and reviews).
int print_routes();
/// Opens the configured database, checking the data folder first; throws with a one-line reason.
std::unique_ptr<db::Database> open_database_for(const core::Config& config);

}  // namespace roundtable::app
