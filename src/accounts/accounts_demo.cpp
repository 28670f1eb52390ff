#include "accounts/accounts_demo.hpp"

#include <string>

#include "security/passwords.hpp"

namespace roundtable::accounts {

int load_demo(AccountService& accounts) {
  struct DemoAccount {
    const char* email;
    const char* name;
    core::Lang lang;
    bool platform_admin;
    /// The demo organisation admins: they need two-step sign-in for their admin pages, so it is on already.
    bool two_step;
  };
  const DemoAccount demo_accounts[] = {
      {"admin@roundtable.example", "Alex Morgan", core::Lang::en, true, false},
      {"sian@demo.example", "Siân Davies", core::Lang::cy, false, true},
      {"tom@demo.example", "Tom Evans", core::Lang::en, false, false},
      {"priya@demo.example", "Priya Shah", core::Lang::en, false, false},
      {"gareth@demo.example", "Gareth Jones", core::Lang::en, false, false},
      {"mair@demo.example", "Mair Hughes", core::Lang::cy, false, false},
      {"ngozi@demo.example", "Ngozi Okafor", core::Lang::en, false, false},
      {"rhys@north.example", "Rhys Owen", core::Lang::en, false, true},
  };
  // One hash for every demo account: argon2id is slow on purpose, and the demo starts often in tests.
  const std::string hash = security::hash_password(kDemoPassword);
  int written = 0;
  for (const auto& a : demo_accounts) {
    try {
      accounts.create_user_now(
          {.email = a.email, .name = a.name, .password_hash = hash, .lang = a.lang, .platform_admin = a.platform_admin},
          "");
      ++written;
    } catch (const EmailTaken&) {
      continue;
    }
    if (a.two_step) accounts.turn_on_two_step_now(a.email, kDemoTwoStepSecret);
  }
  return written;
}

}  // namespace roundtable::accounts
