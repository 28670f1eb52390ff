// Test support for the GOV.UK parity tests: reading govuk-frontend's fixtures.json, turning options into the
// components' structs, and comparing HTML after normalisation.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "view/govuk/govuk.hpp"

namespace roundtable::view::govuk::testing {

namespace json = boost::json;

/// Collapses whitespace, drops whitespace between and just inside tags, sorts each tag's attributes and writes
/// `<br/>` as `<br>`; one tag or text run per line.
std::string normalise(std::string_view html);

/// A fixture the C++ API deliberately does not support, and why.
struct Unsupported {
  std::string_view fixture;
  std::string_view reason;
};

using Render = std::function<void(Html&, const json::object& options)>;

/// Renders every fixture of the component and compares it with govuk-frontend's HTML. Fixtures listed in
/// unsupported are skipped (and reported if they now match).
void check_fixtures(std::string_view component, const Render& render, const std::vector<Unsupported>& unsupported);

// Reading options. Missing keys give empty values; numbers and booleans read as text give their JSON spelling.
const json::value* get(const json::object& o, std::string_view key);
std::string str(const json::object& o, std::string_view key);
std::string str(const json::value& v);
bool has(const json::object& o, std::string_view key);
bool flag(const json::object& o, std::string_view key);
std::optional<bool> opt_flag(const json::object& o, std::string_view key);
int integer(const json::object& o, std::string_view key, int fallback = 0);
/// The option as trusted markup (the fixtures are govuk-frontend's own), when it is a non-empty string. Defined in
/// govuk_test.cpp, the one test file allowed to call Html::trusted.
std::optional<Html> html(const json::object& o, std::string_view key);
/// The option as an object (an empty one when missing or not an object).
const json::object& obj(const json::object& o, std::string_view key);
Attributes attributes(const json::object& o, std::string_view key = "attributes");
Content content(const json::object& o);
PluralMessages plural(const json::object& o, std::string_view key);
/// The truthy entries of an array option (nunjucks skips null, false and "").
std::vector<const json::value*> entries(const json::object& o, std::string_view key);

Label label(const json::object& o);
Hint hint(const json::object& o);
ErrorMessage error_message(const json::object& o);
Fieldset fieldset(const json::object& o);
FormGroup form_group(const json::object& o);
InputsFormGroup inputs_form_group(const json::object& o);

}  // namespace roundtable::view::govuk::testing
