#include "core/config.hpp"

#include <charconv>
#include <cstdlib>

#include "core/build_paths.hpp"
#include "core/i18n.hpp"

namespace roundtable::core {

namespace {

std::optional<std::string> real_getenv(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return std::nullopt;
  return std::string(v);
}

std::optional<std::string> parse_listen(std::string_view value, Config& c) {
  auto colon = value.rfind(':');
  if (colon == std::string_view::npos) return "--listen wants HOST:PORT, for example 127.0.0.1:8080";
  auto host = value.substr(0, colon);
  auto port_text = value.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  auto [p, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc{} || p != port_text.data() + port_text.size() || port > 65535 || host.empty()) {
    return "--listen wants HOST:PORT with a port from 0 to 65535, for example 127.0.0.1:8080";
  }
  c.listen_host = std::string(host);
  c.listen_port = static_cast<unsigned short>(port);
  return std::nullopt;
}

std::optional<std::string> parse_unsigned(std::string_view flag, std::string_view value, unsigned& out) {
  auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc{} || p != value.data() + value.size() || out > 1024) {
    return std::string(flag) + " wants a whole number from 0 to 1024";
  }
  return std::nullopt;
}

std::optional<std::string> read_duration(std::string_view flag, std::string_view value, std::chrono::seconds& out) {
  auto d = parse_duration(value);
  if (!d) return std::string(flag) + " wants a length of time like 30m, 2h or 7d (from 1s to 400d)";
  out = *d;
  return std::nullopt;
}

}  // namespace

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  long long n = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size() - 1, n);
  if (ec != std::errc{} || p != text.data() + text.size() - 1 || n <= 0 || n > 400LL * 24 * 3600) return std::nullopt;
  long long unit = 0;
  switch (text.back()) {
    case 's': unit = 1; break;
    case 'm': unit = 60; break;
    case 'h': unit = 3600; break;
    case 'd': unit = 24 * 3600; break;
    default: return std::nullopt;
  }
  if (n * unit > 400LL * 24 * 3600) return std::nullopt;
  return std::chrono::seconds(n * unit);
}

constexpr const char* kServeOptions =
    "  --listen HOST:PORT   where to listen (default 127.0.0.1:8080; env ROUNDTABLE_LISTEN)\n"
    "  --database URL       sqlite:PATH or postgresql://user@host:port/db\n"
    "                       (default sqlite in the data folder; env ROUNDTABLE_DATABASE_URL)\n"
    "  --data-dir DIR       folder for the SQLite file and uploads (default ./data; env ROUNDTABLE_DATA_DIR)\n"
    "  --public-dir DIR     folder of built static files (env ROUNDTABLE_PUBLIC_DIR)\n"
    "  --demo               load demo data on start (idempotent)\n"
    "  --secure-cookies     mark cookies Secure (use behind HTTPS)\n"
    "  --threads N          I/O threads (default: one per core on SQLite, four per core up to 32 on\n"
    "                       PostgreSQL)\n"
    "  --db-pool N          database connections (default: 4 for SQLite, 8 for PostgreSQL)\n"
    "  --no-access-log      do not write one log line per request\n"
    "  --live-max-connections N   live connections (pages listening for changes) at once (default 2000)\n"
    "  --live-heartbeat T   how often an idle live connection is checked (default 25s)\n"
    "  --smtp-url URL       where to send email: smtp://[user:password@]host:port or smtps://...\n"
    "                       (env ROUNDTABLE_SMTP_URL; without it email waits in the outbox)\n"
    "  --mail-from ADDRESS  sender of email (default 'Roundtable <roundtable@localhost>'; env "
    "ROUNDTABLE_MAIL_FROM)\n"
    "  --base-url URL       the address people use to reach Roundtable, for links in email\n"
    "                       (default http://HOST:PORT of --listen; env ROUNDTABLE_BASE_URL)\n"
    "  --mail-reply-domain D  answers to a discussion's email go to reply+...@D, taken in by receive-mail\n"
    "                       (env ROUNDTABLE_MAIL_REPLY_DOMAIN; without it, email has no Reply-To)\n"
    "  --trusted-proxy ADDR the reverse proxy's address; its X-Forwarded-For names the client\n"
    "                       (for sign-in limits; env ROUNDTABLE_TRUSTED_PROXY)\n"
    "  --metrics-token T    /metrics answers other addresses than loopback with 'Authorization: Bearer T'\n"
    "                       (env ROUNDTABLE_METRICS_TOKEN; without it, loopback only)\n"
    "  --session-idle T     sign people out after T without using Roundtable (default 2h; 90s, 30m, 2h, 7d;\n"
    "                       env ROUNDTABLE_SESSION_IDLE)\n"
    "  --session-lifetime T sign people out T after they signed in, however busy (default 24h;\n"
    "                       env ROUNDTABLE_SESSION_LIFETIME)\n"
    "  --admin-session-lifetime T   the same for organisation and platform admins (default 8h;\n"
    "                       env ROUNDTABLE_ADMIN_SESSION_LIFETIME)\n"
    "With an https:// base URL, cookies are Secure and answers carry Strict-Transport-Security.\n";

constexpr const char* kDatabaseOptions =
    "  --database URL       sqlite:PATH or postgresql://user@host:port/db\n"
    "                       (default sqlite in the data folder; env ROUNDTABLE_DATABASE_URL)\n"
    "  --data-dir DIR       folder for the SQLite file and uploads (default ./data; env ROUNDTABLE_DATA_DIR)\n";

std::string version() { return ROUNDTABLE_VERSION; }

std::string usage() {
  return "Roundtable — co-produce services with the people who use them.\n"
         "\n"
         "Usage:\n"
         "  roundtable serve [--listen HOST:PORT] [--database URL] [--data-dir DIR] [--demo]\n"
         "  roundtable migrate [--database URL] [--data-dir DIR]\n"
         "  roundtable admin create-org --name NAME --slug SLUG [--languages en,cy] [--signup invitation|open]\n"
         "  roundtable admin create-user --email EMAIL --name NAME [--platform-admin] [--org SLUG --role ROLE]\n"
         "                       [--password-stdin]   (the admin commands also take --database and --data-dir)\n"
         "  roundtable mail-test --to ADDRESS [--lang en|cy] [--database URL] [--data-dir DIR]\n"
         "                       (queue a test email; the running server sends it)\n"
         "  roundtable receive-mail [--recipient ADDRESS] [--mail-reply-domain DOMAIN] [--base-url URL]\n"
         "                       [--database URL] [--data-dir DIR]\n"
         "                       (an answer to a discussion's email on stdin, as Postfix or Exim pipe it; exits 0\n"
         "                       delivered, 65 unreadable, 67 unknown address, 75 try again later)\n"
         "  roundtable run-due [--at UNIX_SECONDS] [--base-url URL] [--database URL] [--data-dir DIR]\n"
         "                       (send what is due now, or at that time, once: digests, meeting reminders; the\n"
         "                       running server does this every minute)\n"
         "  roundtable routes       (print the route table as JSON lines)\n"
         "  roundtable version\n"
         "  roundtable --help\n"
         "Each command prints its own usage with --help, for example 'roundtable serve --help'.\n"
         "\n"
         "Options (for serve):\n" +
         std::string(kServeOptions);
}

std::string command_usage(Command command) {
  switch (command) {
    case Command::serve:
      return "Usage: roundtable serve [--listen HOST:PORT] [--database URL] [--data-dir DIR] [--demo] [OPTIONS]\n"
             "Runs the web server until it is stopped (SIGTERM or SIGINT), applying any new migrations first.\n"
             "\n"
             "Options:\n" +
             std::string(kServeOptions);
    case Command::migrate:
      return "Usage: roundtable migrate [--database URL] [--data-dir DIR]\n"
             "Applies the database migrations not yet applied, then exits (safe to run again).\n"
             "\n"
             "Options:\n" +
             std::string(kDatabaseOptions);
    case Command::mail_test:
      return "Usage: roundtable mail-test --to ADDRESS [--lang en|cy] [--database URL] [--data-dir DIR]\n"
             "Queues a test email; the running server sends it.\n"
             "\n"
             "Options:\n"
             "  --to ADDRESS         who gets the test email\n"
             "  --lang en|cy         its language (default en)\n" +
             std::string(kDatabaseOptions);
    case Command::receive_mail:
      return "Usage: roundtable receive-mail [--recipient ADDRESS] [--mail-reply-domain DOMAIN] [--base-url URL]\n"
             "                               [--database URL] [--data-dir DIR]\n"
             "Takes in an answer to a discussion's email on standard input, as Postfix or Exim pipe it. Exits 0\n"
             "delivered, 65 unreadable, 67 unknown address, 75 try again later.\n"
             "\n"
             "Options:\n"
             "  --recipient ADDRESS  the address it was delivered to (else read from its headers)\n"
             "  --mail-reply-domain D  the domain of reply addresses, as for 'roundtable serve'\n"
             "                       (env ROUNDTABLE_MAIL_REPLY_DOMAIN)\n"
             "  --base-url URL       the address people use to reach Roundtable (env ROUNDTABLE_BASE_URL)\n" +
             std::string(kDatabaseOptions);
    case Command::run_due:
      return "Usage: roundtable run-due [--at UNIX_SECONDS] [--base-url URL] [--database URL] [--data-dir DIR]\n"
             "Sends what is due now, or at that time, once: digests and meeting reminders (the running server does\n"
             "this every minute).\n"
             "\n"
             "Options:\n"
             "  --at UNIX_SECONDS    the time to run for (default now)\n"
             "  --base-url URL       the address people use to reach Roundtable, for links in email\n"
             "                       (env ROUNDTABLE_BASE_URL)\n" +
             std::string(kDatabaseOptions);
    case Command::routes:
      return "Usage: roundtable routes\n"
             "Prints the route table, one route a line as JSON (method, pattern, name, policy, html).\n"
             "It takes no options.\n";
    case Command::version:
      return "Usage: roundtable version\n"
             "Prints the version of Roundtable.\n"
             "It takes no options.\n";
    case Command::admin:
      return "Usage: roundtable admin create-org|create-user [OPTIONS]\n"
             "Adds an organisation or an account: 'roundtable admin create-org --help' and\n"
             "'roundtable admin create-user --help' say how.\n";
    case Command::help: break;
  }
  return usage();
}

std::string effective_database_url(const Config& config) {
  if (!config.database_url.empty()) return config.database_url;
  return "sqlite:" + config.data_dir + "/roundtable.db";
}

ParseResult parse_config(const std::vector<std::string>& args, Getenv getenv) {
  auto env = getenv ? getenv : &real_getenv;
  Config c;
  if (auto v = env("ROUNDTABLE_DATABASE_URL")) c.database_url = *v;
  if (auto v = env("ROUNDTABLE_DATA_DIR")) c.data_dir = *v;
  if (auto v = env("ROUNDTABLE_PUBLIC_DIR")) c.public_dir = *v;
  if (auto v = env("ROUNDTABLE_SMTP_URL")) c.smtp_url = *v;
  if (auto v = env("ROUNDTABLE_MAIL_FROM")) c.mail_from = *v;
  if (auto v = env("ROUNDTABLE_BASE_URL")) c.base_url = *v;
  if (auto v = env("ROUNDTABLE_MAIL_REPLY_DOMAIN")) c.mail_reply_domain = *v;
  if (auto v = env("ROUNDTABLE_TRUSTED_PROXY")) c.trusted_proxy = *v;
  if (auto v = env("ROUNDTABLE_METRICS_TOKEN")) c.metrics_token = *v;
  for (auto [name, field] : {std::pair{"ROUNDTABLE_SESSION_IDLE", &c.session_idle},
                             std::pair{"ROUNDTABLE_SESSION_LIFETIME", &c.session_lifetime},
                             std::pair{"ROUNDTABLE_ADMIN_SESSION_LIFETIME", &c.admin_session_lifetime}}) {
    if (auto v = env(name)) {
      if (auto e = read_duration(name, *v, *field)) return *e;
    }
  }
  if (auto v = env("ROUNDTABLE_LISTEN")) {
    if (auto err = parse_listen(*v, c)) return "ROUNDTABLE_LISTEN: " + *err;
  }
  if (args.empty()) return Config{.command = Command::help};
  const std::string& cmd = args[0];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    c.command = Command::help;
    return c;
  }
  // "roundtable COMMAND --help" (or -h) anywhere after the command: that command's own usage, nothing else done.
  auto help_for = [&](Command command) -> std::optional<Config> {
    for (size_t i = 1; i < args.size(); ++i) {
      if (args[i] == "--help" || args[i] == "-h") {
        c.command = Command::help;
        c.help_for = command;
        return c;
      }
    }
    return std::nullopt;
  };
  if (cmd == "version" || cmd == "--version" || cmd == "routes") {
    const Command command = cmd == "routes" ? Command::routes : Command::version;
    if (auto help = help_for(command)) return *help;
    c.command = command;
    if (args.size() > 1)
      return "'roundtable " + std::string(cmd == "routes" ? "routes" : "version") + "' takes no options";
    return c;
  }
  if (cmd == "admin") {
    // The admin commands read their own options (app/admin_commands.cpp), except the database ones here.
    c.command = Command::admin;
    for (size_t i = 1; i < args.size(); ++i) {
      if ((args[i] == "--database" || args[i] == "--data-dir") && i + 1 < args.size()) {
        (args[i] == "--database" ? c.database_url : c.data_dir) = args[i + 1];
        ++i;
      } else {
        c.admin_args.push_back(args[i]);
      }
    }
    if (c.admin_args.empty()) return "'roundtable admin' needs a command: create-org or create-user";
    if (c.public_dir.empty()) c.public_dir = build_paths::default_public_dir();
    return c;
  }
  if (cmd == "serve") {
    c.command = Command::serve;
  } else if (cmd == "migrate") {
    c.command = Command::migrate;
  } else if (cmd == "mail-test") {
    c.command = Command::mail_test;
  } else if (cmd == "receive-mail") {
    c.command = Command::receive_mail;
  } else if (cmd == "run-due") {
    c.command = Command::run_due;
  } else {
    return "unknown command '" + cmd + "': try 'roundtable --help'";
  }
  if (auto help = help_for(c.command)) return *help;
  for (size_t i = 1; i < args.size(); ++i) {
    std::string flag = args[i];
    std::optional<std::string> inline_value;
    if (auto eq = flag.find('='); eq != std::string::npos && flag.rfind("--", 0) == 0) {
      inline_value = flag.substr(eq + 1);
      flag.resize(eq);
    }
    auto value = [&]() -> std::optional<std::string> {
      if (inline_value) return inline_value;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    auto needs = [&](const std::string& f) { return f + " needs a value: try 'roundtable --help'"; };
    const bool serve_only = flag == "--listen" || flag == "--demo" || flag == "--public-dir" ||
                            flag == "--secure-cookies" || flag == "--threads" || flag == "--no-access-log" ||
                            flag == "--smtp-url" || flag == "--mail-from" || flag == "--trusted-proxy" ||
                            flag == "--metrics-token" || flag == "--session-idle" || flag == "--session-lifetime" ||
                            flag == "--admin-session-lifetime" || flag == "--live-max-connections" ||
                            flag == "--live-heartbeat";
    if (serve_only && c.command != Command::serve) {
      return flag + " only applies to 'roundtable serve'";
    }
    // run-due writes links in the email it queues, as the server does.
    const bool base_url_for_run_due = flag == "--base-url" && c.command == Command::run_due;
    if ((flag == "--base-url" || flag == "--mail-reply-domain") && c.command != Command::serve &&
        c.command != Command::receive_mail && !base_url_for_run_due) {
      return flag + " only applies to 'roundtable serve' and 'roundtable receive-mail'";
    }
    if (flag == "--at" && c.command != Command::run_due) return flag + " only applies to 'roundtable run-due'";
    if (flag == "--recipient" && c.command != Command::receive_mail) {
      return flag + " only applies to 'roundtable receive-mail'";
    }
    if ((flag == "--to" || flag == "--lang") && c.command != Command::mail_test) {
      return flag + " only applies to 'roundtable mail-test'";
    }
    if (flag == "--listen") {
      auto v = value();
      if (!v) return needs(flag);
      if (auto err = parse_listen(*v, c)) return *err;
    } else if (flag == "--database") {
      auto v = value();
      if (!v || v->empty()) return needs(flag);
      c.database_url = *v;
    } else if (flag == "--data-dir") {
      auto v = value();
      if (!v || v->empty()) return needs(flag);
      c.data_dir = *v;
    } else if (flag == "--public-dir") {
      auto v = value();
      if (!v || v->empty()) return needs(flag);
      c.public_dir = *v;
    } else if (flag == "--smtp-url" || flag == "--mail-from" || flag == "--base-url") {
      auto v = value();
      if (!v || v->empty()) return needs(flag);
      if (flag == "--smtp-url" && v->rfind("smtp://", 0) != 0 && v->rfind("smtps://", 0) != 0) {
        return "--smtp-url wants smtp://host:port or smtps://host:port";
      }
      if (flag == "--base-url" && v->rfind("http://", 0) != 0 && v->rfind("https://", 0) != 0) {
        return "--base-url wants an address starting with http:// or https://";
      }
      (flag == "--smtp-url" ? c.smtp_url : flag == "--mail-from" ? c.mail_from : c.base_url) = *v;
    } else if (flag == "--trusted-proxy" || flag == "--metrics-token") {
      auto v = value();
      if (!v || v->empty()) return needs(flag);
      (flag == "--trusted-proxy" ? c.trusted_proxy : c.metrics_token) = *v;
    } else if (flag == "--session-idle" || flag == "--session-lifetime" || flag == "--admin-session-lifetime") {
      auto v = value();
      if (!v) return needs(flag);
      auto& field = flag == "--session-idle"       ? c.session_idle
                    : flag == "--session-lifetime" ? c.session_lifetime
                                                   : c.admin_session_lifetime;
      if (auto e = read_duration(flag, *v, field)) return *e;
    } else if (flag == "--mail-reply-domain" || flag == "--recipient") {
      auto v = value();
      if (!v || v->empty()) return needs(flag);
      if (flag == "--mail-reply-domain" && (v->find_first_of("@/ :") != std::string::npos || v->front() == '.')) {
        return "--mail-reply-domain wants a domain name, like reply.example.org";
      }
      (flag == "--recipient" ? c.mail_recipient : c.mail_reply_domain) = *v;
    } else if (flag == "--at") {
      auto v = value();
      if (!v) return needs(flag);
      auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), c.run_due_at);
      if (ec != std::errc{} || p != v->data() + v->size() || c.run_due_at <= 0) {
        return "--at wants a time in unix seconds, like 1780000000";
      }
    } else if (flag == "--to") {
      auto v = value();
      if (!v || v->empty()) return needs(flag);
      c.mail_test_to = *v;
    } else if (flag == "--lang") {
      auto v = value();
      auto lang = v ? parse_lang(*v) : std::nullopt;
      if (!lang) return "--lang wants en or cy";
      c.mail_test_lang = std::string(lang_code(*lang));
    } else if (flag == "--live-heartbeat") {
      auto v = value();
      if (!v) return needs(flag);
      if (auto e = read_duration(flag, *v, c.live_heartbeat)) return *e;
    } else if (flag == "--live-max-connections") {
      auto v = value();
      if (!v) return needs(flag);
      auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), c.live_max_connections);
      if (ec != std::errc{} || p != v->data() + v->size() || c.live_max_connections > 100000) {
        return flag + " wants a whole number from 0 to 100000";
      }
    } else if (flag == "--threads" || flag == "--db-pool") {
      auto v = value();
      if (!v) return needs(flag);
      if (auto err = parse_unsigned(flag, *v, flag == "--threads" ? c.threads : c.db_pool_size)) return *err;
    } else if (flag == "--demo" && !inline_value) {
      c.demo = true;
    } else if (flag == "--secure-cookies" && !inline_value) {
      c.secure_cookies = true;
    } else if (flag == "--no-access-log" && !inline_value) {
      c.access_log = false;
    } else {
      return "unknown option '" + args[i] + "': try 'roundtable --help'";
    }
  }
  if (c.command == Command::mail_test && c.mail_test_to.empty()) {
    return "'roundtable mail-test' needs --to ADDRESS, for example --to you@example.org";
  }
  if (c.public_dir.empty()) c.public_dir = build_paths::default_public_dir();
  // People reach it over HTTPS: cookies must never travel over plain HTTP.
  if (c.base_url.rfind("https://", 0) == 0) c.secure_cookies = true;
  return c;
}

}  // namespace roundtable::core
