/// Consent records: what a person agreed to, with the wording they saw, and when they changed their mind.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"

namespace roundtable::consent {

enum class ConsentPurpose { store_data, contact, public_use };
inline constexpr ConsentPurpose kAllConsentPurposes[] = {ConsentPurpose::store_data, ConsentPurpose::contact,
                                                         ConsentPurpose::public_use};

std::string_view consent_purpose_code(ConsentPurpose p);
std::optional<ConsentPurpose> parse_consent_purpose(std::string_view code);

/// The version of the wording people are asked to agree to now. Raise it (and add "consent.<purpose>.v<N>" to both
/// catalogues) when the wording changes; people are then asked again.
int current_consent_version(ConsentPurpose p);
/// The catalogue key of a purpose's wording at a version.
std::string consent_wording_key(ConsentPurpose p, int version);

struct ConsentRecord {
  long long id = 0;
  ConsentPurpose purpose = ConsentPurpose::contact;
  int version = 0;
  core::Lang lang = core::Lang::en;
  /// The exact words the person saw.
  std::string wording;
  bool given = false;
  long long created_at = 0;
};

/// The decision in force for each purpose (nullopt: never asked).
struct ConsentState {
  std::optional<ConsentRecord> store_data;
  std::optional<ConsentRecord> contact;
  std::optional<ConsentRecord> public_use;
  const std::optional<ConsentRecord>& of(ConsentPurpose p) const;
  std::optional<ConsentRecord>& of(ConsentPurpose p);
  /// True if the person has agreed (to the current or an earlier wording) and not withdrawn.
  bool given(ConsentPurpose p) const { return of(p) && of(p)->given; }
};

}  // namespace roundtable::consent
