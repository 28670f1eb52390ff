#include "view/govuk/govuk_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/build_paths.hpp"

namespace roundtable::view::govuk::testing {

namespace {

bool space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

std::string collapse(std::string_view s) {
  std::string out;
  bool pending = false;
  for (char c : s) {
    if (space(c)) {
      pending = !out.empty();
    } else {
      if (pending) out += ' ';
      pending = false;
      out += c;
    }
  }
  return out;
}

/// `<name a="v" ...>` with attributes sorted and values collapsed.
std::string normalise_tag(std::string_view tag) {
  size_t i = 1;
  const bool closing = tag.size() > 1 && tag[1] == '/';
  if (closing) ++i;
  size_t end = tag.size() - 1;  // the '>'
  while (end > i && (space(tag[end - 1]) || tag[end - 1] == '/')) --end;
  size_t name_end = i;
  while (name_end < end && !space(tag[name_end])) ++name_end;
  std::string out = "<";
  if (closing) out += '/';
  out.append(tag.substr(i, name_end - i));
  std::vector<std::string> attrs;
  i = name_end;
  while (i < end) {
    while (i < end && space(tag[i])) ++i;
    if (i >= end) break;
    size_t n = i;
    while (n < end && !space(tag[n]) && tag[n] != '=') ++n;
    std::string attr(tag.substr(i, n - i));
    i = n;
    while (i < end && space(tag[i])) ++i;
    if (i < end && tag[i] == '=') {
      ++i;
      while (i < end && space(tag[i])) ++i;
      std::string value;
      if (i < end && (tag[i] == '"' || tag[i] == '\'')) {
        const char q = tag[i++];
        const size_t close = tag.find(q, i);
        value = std::string(tag.substr(i, close - i));
        i = close + 1;
      } else {
        const size_t start = i;
        while (i < end && !space(tag[i])) ++i;
        value = std::string(tag.substr(start, i - start));
      }
      attr += "=\"" + collapse(value) + "\"";
    }
    attrs.push_back(std::move(attr));
  }
  std::stable_sort(attrs.begin(), attrs.end());
  for (auto& a : attrs) out += " " + a;
  return out + ">";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::string normalise(std::string_view html) {
  std::string out;
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      size_t j = i + 1;
      char quote = 0;
      while (j < html.size() && (quote || html[j] != '>')) {
        if (quote && html[j] == quote) {
          quote = 0;
        } else if (!quote && (html[j] == '"' || html[j] == '\'')) {
          quote = html[j];
        }
        ++j;
      }
      out += normalise_tag(html.substr(i, j + 1 - i));
      out += '\n';
      i = j + 1;
    } else {
      const size_t j = std::min(html.find('<', i), html.size());
      const std::string text = collapse(html.substr(i, j - i));
      if (!text.empty()) out += text + '\n';
      i = j;
    }
  }
  return out;
}

void check_fixtures(std::string_view component, const Render& render, const std::vector<Unsupported>& unsupported) {
  const std::string path =
      std::string(core::build_paths::govuk_components_dir()) + "/" + std::string(component) + "/fixtures.json";
  const std::string text = read_file(path);
  ASSERT_FALSE(text.empty()) << path << " is missing: run `npm ci` in web/ to install govuk-frontend.";
  const json::value doc = json::parse(text);
  int matched = 0;
  int skipped = 0;
  std::vector<std::string_view> listed_but_missing;
  for (const auto& u : unsupported) listed_but_missing.push_back(u.fixture);
  for (const auto& f : doc.at("fixtures").as_array()) {
    const auto& fixture = f.as_object();
    const std::string name(fixture.at("name").as_string());
    const auto listed =
        std::find_if(unsupported.begin(), unsupported.end(), [&](const Unsupported& u) { return u.fixture == name; });
    std::erase(listed_but_missing, std::string_view(name));
    const std::string expected = normalise(fixture.at("html").as_string());
    std::string got;
    std::string error;
    try {
      Html h;
      render(h, fixture.at("options").as_object());
      got = normalise(h.str());
    } catch (const std::exception& e) {
      error = e.what();
    }
    if (listed != unsupported.end()) {
      ++skipped;
      EXPECT_NE(expected, got) << component << " fixture '" << name
                               << "' is listed as unsupported but matches: take it off the list.";
      continue;
    }
    if (!error.empty()) {
      ADD_FAILURE() << component << " fixture '" << name << "' threw: " << error;
    } else if (expected != got) {
      ADD_FAILURE() << component << " fixture '" << name << "' differs (normalised, one tag or text per line)\n"
                    << "--- expected\n"
                    << expected << "--- got\n"
                    << got << "---";
    } else {
      ++matched;
    }
  }
  for (auto missing : listed_but_missing) ADD_FAILURE() << component << ": no fixture named '" << missing << "'";
  std::cout << "[ parity   ] " << component << ": " << matched << " of " << doc.at("fixtures").as_array().size()
            << " fixtures match, " << skipped << " unsupported\n";
}

const json::value* get(const json::object& o, std::string_view key) { return o.if_contains(key); }

std::string str(const json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_int64()) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  if (v.is_double()) return json::serialize(v);
  if (v.is_bool()) return v.get_bool() ? "true" : "false";
  return {};
}

std::string str(const json::object& o, std::string_view key) {
  const auto* v = get(o, key);
  return v ? str(*v) : std::string();
}

bool has(const json::object& o, std::string_view key) {
  const auto* v = get(o, key);
  return v && !v->is_null();
}

bool flag(const json::object& o, std::string_view key) {
  const auto* v = get(o, key);
  return v && v->is_bool() && v->get_bool();
}

std::optional<bool> opt_flag(const json::object& o, std::string_view key) {
  const auto* v = get(o, key);
  if (!v || !v->is_bool()) return std::nullopt;
  return v->get_bool();
}

int integer(const json::object& o, std::string_view key, int fallback) {
  const auto* v = get(o, key);
  if (v && v->is_int64()) return static_cast<int>(v->get_int64());
  if (v && v->is_string()) return std::stoi(std::string(v->get_string()));
  return fallback;
}

const json::object& obj(const json::object& o, std::string_view key) {
  static const json::object empty;
  const auto* v = get(o, key);
  return v && v->is_object() ? v->get_object() : empty;
}

Attributes attributes(const json::object& o, std::string_view key) {
  Attributes out;
  for (const auto& [name, value] : obj(o, key)) out.push_back({std::string(name), str(value)});
  return out;
}

Content content(const json::object& o) {
  Content c(str(o, "text"));
  c.html = html(o, "html");
  return c;
}

PluralMessages plural(const json::object& o, std::string_view key) {
  const auto& m = obj(o, key);
  return {.zero = str(m, "zero"),
          .one = str(m, "one"),
          .two = str(m, "two"),
          .few = str(m, "few"),
          .many = str(m, "many"),
          .other = str(m, "other")};
}

std::vector<const json::value*> entries(const json::object& o, std::string_view key) {
  std::vector<const json::value*> out;
  const auto* v = get(o, key);
  if (!v || !v->is_array()) return out;
  for (const auto& e : v->get_array()) {
    if (e.is_null() || (e.is_bool() && !e.get_bool()) || (e.is_string() && e.get_string().empty())) continue;
    out.push_back(&e);
  }
  return out;
}

Label label(const json::object& o) {
  return {.text = str(o, "text"),
          .html = html(o, "html"),
          .for_ = str(o, "for"),
          .is_page_heading = flag(o, "isPageHeading"),
          .classes = str(o, "classes"),
          .attributes = attributes(o)};
}

Hint hint(const json::object& o) {
  return {.text = str(o, "text"),
          .html = html(o, "html"),
          .id = str(o, "id"),
          .classes = str(o, "classes"),
          .attributes = attributes(o)};
}

ErrorMessage error_message(const json::object& o) {
  ErrorMessage e{.text = str(o, "text"),
                 .html = html(o, "html"),
                 .id = str(o, "id"),
                 .classes = str(o, "classes"),
                 .attributes = attributes(o)};
  if (get(o, "visuallyHiddenText")) e.visually_hidden_text = str(o, "visuallyHiddenText");
  if (opt_flag(o, "visuallyHiddenText") == false) e.visually_hidden_text.clear();
  return e;
}

Fieldset fieldset(const json::object& o) {
  const auto& legend = obj(o, "legend");
  return {.described_by = str(o, "describedBy"),
          .legend = {.text = str(legend, "text"),
                     .html = html(legend, "html"),
                     .classes = str(legend, "classes"),
                     .is_page_heading = flag(legend, "isPageHeading")},
          .classes = str(o, "classes"),
          .role = str(o, "role"),
          .attributes = attributes(o),
          .html = html(o, "html")};
}

FormGroup form_group(const json::object& o) {
  const auto& g = obj(o, "formGroup");
  return {.classes = str(g, "classes"),
          .attributes = attributes(g),
          .before_input = content(obj(g, "beforeInput")),
          .after_input = content(obj(g, "afterInput"))};
}

InputsFormGroup inputs_form_group(const json::object& o) {
  const auto& g = obj(o, "formGroup");
  return {.classes = str(g, "classes"),
          .attributes = attributes(g),
          .before_inputs = content(obj(g, "beforeInputs")),
          .after_inputs = content(obj(g, "afterInputs"))};
}

}  // namespace roundtable::view::govuk::testing
