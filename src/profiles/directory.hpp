/// The member directory: who is in an organisation, found by name or by words in what they bring.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "organisations/organisation.hpp"
#include "profiles/profile.hpp"

namespace roundtable::profiles {

/// One person in an organisation's member directory.
struct MemberSummary {
  long long user_id = 0;
  std::string name;
  std::string pronouns;
  Role role = Role::member;
  std::vector<MemberType> member_types;
  std::vector<std::string> interests;
};

/// What the member directory is asked for.
struct DirectoryQuery {
  /// Words to find in names, strengths, skills and interests ("" lists everyone).
  std::string text;
  std::optional<MemberType> type;
  /// An interest tag, exactly.
  std::string interest;
  size_t limit = 20;
  /// A search's page: how many of its best matches come before it.
  size_t offset = 0;
  /// A list's page (no words): the people after, or before, this member (a user id) in name order; 0 for neither.
  long long after = 0;
  long long before = 0;
};

struct DirectoryPage {
  std::vector<MemberSummary> members;
  long long total = 0;
  /// More than the search counts (only with text).
  bool more = false;
  /// A list's page (no words): whether there are people before it and after it.
  bool more_before = false;
  bool more_after = false;
};

}  // namespace roundtable::profiles
