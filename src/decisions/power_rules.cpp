#include "decisions/power_rules.hpp"

#include <algorithm>

namespace roundtable::decisions::power {

bool counts_as_lived_experience(const Rules& rules, const Taker& taker) {
  return std::any_of(taker.types.begin(), taker.types.end(), [&](MemberType t) {
    return t == MemberType::lived_experience || (rules.carers_count && t == MemberType::unpaid_carer);
  });
}

Verdict check(const Rules& rules, const Participation& participation) {
  const auto people = static_cast<long long>(participation.takers.size());
  const auto lived =
      static_cast<long long>(std::count_if(participation.takers.begin(), participation.takers.end(),
                                           [&](const Taker& t) { return counts_as_lived_experience(rules, t); }));
  return check_counts(rules, people, lived, participation.unmet_support);
}

Verdict check_counts(const Rules& rules, long long people, long long lived, long long unmet_support) {
  Verdict v;
  if (rules.at_least_lived_experience && lived < *rules.at_least_lived_experience) {
    v.breaches.push_back({"decisions.rules.broken.at_least", *rules.at_least_lived_experience, lived});
  }
  // At least half: 2 × lived ≥ everyone. Nobody taking part is not "half": a decision needs at least one.
  if (rules.lived_experience_half && (people == 0 || lived * 2 < people)) {
    v.breaches.push_back({"decisions.rules.broken.half", std::max<long long>(1, (people + 1) / 2), lived});
  }
  if (rules.no_unmet_support && unmet_support > 0) {
    v.breaches.push_back({"decisions.rules.broken.support", 0, unmet_support});
  }
  return v;
}

}  // namespace roundtable::decisions::power
