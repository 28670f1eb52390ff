#include "core/log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace roundtable::core::log {

void append_json_escaped(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
}

namespace {
/// One lock for every line, whichever overload writes it.
std::mutex write_mutex;

template <class Fields>
void write_fields(Level level, std::string_view event, const Fields& fields) {
  auto now = std::chrono::system_clock::now();
  auto secs = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char ts[64];
  std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  std::string line;
  line.reserve(128);
  line += "{\"ts\":\"";
  line += ts;
  line += "\",\"level\":\"";
  line += level == Level::info ? "info" : level == Level::warn ? "warn" : "error";
  line += "\",\"event\":\"";
  append_json_escaped(line, event);
  line += '"';
  for (auto& [k, v] : fields) {
    line += ",\"";
    append_json_escaped(line, k);
    line += "\":\"";
    append_json_escaped(line, v);
    line += '"';
  }
  line += "}\n";
  std::lock_guard lock(write_mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
}
}  // namespace

void write(Level level, std::string_view event, std::initializer_list<Field> fields) {
  write_fields(level, event, fields);
}

void write(Level level, std::string_view event, const std::vector<std::pair<std::string, std::string>>& fields) {
  write_fields(level, event, fields);
}

}  // namespace roundtable::core::log
