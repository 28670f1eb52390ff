#include "organisations/organisation_form.hpp"

#include "core/text.hpp"
#include "http/form.hpp"

namespace roundtable::organisations {

OrgForm read_org(const http::FormData& form) {
  OrgForm f;
  f.name = form.trimmed("name");
  f.slug = normalise_email(form.value("slug"));  // trims and lower-cases
  for (auto l : form.all("languages")) f.languages.emplace_back(l);
  f.signup_mode = std::string(form.value("signup_mode"));
  return f;
}

OrgForm org_form_from(const Organisation& org) {
  OrgForm f;
  f.name = org.name;
  f.slug = org.slug;
  for (auto l : org.languages) f.languages.emplace_back(core::lang_code(l));
  f.signup_mode = std::string(signup_mode_code(org.signup_mode));
  return f;
}

std::vector<FormProblem> check_org(const OrgForm& f, bool check_slug) {
  std::vector<FormProblem> problems;
  if (f.name.empty()) {
    problems.push_back({"name", "organisations.org.error.name_missing"});
  } else if (core::characters(f.name) > kMaxNameLength) {
    problems.push_back({"name", "organisations.org.error.name_too_long"});
  }
  if (check_slug) {
    if (f.slug.empty()) {
      problems.push_back({"slug", "organisations.org.error.slug_missing"});
    } else if (!is_valid_slug(f.slug)) {
      problems.push_back({"slug", "organisations.org.error.slug_format"});
    }
  }
  bool any_language = false;
  for (auto& l : f.languages) {
    if (core::parse_lang(l)) any_language = true;
  }
  if (!any_language) problems.push_back({"languages", "organisations.org.error.languages_missing"});
  if (!parse_signup_mode(f.signup_mode)) problems.push_back({"signup_mode", "organisations.org.error.signup_missing"});
  return problems;
}

Organisation org_from_form(const OrgForm& f) {
  Organisation o;
  o.name = f.name;
  o.slug = f.slug;
  std::string langs;
  for (auto& l : f.languages) langs += (langs.empty() ? "" : ",") + l;
  o.languages = parse_languages(langs);
  o.signup_mode = parse_signup_mode(f.signup_mode).value_or(SignupMode::invitation);
  return o;
}

}  // namespace roundtable::organisations
