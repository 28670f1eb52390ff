#include "accounts/form_checks.hpp"

#include <string>

#include "core/text.hpp"

namespace roundtable::accounts {

namespace {

void add(std::vector<FormProblem>& out, std::string_view field, std::string_view prefix, std::string_view ending) {
  std::string key(prefix);
  key += field;
  key += ending;
  out.push_back({std::string(field), std::move(key)});
}

}  // namespace

void check_required(std::vector<FormProblem>& out, std::string_view value, std::size_t max, std::string_view field,
                    std::string_view prefix) {
  if (value.empty()) {
    add(out, field, prefix, "_missing");
  } else {
    check_at_most(out, value, max, field, prefix);
  }
}

void check_at_most(std::vector<FormProblem>& out, std::string_view value, std::size_t max, std::string_view field,
                   std::string_view prefix) {
  if (core::characters(value) > max) add(out, field, prefix, "_long");
}

}  // namespace roundtable::accounts
