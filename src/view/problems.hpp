/// A problem with one field of a form, said in plain words: what a page shows in its error summary and beside the
/// field.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace roundtable::view {

struct FieldError {
  /// The id of the input to jump to ("" for a problem with the whole form).
  std::string field_id;
  std::string message;
};

/// The field's error message, or "" when it has none.
std::string_view error_for(const std::vector<FieldError>& errors, std::string_view field_id);

}  // namespace roundtable::view
