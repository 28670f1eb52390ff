#include "view/problems.hpp"

namespace roundtable::view {

std::string_view error_for(const std::vector<FieldError>& errors, std::string_view field_id) {
  for (auto& e : errors) {
    if (e.field_id == field_id) return e.message;
  }
  return {};
}

}  // namespace roundtable::view
