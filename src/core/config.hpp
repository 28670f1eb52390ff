/// Command-line and environment configuration for the roundtable binary.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace roundtable::core {

enum class Command { serve, migrate, routes, version, help, admin, mail_test, receive_mail, run_due };

struct Config {
  Command command = Command::help;
  /// For Command::help: the command whose own usage was asked for ("roundtable serve --help"); help itself means the
  /// general usage.
  Command help_for = Command::help;
  std::string listen_host = "127.0.0.1";
  unsigned short listen_port = 8080;
  /// Empty means an SQLite file in the data folder.
  std::string database_url;
  std::string data_dir = "data";
  std::string public_dir;
  bool demo = false;
  bool secure_cookies = false;
  unsigned threads = 0;       // 0: one per core on SQLite, four per core (up to 32) on PostgreSQL
  unsigned db_pool_size = 0;  // 0: chosen by backend
  bool access_log = true;
  /// Where email goes (smtp:// or smtps://); empty: email waits in the outbox.
  std::string smtp_url;
  std::string mail_from = "Roundtable <roundtable@localhost>";
  /// The address people use to reach this server, for links in email; empty: http://LISTEN.
  std::string base_url;
  /// The domain of the signed reply addresses answers to a discussion's email go to (ADR 0025); empty: email has no
  /// Reply-To and says nothing about answering by email.
  std::string mail_reply_domain;
  /// For `roundtable receive-mail`: the address the message was delivered to (else read from its headers).
  std::string mail_recipient;
  /// A reverse proxy's address whose X-Forwarded-For header is believed.
  std::string trusted_proxy;
  /// /metrics answers requests from loopback, and others only with "Authorization: Bearer <this>"; empty: loopback
  /// only.
  std::string metrics_token;
  /// A signed-in session ends after this long without a request (many people use shared or library computers).
  std::chrono::seconds session_idle{std::chrono::hours(2)};
  /// ... and at the latest this long after signing in, however much it is used.
  std::chrono::seconds session_lifetime{std::chrono::hours(24)};
  /// The same for organisation and platform admins, who can see and change more.
  std::chrono::seconds admin_session_lifetime{std::chrono::hours(8)};
  /// Live connections (server-sent events) open at once; the next is answered 503.
  unsigned live_max_connections = 2000;
  /// An idle live connection gets a heartbeat this often, and its session is checked again then.
  std::chrono::seconds live_heartbeat{25};
  /// For `roundtable mail-test`: who gets the test email, and its language ("en" or "cy").
  std::string mail_test_to;
  std::string mail_test_lang = "en";
  /// For `roundtable run-due --at SECONDS`: the time to run the due jobs for (unix seconds); 0: now.
  long long run_due_at = 0;
  /// For `roundtable admin ...`: the words after "admin".
  std::vector<std::string> admin_args;
};

/// Reads one environment variable; nullopt when unset or empty.
using Getenv = std::optional<std::string> (*)(const char*);

/// A configuration, or the one-line reason it could not be read.
using ParseResult = std::variant<Config, std::string>;

/// Reads argv (without argv[0]) and, for unset values, the ROUNDTABLE_* environment.
/// getenv is a parameter so tests can supply their own environment.
ParseResult parse_config(const std::vector<std::string>& args, Getenv getenv = nullptr);

/// A length of time written as a whole number and a unit: "90s", "30m", "2h", "7d"; nullopt unless it is from one
/// second to 400 days.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

/// The text printed by --help.
std::string usage();
/// The text printed by "roundtable COMMAND --help": what the command does in one line and its options (the admin
/// commands print theirs from app/admin_commands.cpp). For Command::help, the general usage.
std::string command_usage(Command command);
/// The version string, e.g. "0.1.0".
std::string version();
/// The effective database URL: the given one, or sqlite:<data_dir>/roundtable.db.
std::string effective_database_url(const Config& config);

}  // namespace roundtable::core
