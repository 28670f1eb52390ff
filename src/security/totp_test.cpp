#include "security/totp.hpp"

#include <gtest/gtest.h>

#include "security/tokens.hpp"

namespace roundtable::security {
namespace {

// RFC 6238 appendix B, SHA-1, key "12345678901234567890"; the last 6 of the 8 digits given there.
const std::string kRfcSecret = base32_encode("12345678901234567890");

TEST(Totp, MatchesTheRfc6238TestVectors) {
  EXPECT_EQ(kRfcSecret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(totp_code(kRfcSecret, 59), "287082");
  EXPECT_EQ(totp_code(kRfcSecret, 1111111109), "081804");
  EXPECT_EQ(totp_code(kRfcSecret, 1111111111), "050471");
  EXPECT_EQ(totp_code(kRfcSecret, 1234567890), "005924");
  EXPECT_EQ(totp_code(kRfcSecret, 2000000000), "279037");
  EXPECT_EQ(totp_code(kRfcSecret, 20000000000), "353130");
}

TEST(Totp, MatchesTheRfc4226HotpValues) {
  const unsigned expected[] = {755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489};
  for (unsigned i = 0; i < 10; ++i) EXPECT_EQ(hotp("12345678901234567890", i), expected[i]) << i;
}

TEST(Totp, Base32RoundTripsAndForgivesSpacesCaseAndPadding) {
  for (std::string bytes : {"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
    EXPECT_EQ(base32_decode(base32_encode(bytes)), bytes);
  }
  EXPECT_EQ(base32_encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(base32_decode("mzxw 6ytb oi======"), "foobar");
  EXPECT_EQ(base32_decode("MZXW-6YTB-OI"), "foobar");
  EXPECT_FALSE(base32_decode("MZXW1"));  // 1 is not in the alphabet
  EXPECT_FALSE(base32_decode("MZ=XW"));  // padding in the middle
  EXPECT_EQ(totp_code("not base32!", 59), "");
}

TEST(Totp, ACodeWorksWithinOneStepOfNowAndOnlyOnce) {
  const long long now = 1111111111;  // step 37037037
  const long long step = now / 30;
  EXPECT_EQ(verify_totp(kRfcSecret, "050471", now, 0), step);
  EXPECT_EQ(verify_totp(kRfcSecret, "050 471", now, 0), step);
  // The previous and the next step are accepted (clocks drift), two steps away is not.
  EXPECT_EQ(verify_totp(kRfcSecret, totp_code(kRfcSecret, now - 30), now, 0), step - 1);
  EXPECT_EQ(verify_totp(kRfcSecret, totp_code(kRfcSecret, now + 30), now, 0), step + 1);
  EXPECT_FALSE(verify_totp(kRfcSecret, totp_code(kRfcSecret, now - 60), now, 0));
  EXPECT_FALSE(verify_totp(kRfcSecret, totp_code(kRfcSecret, now + 60), now, 0));
  // Once a step is used, its code and older ones are refused.
  EXPECT_FALSE(verify_totp(kRfcSecret, "050471", now, step));
  EXPECT_FALSE(verify_totp(kRfcSecret, totp_code(kRfcSecret, now - 30), now, step));
  EXPECT_EQ(verify_totp(kRfcSecret, totp_code(kRfcSecret, now + 30), now, step), step + 1);
  for (const char* bad : {"", "05047", "0504711", "05047a", "-50471"}) {
    EXPECT_FALSE(verify_totp(kRfcSecret, bad, now, 0)) << bad;
  }
}

TEST(Totp, NewSecretsAre160RandomBitsAndTheAppAddressNamesThem) {
  init();
  const auto a = new_totp_secret(), b = new_totp_secret();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_EQ(base32_decode(a)->size(), 20u);
  EXPECT_EQ(otpauth_uri("Roundtable", "siân@example.org", "ABCD"),
            "otpauth://totp/Roundtable:si%C3%A2n%40example.org?secret=ABCD&issuer=Roundtable&algorithm=SHA1&digits=6"
            "&period=30");
}

}  // namespace
}  // namespace roundtable::security
