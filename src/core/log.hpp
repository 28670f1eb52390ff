/// Structured logging: one JSON object per line on standard error.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace roundtable::core::log {

using Field = std::pair<std::string_view, std::string_view>;

enum class Level { info, warn, error };

/// Writes {"ts":..., "level":..., "event":..., fields...} atomically as one line.
void write(Level level, std::string_view event, std::initializer_list<Field> fields = {});
/// The same with fields made at run time.
void write(Level level, std::string_view event, const std::vector<std::pair<std::string, std::string>>& fields);
inline void info(std::string_view event, std::initializer_list<Field> fields = {}) {
  write(Level::info, event, fields);
}
inline void info(std::string_view event, const std::vector<std::pair<std::string, std::string>>& fields) {
  write(Level::info, event, fields);
}
inline void warn(std::string_view event, std::initializer_list<Field> fields = {}) {
  write(Level::warn, event, fields);
}
inline void error(std::string_view event, std::initializer_list<Field> fields = {}) {
  write(Level::error, event, fields);
}

/// Escapes a string for a JSON string literal (without the quotes).
void append_json_escaped(std::string& out, std::string_view s);

}  // namespace roundtable::core::log
