/// The test world every module's tests build on: a fresh database on one backend (SQLite or the test PostgreSQL),
/// the services of accounts, consent, organisations, profiles and privacy wired as the application wires them, and
/// the organisations, people and memberships a test asks for, in one line each.
///
///   testing::World w(GetParam());
///   const long long north = w.organisation("north");
///   const long long ceri = w.member("north", "ceri@example.org", "Ceri", Role::facilitator);
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/account_service.hpp"
#include "consent/consent_service.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/search.hpp"
#include "module/module.hpp"
#include "organisations/organisation_service.hpp"
#include "privacy/privacy_service.hpp"
#include "profiles/profile_service.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::testing {

using accounts::SignInLimits;
using organisations::MemberType;
using organisations::Role;

class World {
 public:
  /// Everyone's password.
  static constexpr const char* kPassword = "a long password";

  /// backend: "sqlite" or "postgresql" (db::testing::backends()). Passwords are hashed at the fast test cost.
  explicit World(const std::string& backend, SignInLimits limits = {}, const core::Clock& clock = core::system_clock());
  ~World();

  /// An organisation (name: the slug with a capital letter unless given); returns its id.
  long long organisation(const std::string& slug, std::string name = "");
  /// A person with an account and kPassword; returns their id.
  long long person(const std::string& email, const std::string& name);
  /// A person who is a member of the organisation with this slug (made if they have no account yet).
  long long member(const std::string& org_slug, const std::string& email, const std::string& name,
                   Role role = Role::member, std::vector<MemberType> types = {});
  /// SELECT COUNT(*) FROM <what> (e.g. "audit_log WHERE action = 'x'").
  long long count(const std::string& what);
  /// The bytes of a test file under tests/integration/fixtures/ ("about_me/tiny.png").
  static std::string fixture(const std::string& path);
  /// Whether the person (nullopt: nobody signed in) may fetch the upload, as /files/{public_id} asks: with their
  /// memberships, through the access check of the upload's purpose.
  bool fetches(uploads::UploadService& uploads, const std::string& public_id, std::optional<long long> who);
  /// The register of personal tables of these modules (and the platform's), in module order: what privacy downloads
  /// and erases here.
  static std::vector<module::PersonalTable> personal_tables();

  std::unique_ptr<db::Database> db;
  std::unique_ptr<db::SearchIndex> search;
  std::unique_ptr<accounts::AccountService> accounts;
  std::unique_ptr<consent::ConsentService> consent;
  std::unique_ptr<organisations::OrganisationService> organisations;
  std::unique_ptr<profiles::ProfileService> profiles;
  std::unique_ptr<privacy::PrivacyService> privacy;
};

}  // namespace roundtable::testing
