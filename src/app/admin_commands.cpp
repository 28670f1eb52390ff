#include "app/admin_commands.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <string>

#include "accounts/account_form.hpp"
#include "app/application.hpp"
#include "app/services.hpp"
#include "db/migrator.hpp"
#include "db/search.hpp"
#include "organisations/organisation_form.hpp"
#include "security/tokens.hpp"

namespace roundtable::app {

namespace {

struct Options {
  std::map<std::string, std::string> values;
  std::vector<std::string> member_types;
  bool platform_admin = false;
  bool password_stdin = false;
};

/// Reads --flag value pairs; returns a one-line problem or "".
std::string read_options(const std::vector<std::string>& args, const std::vector<std::string>& allowed, Options& o) {
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--platform-admin") {
      o.platform_admin = true;
      continue;
    }
    if (flag == "--password-stdin") {
      o.password_stdin = true;
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), flag) == allowed.end()) {
      return "unknown option '" + flag + "' for 'admin " + args[0] + "': try 'roundtable --help'";
    }
    if (i + 1 >= args.size() || args[i + 1].empty()) return flag + " needs a value";
    if (flag == "--member-type") {
      o.member_types.push_back(args[++i]);
    } else {
      o.values[flag] = args[++i];
    }
  }
  return "";
}

constexpr const char* kCreateOrgUsage =
    "Usage: roundtable admin create-org --name NAME --slug SLUG [--languages en,cy] [--signup invitation|open]\n"
    "Adds an organisation.\n"
    "  --name NAME          the organisation's name, as people will see it\n"
    "  --slug SLUG          its web address, /o/SLUG: lower-case letters, digits and hyphens\n"
    "  --languages LIST     the languages it works in, en and/or cy (default en,cy)\n"
    "  --signup MODE        invitation (people join when invited; the default) or open (anyone may join)\n"
    "  --database URL, --data-dir DIR   which database, as for 'roundtable serve'\n";

constexpr const char* kCreateUserUsage =
    "Usage: roundtable admin create-user --email EMAIL --name NAME [--platform-admin] [--org SLUG --role ROLE]\n"
    "                                    [--member-type TYPE]... [--password-stdin]\n"
    "Adds an account, or finds the one with that email, and optionally makes it a member of an organisation.\n"
    "  --email EMAIL        their email address (they sign in with it)\n"
    "  --name NAME          their name\n"
    "  --platform-admin     they may add organisations\n"
    "  --org SLUG           the organisation to add them to\n"
    "  --role ROLE          org_admin, facilitator, finance or member (default member)\n"
    "  --member-type TYPE   lived_experience, unpaid_carer, staff or partner_organisation (may repeat)\n"
    "  --password-stdin     read their password from the first line of standard input; without it, they choose\n"
    "                       one with 'Forgotten your password?'\n"
    "  --database URL, --data-dir DIR   which database, as for 'roundtable serve'\n";

bool asks_for_help(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; });
}

int fail(int code, const std::string& message) {
  std::cerr << "roundtable: " << message << "\n";
  return code;
}

int create_org(organisations::OrganisationService& service, const Options& o) {
  http::FormData form;
  form.add("name", o.values.count("--name") ? o.values.at("--name") : "");
  form.add("slug", o.values.count("--slug") ? o.values.at("--slug") : "");
  std::string langs = o.values.count("--languages") ? o.values.at("--languages") : "en,cy";
  for (size_t start = 0; start <= langs.size();) {
    auto comma = langs.find(',', start);
    form.add("languages", langs.substr(start, comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  form.add("signup_mode", o.values.count("--signup") ? o.values.at("--signup") : "invitation");
  auto f = organisations::read_org(form);
  auto problems = organisations::check_org(f, true);
  if (!problems.empty()) {
    // The catalogue's English words are the clearest one line we have.
    core::Translator t(core::Messages::embedded(), core::Lang::en);
    return fail(2, std::string(t(problems.front().key)) + " (" + problems.front().field + ")");
  }
  try {
    service.create_organisation_now(organisations::org_from_form(f));
  } catch (const organisations::SlugTaken&) {
    return fail(1, "the web address '" + f.slug + "' is already used by another organisation");
  }
  std::cout << "added organisation '" << f.name << "' at /o/" << f.slug << "\n";
  return 0;
}

int create_user(accounts::AccountService& accounts, organisations::OrganisationService& organisations, const Options& o,
                std::istream& password_in) {
  const std::string email = accounts::normalise_email(o.values.count("--email") ? o.values.at("--email") : "");
  const std::string name = o.values.count("--name") ? o.values.at("--name") : "";
  if (!accounts::is_plausible_email(email)) return fail(2, "--email wants an email address, like name@example.org");
  if (name.empty()) return fail(2, "--name wants the person's name");
  std::string password;
  if (o.password_stdin) {
    std::getline(password_in, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    auto problems = accounts::check_new_password(password, password, email);
    if (!problems.empty()) {
      core::Translator t(core::Messages::embedded(), core::Lang::en);
      return fail(2, std::string(t(problems.front().key)));
    }
  }
  const bool has_org = o.values.count("--org") > 0;
  std::optional<organisations::Role> role = organisations::Role::member;
  if (o.values.count("--role")) role = organisations::parse_role(o.values.at("--role"));
  if (!role) return fail(2, "--role wants org_admin, facilitator, finance or member");
  std::vector<organisations::MemberType> types;
  for (auto& t : o.member_types) {
    auto type = organisations::parse_member_type(t);
    if (!type) return fail(2, "--member-type wants lived_experience, unpaid_carer, staff or partner_organisation");
    types.push_back(*type);
  }
  bool existed = false;
  try {
    accounts.create_user_now({.email = email, .name = name, .platform_admin = o.platform_admin}, password);
  } catch (const accounts::EmailTaken&) {
    if (!has_org) return fail(1, "an account with the email address " + email + " already exists");
    existed = true;
  }
  if (has_org) {
    try {
      organisations.add_member_now(o.values.at("--org"), email, *role, types);
    } catch (const std::invalid_argument& e) {
      return fail(1, e.what());
    }
  }
  std::cout << (existed ? "found the account for " : "added an account for ") << email;
  if (has_org) std::cout << " in /o/" << o.values.at("--org") << " as " << organisations::role_code(*role);
  if (!o.password_stdin && !existed) std::cout << " (no password yet: they can use 'Forgotten your password?')";
  std::cout << "\n";
  return 0;
}

}  // namespace

int admin(const core::Config& config, std::istream& password_in) {
  const auto& args = config.admin_args;
  // Each command says how to use it ("roundtable admin create-org --help"); "roundtable admin --help" says both.
  if (asks_for_help(args)) {
    if (args[0] == "create-org") {
      std::cout << kCreateOrgUsage;
    } else if (args[0] == "create-user") {
      std::cout << kCreateUserUsage;
    } else {
      std::cout << kCreateOrgUsage << "\n" << kCreateUserUsage;
    }
    return 0;
  }
  Options o;
  std::string problem;
  if (args[0] == "create-org") {
    problem = read_options(args, {"--name", "--slug", "--languages", "--signup"}, o);
  } else if (args[0] == "create-user") {
    problem = read_options(args, {"--email", "--name", "--org", "--role", "--member-type"}, o);
  } else {
    return fail(2, "unknown admin command '" + args[0] + "': try create-org or create-user");
  }
  if (!problem.empty()) return fail(2, problem);
  try {
    security::init();
    auto db = open_database_for(config);
    db::migrate(*db);
    Services services;
    make_feature_services(services, *db);
    return args[0] == "create-org" ? create_org(*services.organisations, o)
                                   : create_user(*services.accounts, *services.organisations, o, password_in);
  } catch (const std::exception& e) {
    return fail(1, e.what());
  }
}

}  // namespace roundtable::app
