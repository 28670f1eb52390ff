/// The length checks every form makes of its text fields, with the keys of their problems built from the form's
/// prefix: "<prefix><field>_missing" and "<prefix><field>_long". Lengths are counted in characters
/// (core::characters), so Welsh letters and emoji count once.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "accounts/account_form.hpp"

namespace roundtable::accounts {

/// A text field the form needs: {field, prefix + field + "_missing"} when empty, {field, prefix + field + "_long"}
/// when over `max` characters. `prefix` is the start of the form's error keys, e.g. "meetings.error.".
void check_required(std::vector<FormProblem>& out, std::string_view value, std::size_t max, std::string_view field,
                    std::string_view prefix);
/// A text field that may be empty: {field, prefix + field + "_long"} when over `max` characters.
void check_at_most(std::vector<FormProblem>& out, std::string_view value, std::size_t max, std::string_view field,
                   std::string_view prefix);

}  // namespace roundtable::accounts
