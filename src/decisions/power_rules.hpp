/// A group's power-sharing rules for its decisions, and whether one decision met them: pure, tested as a table
/// (power_rules_test.cpp). A decision that does not meet its group's rules is shown as not valid, and each rule it
/// broke is said in plain words from the breach's catalogue key and numbers.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "organisations/organisation.hpp"

namespace roundtable::decisions::power {

using organisations::MemberType;

/// The rules a group chose (none by default).
struct Rules {
  /// "At least N lived-experience members take part."
  std::optional<int> at_least_lived_experience;
  /// "Lived-experience members are at least half of those deciding."
  bool lived_experience_half = false;
  /// "No decision while a member's support request for the meeting is unmet."
  bool no_unmet_support = false;
  /// Whether unpaid carers count as lived-experience members for these rules (the group says).
  bool carers_count = true;
};

/// One person who took part (voted, or gave consent or an objection), with their member types.
struct Taker {
  std::vector<MemberType> types;
};

struct Participation {
  std::vector<Taker> takers;
  /// Support requests for the meeting the decision belongs to that are not yet met (0 when it has no meeting).
  int unmet_support = 0;
};

/// A rule broken: `key` is a catalogue key under "decisions.rules.broken."; `needed` and `had` are the numbers it says.
struct Breach {
  std::string_view key;
  long long needed = 0;
  long long had = 0;
  bool operator==(const Breach&) const = default;
};

struct Verdict {
  /// Empty when the decision met every rule.
  std::vector<Breach> breaches;
  bool valid() const { return breaches.empty(); }
};

/// Whether this person counts as a lived-experience member under these rules.
bool counts_as_lived_experience(const Rules& rules, const Taker& taker);

/// Checks every rule, in the order Rules lists them.
Verdict check(const Rules& rules, const Participation& participation);
/// The same from counts already made (the store groups who took part by member types): how many took part, how many
/// of them count as lived-experience members, and the unmet support requests.
Verdict check_counts(const Rules& rules, long long people, long long lived, long long unmet_support);

}  // namespace roundtable::decisions::power
