/// Signed reply addresses: reply+<org>.<topic>.<user>.<mac>@<reply domain>, one per person and discussion topic, so
/// an emailed answer can be put in the topic as that person (ADR 0025). The mac is a keyed BLAKE2b of the three ids
/// under the server's own reply-address secret (a setting of its own, never the CSRF or session secret), 128 bits as
/// lowercase hex: mail systems may change the case of an address, never its letters.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace roundtable::mail {

/// How this server signs reply addresses. With no domain, email says nothing about replying and has no Reply-To.
struct ReplyAddresses {
  std::string domain;
  std::string secret;
  bool enabled() const { return !domain.empty() && !secret.empty(); }
};

/// Whom and what a reply address stands for.
struct ReplyTarget {
  long long org_id = 0;
  long long topic_id = 0;
  long long user_id = 0;
  friend bool operator==(const ReplyTarget&, const ReplyTarget&) = default;
};

/// The signed address ("" when reply addresses are not enabled).
std::string reply_address(const ReplyAddresses& keys, const ReplyTarget& target);

enum class AddressCheck {
  ok,
  /// Not a reply+...@<our domain> address at all (or another domain).
  not_ours,
  /// Shaped like one, but the ids or the mac are missing or malformed.
  unsigned_address,
  /// Well formed, but the mac does not match: forged or altered.
  forged,
};

struct CheckedAddress {
  AddressCheck check = AddressCheck::not_ours;
  ReplyTarget target;
};

/// Checks an address (case-insensitive; "Name <address>" and angle brackets allowed) against the key, in time that
/// does not depend on how much of the mac matched.
CheckedAddress check_reply_address(const ReplyAddresses& keys, std::string_view address);

}  // namespace roundtable::mail
