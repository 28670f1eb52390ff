#include "mail/reply_address.hpp"

#include <sodium.h>

#include <array>
#include <charconv>

#include "security/tokens.hpp"

namespace roundtable::mail {

namespace {

constexpr std::string_view kPrefix = "reply+";
constexpr std::size_t kMacBytes = 16;

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string mac_hex(const ReplyAddresses& keys, const ReplyTarget& t) {
  // The key is the secret hashed with this use's own context, so no other keyed hash of the server can stand in.
  std::array<unsigned char, crypto_generichash_KEYBYTES> key{};
  const std::string context = "roundtable reply address v1";
  crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(context.data()), context.size(),
                     reinterpret_cast<const unsigned char*>(keys.secret.data()), keys.secret.size());
  const std::string data =
      std::to_string(t.org_id) + "." + std::to_string(t.topic_id) + "." + std::to_string(t.user_id);
  std::array<unsigned char, kMacBytes> mac{};
  crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     key.data(), key.size());
  std::string hex(kMacBytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  hex.pop_back();
  return hex;
}

std::optional<long long> id_of(std::string_view s) {
  if (s.empty() || s.size() > 18 || s.front() == '0') return std::nullopt;
  long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

}  // namespace

std::string reply_address(const ReplyAddresses& keys, const ReplyTarget& target) {
  if (!keys.enabled()) return "";
  return std::string(kPrefix) + std::to_string(target.org_id) + "." + std::to_string(target.topic_id) + "." +
         std::to_string(target.user_id) + "." + mac_hex(keys, target) + "@" + lower(keys.domain);
}

CheckedAddress check_reply_address(const ReplyAddresses& keys, std::string_view address) {
  CheckedAddress out;
  if (!keys.enabled()) return out;
  if (auto open = address.rfind('<'); open != std::string_view::npos) {
    auto close = address.find('>', open);
    if (close == std::string_view::npos) return out;
    address = address.substr(open + 1, close - open - 1);
  }
  while (!address.empty() && (address.front() == ' ' || address.front() == '\t')) address.remove_prefix(1);
  while (!address.empty() && (address.back() == ' ' || address.back() == '\t')) address.remove_suffix(1);
  const std::string a = lower(address);
  const auto at = a.rfind('@');
  if (at == std::string::npos || a.substr(at + 1) != lower(keys.domain)) return out;
  std::string_view local(a.data(), at);
  if (!local.starts_with(kPrefix)) return out;
  local.remove_prefix(kPrefix.size());
  out.check = AddressCheck::unsigned_address;
  std::array<std::string_view, 4> parts;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto dot = local.find('.');
    if (i + 1 < parts.size()) {
      if (dot == std::string_view::npos) return out;
      parts[i] = local.substr(0, dot);
      local.remove_prefix(dot + 1);
    } else {
      if (dot != std::string_view::npos) return out;
      parts[i] = local;
    }
  }
  const auto org = id_of(parts[0]), topic = id_of(parts[1]), user = id_of(parts[2]);
  if (!org || !topic || !user || parts[3].size() != kMacBytes * 2) return out;
  const ReplyTarget target{*org, *topic, *user};
  if (!security::constant_time_equal(mac_hex(keys, target), parts[3])) {
    out.check = AddressCheck::forged;
    return out;
  }
  out.check = AddressCheck::ok;
  out.target = target;
  return out;
}

}  // namespace roundtable::mail
