#include "mail/reply_address.hpp"

#include <gtest/gtest.h>

#include "security/tokens.hpp"

namespace roundtable::mail {
namespace {

const ReplyAddresses keys{"reply.example.org", "a secret of thirty-two bytes....."};

TEST(ReplyAddress, SignsAndChecksAnAddress) {
  security::init();
  const auto address = reply_address(keys, {3, 17, 42});
  EXPECT_TRUE(address.starts_with("reply+3.17.42."));
  EXPECT_TRUE(address.ends_with("@reply.example.org"));
  EXPECT_LE(address.find('@'), 64u);  // a local part fits RFC 5321's 64 characters
  const auto checked = check_reply_address(keys, address);
  EXPECT_EQ(checked.check, AddressCheck::ok);
  EXPECT_EQ(checked.target, (ReplyTarget{3, 17, 42}));
  // Mail systems may change its case or wrap it in a name and angle brackets.
  std::string upper = address;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(check_reply_address(keys, upper).check, AddressCheck::ok);
  EXPECT_EQ(check_reply_address(keys, "Roundtable <" + address + ">").check, AddressCheck::ok);
}

TEST(ReplyAddress, RefusesTamperedForgedAndUnsignedAddresses) {
  security::init();
  const auto address = reply_address(keys, {3, 17, 42});
  const auto mac = address.substr(std::string("reply+3.17.42.").size(), 32);
  // Another person, topic or organisation under the same mac.
  EXPECT_EQ(check_reply_address(keys, "reply+3.17.43." + mac + "@reply.example.org").check, AddressCheck::forged);
  EXPECT_EQ(check_reply_address(keys, "reply+3.18.42." + mac + "@reply.example.org").check, AddressCheck::forged);
  EXPECT_EQ(check_reply_address(keys, "reply+4.17.42." + mac + "@reply.example.org").check, AddressCheck::forged);
  // One character of the mac changed.
  std::string changed = address;
  changed[14] = changed[14] == 'a' ? 'b' : 'a';
  EXPECT_EQ(check_reply_address(keys, changed).check, AddressCheck::forged);
  // Signed with another server's secret.
  const ReplyAddresses other{"reply.example.org", "another secret"};
  EXPECT_EQ(check_reply_address(other, address).check, AddressCheck::forged);
  // Unsigned or malformed.
  for (const char* bad :
       {"reply+3.17.42@reply.example.org", "reply+3.17@reply.example.org", "reply+3.17.42.abc@reply.example.org",
        "reply+x.17.42.00000000000000000000000000000000@"
        "reply.example.org",
        "reply+03.17.42.00000000000000000000000000000000@reply.example.org",
        "reply+3.17.42.00000000000000000000000000000000.9@reply.example.org"}) {
    EXPECT_EQ(check_reply_address(keys, bad).check, AddressCheck::unsigned_address) << bad;
  }
  // Not ours at all: another domain, another local part, no address.
  EXPECT_EQ(check_reply_address(keys, "reply+3.17.42." + mac + "@elsewhere.example").check, AddressCheck::not_ours);
  EXPECT_EQ(check_reply_address(keys, "mair@reply.example.org").check, AddressCheck::not_ours);
  EXPECT_EQ(check_reply_address(keys, "reply@reply.example.org").check, AddressCheck::not_ours);
  EXPECT_EQ(check_reply_address(keys, "").check, AddressCheck::not_ours);
}

TEST(ReplyAddress, NothingWithoutADomain) {
  security::init();
  const ReplyAddresses off{"", "secret"};
  EXPECT_EQ(reply_address(off, {1, 2, 3}), "");
  EXPECT_EQ(check_reply_address(off, reply_address(keys, {1, 2, 3})).check, AddressCheck::not_ours);
}

}  // namespace
}  // namespace roundtable::mail
