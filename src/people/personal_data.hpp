/// The people module's part of the register of where personal data lives: each of its tables is listed here with
/// the column that ties its rows to a person (for download and erasure), or as holding none. Other modules list
/// theirs in their module::Module; app/modules_test.cpp fails for a table no module lists.
#pragma once

#include <string_view>
#include <vector>

#include "module/module.hpp"

namespace roundtable::people {

using module::Erasure;
using module::PersonalTable;
using module::PersonKey;

/// The people module's tables with personal data (other modules register theirs through their module::Module).
const std::vector<PersonalTable>& personal_tables();
/// The people module's tables without personal data, each with the reason.
const std::vector<std::pair<std::string_view, std::string_view>>& tables_without_personal_data();

}  // namespace roundtable::people
