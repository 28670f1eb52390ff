#include "core/config.hpp"

#include <gtest/gtest.h>

namespace roundtable::core {
namespace {

std::optional<std::string> no_env(const char*) { return std::nullopt; }
std::optional<std::string> pg_env(const char* name) {
  if (std::string_view(name) == "ROUNDTABLE_DATABASE_URL") return "postgresql://u@127.0.0.1:5499/rt";
  return std::nullopt;
}

Config ok(const std::vector<std::string>& args, Getenv env = &no_env) {
  auto r = parse_config(args, env);
  if (auto* err = std::get_if<std::string>(&r)) ADD_FAILURE() << *err;
  return std::get<Config>(r);
}

std::string err(const std::vector<std::string>& args) {
  auto r = parse_config(args, &no_env);
  if (auto* e = std::get_if<std::string>(&r)) return *e;
  return "";
}

TEST(Config, ServeFlags) {
  auto c = ok({"serve", "--listen", "127.0.0.1:9000", "--data-dir=/tmp/x", "--demo"});
  EXPECT_EQ(c.command, Command::serve);
  EXPECT_EQ(c.listen_host, "127.0.0.1");
  EXPECT_EQ(c.listen_port, 9000);
  EXPECT_EQ(c.data_dir, "/tmp/x");
  EXPECT_TRUE(c.demo);
  EXPECT_EQ(effective_database_url(c), "sqlite:/tmp/x/roundtable.db");
}

TEST(Config, AnHttpsBaseUrlMakesCookiesSecureAndMetricsCanHaveAToken) {
  auto plain = ok({"serve", "--base-url", "http://127.0.0.1:8080"});
  EXPECT_FALSE(plain.secure_cookies);
  EXPECT_TRUE(plain.metrics_token.empty());
  auto https = ok({"serve", "--base-url", "https://roundtable.example.org", "--metrics-token", "s3cret"});
  EXPECT_TRUE(https.secure_cookies);
  EXPECT_EQ(https.metrics_token, "s3cret");
}

TEST(Config, LiveConnectionsAndTheirHeartbeat) {
  auto defaults = ok({"serve"});
  EXPECT_EQ(defaults.live_max_connections, 2000u);
  EXPECT_EQ(defaults.live_heartbeat, std::chrono::seconds(25));
  auto c = ok({"serve", "--live-max-connections", "5000", "--live-heartbeat", "2s"});
  EXPECT_EQ(c.live_max_connections, 5000u);
  EXPECT_EQ(c.live_heartbeat, std::chrono::seconds(2));
  EXPECT_NE(err({"serve", "--live-max-connections", "100001"}).find("0 to 100000"), std::string::npos);
  EXPECT_NE(err({"serve", "--live-max-connections", "many"}).find("0 to 100000"), std::string::npos);
  EXPECT_NE(err({"serve", "--live-heartbeat", "0s"}).find("length of time"), std::string::npos);
  EXPECT_NE(err({"migrate", "--live-heartbeat", "5s"}).find("only applies"), std::string::npos);
}

TEST(Config, EnvironmentGivesTheDatabase) {
  auto c = ok({"migrate"}, &pg_env);
  EXPECT_EQ(c.command, Command::migrate);
  EXPECT_EQ(effective_database_url(c), "postgresql://u@127.0.0.1:5499/rt");
}

TEST(Config, BadInputGivesOneClearLine) {
  EXPECT_NE(err({"frobnicate"}).find("unknown command"), std::string::npos);
  EXPECT_NE(err({"serve", "--bogus"}).find("unknown option"), std::string::npos);
  EXPECT_NE(err({"serve", "--listen", "nope"}).find("HOST:PORT"), std::string::npos);
  EXPECT_NE(err({"serve", "--listen", "1.2.3.4:99999"}).find("65535"), std::string::npos);
  EXPECT_NE(err({"serve", "--database"}).find("needs a value"), std::string::npos);
  EXPECT_NE(err({"migrate", "--demo"}).find("only applies"), std::string::npos);
  for (auto& e : {err({"serve", "--bogus"}), err({"serve", "--listen", "x"})}) {
    EXPECT_EQ(e.find('\n'), std::string::npos) << e;
  }
}

TEST(Config, MailTest) {
  auto c = ok({"mail-test", "--to", "someone@example.org", "--lang", "CY", "--database", "sqlite:/tmp/x.db"});
  EXPECT_EQ(c.command, Command::mail_test);
  EXPECT_EQ(c.mail_test_to, "someone@example.org");
  EXPECT_EQ(c.mail_test_lang, "cy");
  EXPECT_EQ(effective_database_url(c), "sqlite:/tmp/x.db");
  EXPECT_EQ(ok({"mail-test", "--to=a@b.example"}).mail_test_lang, "en");
  EXPECT_NE(err({"mail-test"}).find("needs --to"), std::string::npos);
  EXPECT_NE(err({"mail-test", "--to"}).find("needs a value"), std::string::npos);
  EXPECT_NE(err({"mail-test", "--to", "a@b.example", "--lang", "fr"}).find("en or cy"), std::string::npos);
  EXPECT_NE(err({"mail-test", "--to", "a@b.example", "--smtp-url", "smtp://x:1"}).find("only applies"),
            std::string::npos);
  EXPECT_NE(err({"serve", "--to", "a@b.example"}).find("only applies to 'roundtable mail-test'"), std::string::npos);
}

TEST(Config, ReceiveMail) {
  auto c = ok({"receive-mail", "--recipient", "reply+1.2.3.ab@reply.example.org", "--mail-reply-domain",
               "reply.example.org", "--base-url", "https://roundtable.example", "--database", "sqlite:/tmp/x.db"});
  EXPECT_EQ(c.command, Command::receive_mail);
  EXPECT_EQ(c.mail_recipient, "reply+1.2.3.ab@reply.example.org");
  EXPECT_EQ(c.mail_reply_domain, "reply.example.org");
  EXPECT_EQ(c.base_url, "https://roundtable.example");
  EXPECT_EQ(ok({"serve", "--mail-reply-domain=reply.example.org"}).mail_reply_domain, "reply.example.org");
  EXPECT_NE(err({"serve", "--mail-reply-domain", "x@y"}).find("domain name"), std::string::npos);
  EXPECT_NE(err({"serve", "--recipient", "a@b"}).find("only applies to 'roundtable receive-mail'"), std::string::npos);
  EXPECT_NE(err({"migrate", "--mail-reply-domain", "r.example"}).find("only applies"), std::string::npos);
  EXPECT_NE(err({"receive-mail", "--listen", "127.0.0.1:1"}).find("only applies"), std::string::npos);
}

TEST(Config, RunDue) {
  auto c = ok({"run-due", "--at", "1780000000", "--base-url", "https://roundtable.example", "--data-dir", "/tmp/x"});
  EXPECT_EQ(c.command, Command::run_due);
  EXPECT_EQ(c.run_due_at, 1780000000);
  EXPECT_EQ(c.base_url, "https://roundtable.example");
  EXPECT_EQ(ok({"run-due"}).run_due_at, 0) << "now";
  for (const char* bad : {"", "soon", "-5", "0", "12x"}) {
    EXPECT_NE(err({"run-due", "--at", bad}).find("unix seconds"), std::string::npos) << bad;
  }
  EXPECT_NE(err({"serve", "--at", "1780000000"}).find("only applies to 'roundtable run-due'"), std::string::npos);
  EXPECT_NE(err({"run-due", "--listen", "127.0.0.1:1"}).find("only applies"), std::string::npos);
  EXPECT_NE(err({"migrate", "--base-url", "https://x.example"}).find("only applies"), std::string::npos);
}

TEST(Config, MailAndAdmin) {
  auto c = ok({"serve", "--smtp-url", "smtp://127.0.0.1:2525", "--mail-from=Hi <hi@example.org>", "--base-url",
               "https://roundtable.example"});
  EXPECT_EQ(c.smtp_url, "smtp://127.0.0.1:2525");
  EXPECT_EQ(c.mail_from, "Hi <hi@example.org>");
  EXPECT_EQ(c.base_url, "https://roundtable.example");
  EXPECT_EQ(ok({"serve", "--trusted-proxy", "10.0.0.1"}).trusted_proxy, "10.0.0.1");
  EXPECT_NE(err({"serve", "--smtp-url", "mail.example.org"}).find("smtp://"), std::string::npos);
  EXPECT_NE(err({"serve", "--base-url", "roundtable.example"}).find("http://"), std::string::npos);
  EXPECT_NE(err({"migrate", "--smtp-url", "smtp://x:1"}).find("only applies"), std::string::npos);
  auto a = ok({"admin", "create-org", "--name", "North", "--database", "sqlite:/tmp/x.db", "--slug", "north"});
  EXPECT_EQ(a.command, Command::admin);
  EXPECT_EQ(a.database_url, "sqlite:/tmp/x.db");
  EXPECT_EQ(a.admin_args, (std::vector<std::string>{"create-org", "--name", "North", "--slug", "north"}));
  EXPECT_NE(err({"admin"}).find("needs a command"), std::string::npos);
}

TEST(Config, HelpAndVersion) {
  EXPECT_EQ(ok({}).command, Command::help);
  EXPECT_EQ(ok({"--help"}).command, Command::help);
  EXPECT_EQ(ok({"serve", "--help"}).command, Command::help);
  EXPECT_EQ(ok({"version"}).command, Command::version);
  EXPECT_EQ(ok({"routes"}).command, Command::routes);
  EXPECT_FALSE(version().empty());
}

// Issue #12 item 22: "roundtable COMMAND --help" (or -h) gives that command's own usage, never the general one and
// never an error ("'roundtable routes' takes no options" before).
TEST(Config, EveryCommandHasItsOwnUsage) {
  const std::vector<std::pair<std::string, Command>> commands = {
      {"serve", Command::serve},         {"migrate", Command::migrate},
      {"mail-test", Command::mail_test}, {"receive-mail", Command::receive_mail},
      {"run-due", Command::run_due},     {"routes", Command::routes},
      {"version", Command::version}};
  for (const auto& [word, command] : commands) {
    for (const char* flag : {"--help", "-h"}) {
      auto c = ok({word, flag});
      EXPECT_EQ(c.command, Command::help) << word << " " << flag;
      EXPECT_EQ(c.help_for, command) << word << " " << flag;
      const std::string text = command_usage(c.help_for);
      EXPECT_EQ(text.rfind("Usage: roundtable " + word, 0), 0u) << text;
      EXPECT_NE(text, usage());
    }
  }
  // Anywhere after the command, even after options it would otherwise refuse: help does nothing else.
  EXPECT_EQ(ok({"migrate", "--data-dir", "x", "--help"}).help_for, Command::migrate);
  EXPECT_EQ(ok({"mail-test", "-h"}).help_for, Command::mail_test);  // --to is not needed to read its usage
  EXPECT_NE(command_usage(Command::serve).find("--session-idle"), std::string::npos);
  EXPECT_NE(command_usage(Command::run_due).find("--at UNIX_SECONDS"), std::string::npos);
  EXPECT_EQ(ok({"--help"}).help_for, Command::help);
  EXPECT_EQ(command_usage(Command::help), usage());
  EXPECT_NE(err({"routes", "--verbose"}).find("takes no options"), std::string::npos);
}

}  // namespace
}  // namespace roundtable::core

namespace roundtable::core {
namespace {

TEST(Config, SessionLengthsAreSettingsWithSafeDefaults) {
  auto d = ok({"serve"});
  EXPECT_EQ(d.session_idle, std::chrono::hours(2));
  EXPECT_EQ(d.session_lifetime, std::chrono::hours(24));
  EXPECT_EQ(d.admin_session_lifetime, std::chrono::hours(8));
  auto c = ok({"serve", "--session-idle", "30m", "--session-lifetime=7d", "--admin-session-lifetime", "90s"});
  EXPECT_EQ(c.session_idle, std::chrono::minutes(30));
  EXPECT_EQ(c.session_lifetime, std::chrono::hours(24 * 7));
  EXPECT_EQ(c.admin_session_lifetime, std::chrono::seconds(90));
  for (auto bad : {"0m", "2", "h", "-5m", "2w", "401d", "1.5h", ""}) {
    EXPECT_NE(err({"serve", "--session-idle", bad}), "") << bad;
  }
  EXPECT_EQ(err({"migrate", "--session-idle", "30m"}), "--session-idle only applies to 'roundtable serve'");
  auto from_env = parse_config({"serve"}, [](const char* name) -> std::optional<std::string> {
    if (std::string_view(name) == "ROUNDTABLE_SESSION_IDLE") return "45m";
    return std::nullopt;
  });
  EXPECT_EQ(std::get<Config>(from_env).session_idle, std::chrono::minutes(45));
  auto bad_env = parse_config({"serve"}, [](const char* name) -> std::optional<std::string> {
    if (std::string_view(name) == "ROUNDTABLE_ADMIN_SESSION_LIFETIME") return "soon";
    return std::nullopt;
  });
  EXPECT_NE(std::get<std::string>(bad_env).find("ROUNDTABLE_ADMIN_SESSION_LIFETIME"), std::string::npos);
}

}  // namespace
}  // namespace roundtable::core
