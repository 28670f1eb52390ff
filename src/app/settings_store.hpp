/// Settings shared by every server (kept in the settings table).
#pragma once

#include <string>

#include "db/database.hpp"

namespace roundtable::app {

/// The value of a setting, creating it with make_value() the first time (race-free across servers).
std::string get_or_create_setting(db::Database& db, const std::string& name, const std::string& initial_value);

}  // namespace roundtable::app
