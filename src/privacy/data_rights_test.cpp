#include "privacy/data_rights.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <zip.h>

#include <boost/json.hpp>
#include <ctime>
#include <map>

#include "accounts/account_service.hpp"
#include "accounts/account_store.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "privacy/personal_data.hpp"
#include "security/passwords.hpp"
#include "security/tokens.hpp"
#include "security/totp.hpp"
#include "testing/world.hpp"

namespace roundtable::privacy {
namespace {

using accounts::EmailTaken;
using accounts::SignInLimits;
using accounts::SignInOutcome;
using consent::ConsentPurpose;
using db::testing::run;
using db::testing::run_void;
using organisations::Invitation;
using organisations::InviteOutcome;
using organisations::MemberType;
using organisations::Role;

/// Two people with something in every personal table: Ceri (whose rights are exercised) and Dai (who must be
/// untouched). Nia is the organisation's admin, so neither is the last one.
class DataRightsOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<testing::World>(GetParam());
    db = world->db.get();
    acc = world->accounts.get();
    cons = world->consent.get();
    orgs = world->organisations.get();
    profs = world->profiles.get();
    priv = world->privacy.get();
    north = world->organisation("north", "North Wales Carers");
    nia = world->member("north", "nia@example.org", "Nia", Role::org_admin, {MemberType::staff});
    ceri = person("ceri@example.org", "Ceri Lloyd", "gardening");
    dai = person("dai@example.org", "Dai Morgan", "walking");
  }

  long long person(const std::string& email, const std::string& name, const std::string& interest) {
    const long long id = world->person(email, name);
    // Invited before joining (an invitation to a member is refused).
    Invitation inv;
    inv.org_id = north;
    inv.email = email;
    inv.name = name;
    EXPECT_EQ(run(orgs->invite(nia, inv)), InviteOutcome::sent);
    orgs->add_member_now("north", email, Role::member, {MemberType::unpaid_carer});
    auto p = *profs->profile_by_email_now(email);
    p.strengths = name + " listens well";
    p.interests = {interest};
    profs->save_profile_now(p);
    run_void(cons->set_consents(id, core::Lang::en, {{ConsentPurpose::contact, true}}));
    // Two-step sign-in on, so the password sign-in below leaves a sign-in waiting for its second step.
    const auto secret = run(acc->start_two_step(id));
    EXPECT_TRUE(secret);
    EXPECT_TRUE(run(acc->confirm_two_step(id, security::totp_code(secret.value_or(""), std::time(nullptr)))));
    run_void(acc->request_password_reset(email));
    run_void(acc->request_email_sign_in(email, security::random_token(24), ""));
    const std::string session_id = security::hash_token(email);
    db->run_sync([&](soci::session& s) {
      s << "INSERT INTO sessions (id, user_id, created_at, updated_at, expires_at) VALUES (:id, :u, 1, 1, 9999999999)",
          soci::use(session_id), soci::use(id);
    });
    (void)run(acc->sign_in_with_password(email, "a long password", "127.0.0.1"));
    // An About Me page with a photo, shown to Nia (not to the other person, whose erasure would change it).
    db->run_sync([&](soci::session& s) {
      const std::string public_id = security::random_token(16), key = "ab/" + security::random_token(16);
      long long upload = 0;
      s << "INSERT INTO uploads (public_id, owner_user_id, purpose, mime, kind, bytes, width, height, original_name, "
           "storage_key, created_at) VALUES (:p, :u, 'about_me', 'image/png', 'image', 10, 1, 1, 'me.png', :k, 1) "
           "RETURNING id",
          soci::use(public_id), soci::use(id), soci::use(key), soci::into(upload);
      s << "INSERT INTO about_me_pages (user_id, visibility, intro, updated_at) VALUES (:u, 'named', 'Hello', 1)",
          soci::use(id);
      s << "INSERT INTO about_me_items (user_id, position, kind, title, body, upload_id, caption, transcript, "
           "created_at, updated_at) VALUES (:u, 1, 'photo', '', '', :up, 'My garden', '', 1, 1)",
          soci::use(id), soci::use(upload);
      s << "INSERT INTO about_me_viewers (user_id, viewer_user_id, created_at) VALUES (:u, :v, 1)", soci::use(id),
          soci::use(nia);
    });
    return id;
  }

  long long count_for(const PersonalTable& t, long long user_id, const std::string& email) {
    return db->run_sync([&](soci::session& s) {
      long long n = 0;
      const std::string sql =
          "SELECT COUNT(*) FROM " + std::string(t.table) + " WHERE " + std::string(t.person_column) + " = :who";
      if (t.key == PersonKey::email) {
        s << sql, soci::use(email), soci::into(n);
      } else if (t.key == PersonKey::member_ref) {
        const std::string ref = std::to_string(north) + ":" + std::to_string(user_id);
        s << sql, soci::use(ref), soci::into(n);
      } else {
        s << sql, soci::use(user_id), soci::into(n);
      }
      return n;
    });
  }

  std::unique_ptr<testing::World> world;
  db::Database* db = nullptr;
  accounts::AccountService* acc = nullptr;
  consent::ConsentService* cons = nullptr;
  organisations::OrganisationService* orgs = nullptr;
  profiles::ProfileService* profs = nullptr;
  privacy::PrivacyService* priv = nullptr;
  long long north = 0, nia = 0, ceri = 0, dai = 0;
};

/// Reads every file back out of a zip archive.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!archive) {
    zip_source_free(src);
    return {};
  }
  std::map<std::string, std::string> out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(archive, i, 0, &st);
    std::string content(st.size, '\0');
    zip_file_t* f = zip_fopen_index(archive, i, 0);
    zip_fread(f, content.data(), st.size);
    zip_fclose(f);
    out[st.name] = content;
  }
  zip_close(archive);
  return out;
}

TEST_P(DataRightsOnBackend, EveryTableWithThePersonInItIsSetUpForTheTests) {
  for (const auto& t : testing::World::personal_tables()) {
    EXPECT_GT(count_for(t, ceri, "ceri@example.org"), 0) << t.table << ": the fixture puts nothing of Ceri's there";
  }
}

TEST_P(DataRightsOnBackend, TheDownloadHoldsEveryRegisteredTableWithThePersonsRowsOnlyAndNoSecrets) {
  auto files = unzip(run(priv->export_data(ceri, core::Lang::en)));
  ASSERT_EQ(files.size(), 2u);
  const auto& json_text = files["data.json"];
  auto data = boost::json::parse(json_text).as_object();
  const auto& tables = data["tables"].as_object();
  for (const auto& t : testing::World::personal_tables()) {
    if (!t.exported) continue;
    ASSERT_TRUE(tables.contains(t.table)) << t.table;
    EXPECT_FALSE(tables.at(t.table).at("rows").as_array().empty()) << t.table;
  }
  EXPECT_NE(json_text.find("Ceri Lloyd listens well"), std::string::npos);
  EXPECT_NE(json_text.find("gardening"), std::string::npos);
  EXPECT_EQ(json_text.find("Dai"), std::string::npos) << "someone else's data is in the download";
  EXPECT_EQ(json_text.find("walking"), std::string::npos);
  EXPECT_EQ(json_text.find("password_hash"), std::string::npos);
  EXPECT_EQ(json_text.find("token_hash"), std::string::npos);
  EXPECT_EQ(json_text.find("$argon2"), std::string::npos);
  const auto session_id = security::hash_token("ceri@example.org");
  EXPECT_EQ(json_text.find(session_id), std::string::npos) << "a session id (a token hash) is in the download";
  EXPECT_FALSE(tables.at("sessions").at("rows").as_array().at(0).as_object().contains("id"));
  const auto& html = files["index.html"];
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("<h2>Your profile: what you bring, what you need and how to reach you</h2>"), std::string::npos);
  EXPECT_NE(html.find("Ceri Lloyd listens well"), std::string::npos);
  auto cy = unzip(run(priv->export_data(ceri, core::Lang::cy)));
  EXPECT_NE(cy["index.html"].find("<html lang=\"cy\">"), std::string::npos);
  EXPECT_NE(cy["index.html"].find("Eich data o Roundtable"), std::string::npos);
  // The download itself is audited.
  auto entries = db->run_sync([&](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM audit_log WHERE action = 'data_exported' AND subject_user_id = :u", soci::use(ceri),
        soci::into(n);
    return n;
  });
  EXPECT_EQ(entries, 2);
}

TEST_P(DataRightsOnBackend, ErasureEmptiesEveryRemovableTableOfThePersonKeepsTheAuditLogAndLeavesOthersAlone) {
  const long long members_before = run(profs->directory(north, {})).total;
  auto result = run(priv->erase_account(ceri));
  EXPECT_EQ(result.outcome, EraseOutcome::erased);
  for (const auto& t : testing::World::personal_tables()) {
    const long long left = count_for(t, ceri, "ceri@example.org");
    if (t.erasure == Erasure::remove) {
      EXPECT_EQ(left, 0) << t.table << " still holds Ceri's rows";
    } else {
      EXPECT_GT(left, 0) << t.table << " should keep its records (as former member)";
    }
    EXPECT_GT(count_for(t, dai, "dai@example.org"), 0) << t.table << ": Dai's rows went too";
  }
  auto log = run(orgs->audit_log(north, 0, 100));
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.front().action, "account_erased");
  EXPECT_EQ(log.front().subject_name, "") << "an erased person shows as former member";
  // Not in the directory any more; Dai still is.
  auto found = run(profs->directory(north, {.text = "gardening"}));
  EXPECT_EQ(found.total, 0);
  EXPECT_EQ(run(profs->directory(north, {.text = "walking"})).total, 1);
  // The organisation's member count (kept by triggers) lost exactly one.
  EXPECT_EQ(run(profs->directory(north, {})).total, members_before - 1);
  EXPECT_EQ(run(profs->directory(north, {})).members.size(), static_cast<size_t>(members_before - 1));
  EXPECT_EQ(run(priv->erase_account(ceri)).outcome, EraseOutcome::not_found);
}

TEST_P(DataRightsOnBackend, TheOnlyAdminOfAnOrganisationCannotBeErasedAndNothingIsDeleted) {
  EXPECT_EQ(run(priv->sole_admin_of(nia)), std::optional<std::string>("North Wales Carers"));
  EXPECT_EQ(run(priv->sole_admin_of(ceri)), std::nullopt);
  auto result = run(priv->erase_account(nia));
  EXPECT_EQ(result.outcome, EraseOutcome::last_admin);
  EXPECT_EQ(result.org_name, "North Wales Carers");
  EXPECT_TRUE(db->run_sync([&](soci::session& s) { return accounts::store::find_user_by_id(s, nia).has_value(); }));
}

TEST(DataRights, AZipHoldsTheFilesAsGiven) {
  const std::string big(100000, 'x');
  auto files = unzip(zip_files({{"a.txt", "hello ŵ"}, {"big.txt", big}, {"empty.txt", ""}}));
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files["a.txt"], "hello ŵ");
  EXPECT_EQ(files["big.txt"], big);
  EXPECT_EQ(files["empty.txt"], "");
  EXPECT_LT(zip_files({{"big.txt", big}}).size(), 2000u) << "the files are compressed";
}

INSTANTIATE_TEST_SUITE_P(Backends, DataRightsOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::privacy
