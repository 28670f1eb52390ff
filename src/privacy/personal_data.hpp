/// The platform's part of the register of where personal data lives: the tables of the platform libraries (the
/// audit log, the outbox, settings), which belong to no module. Each module lists its own in its module::Module;
/// app/modules_test.cpp fails for a table nobody lists.
#pragma once

#include <string_view>
#include <vector>

#include "module/module.hpp"

namespace roundtable::privacy {

using module::Erasure;
using module::PersonalTable;
using module::PersonKey;

/// The platform's tables with personal data.
const std::vector<PersonalTable>& personal_tables();
/// The platform's tables without personal data, each with the reason.
const std::vector<module::TableWithout>& tables_without_personal_data();

}  // namespace roundtable::privacy
