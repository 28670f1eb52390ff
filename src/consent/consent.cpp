#include "consent/consent.hpp"

namespace roundtable::consent {

std::string_view consent_purpose_code(ConsentPurpose p) {
  switch (p) {
    case ConsentPurpose::store_data: return "store_data";
    case ConsentPurpose::contact: return "contact";
    case ConsentPurpose::public_use: return "public_use";
  }
  return "contact";
}

std::optional<ConsentPurpose> parse_consent_purpose(std::string_view code) {
  for (auto p : kAllConsentPurposes) {
    if (consent_purpose_code(p) == code) return p;
  }
  return std::nullopt;
}

int current_consent_version(ConsentPurpose) { return 1; }

std::string consent_wording_key(ConsentPurpose p, int version) {
  return "consent." + std::string(consent_purpose_code(p)) + ".v" + std::to_string(version);
}

const std::optional<ConsentRecord>& ConsentState::of(ConsentPurpose p) const {
  switch (p) {
    case ConsentPurpose::store_data: return store_data;
    case ConsentPurpose::contact: return contact;
    case ConsentPurpose::public_use: return public_use;
  }
  return contact;
}

std::optional<ConsentRecord>& ConsentState::of(ConsentPurpose p) {
  return const_cast<std::optional<ConsentRecord>&>(static_cast<const ConsentState*>(this)->of(p));
}

}  // namespace roundtable::consent
