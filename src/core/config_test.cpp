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

TEST(Config, HelpAndVersion) {
  EXPECT_EQ(ok({}).command, Command::help);
  EXPECT_EQ(ok({"--help"}).command, Command::help);
  EXPECT_EQ(ok({"serve", "--help"}).command, Command::help);
  EXPECT_EQ(ok({"version"}).command, Command::version);
  EXPECT_EQ(ok({"routes"}).command, Command::routes);
  EXPECT_FALSE(version().empty());
}

}  // namespace
}  // namespace roundtable::core
