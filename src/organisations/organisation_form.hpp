/// Reading and checking the organisation form (new organisation, settings). Errors are catalogue keys.
#pragma once

#include <string>
#include <vector>

#include "accounts/account_form.hpp"
#include "http/form.hpp"
#include "organisations/organisation.hpp"

namespace roundtable::organisations {

using accounts::FormProblem;
using accounts::kMaxNameLength;

struct OrgForm {
  std::string name;
  std::string slug;
  std::vector<std::string> languages;
  std::string signup_mode;
};
OrgForm read_org(const http::FormData& form);
OrgForm org_form_from(const Organisation& org);
/// Checks the form; check_slug is false when editing (the web address does not change).
std::vector<FormProblem> check_org(const OrgForm& f, bool check_slug);
/// The organisation the valid form describes (id 0).
Organisation org_from_form(const OrgForm& f);

}  // namespace roundtable::organisations
