#include "accessibility/statement.hpp"

namespace roundtable::accessibility {

std::string_view compliance_code(Compliance c) {
  switch (c) {
    case Compliance::full: return "full";
    case Compliance::partial: return "partial";
    case Compliance::none: return "none";
  }
  return "partial";
}

std::optional<Compliance> parse_compliance(std::string_view code) {
  for (auto c : {Compliance::full, Compliance::partial, Compliance::none}) {
    if (compliance_code(c) == code) return c;
  }
  return std::nullopt;
}

}  // namespace roundtable::accessibility
