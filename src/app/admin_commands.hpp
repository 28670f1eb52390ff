/// `roundtable admin ...`: setting up organisations and accounts from the command line.
#pragma once

#include <iosfwd>

#include "core/config.hpp"

namespace roundtable::app {

/// Runs an admin command; returns the exit code (0 done, 1 could not, 2 bad input). password_in is read for
/// --password-stdin.
int admin(const core::Config& config, std::istream& password_in);

}  // namespace roundtable::app
