/// The groups module's forms: what was typed, kept as typed for showing again, checked into catalogue keys.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/account_form.hpp"
#include "groups/group.hpp"

namespace roundtable::http {
class FormData;
}

namespace roundtable::groups {

using accounts::FormProblem;

inline constexpr std::size_t kMaxName = 120;
inline constexpr std::size_t kMaxPurpose = 600;
/// Terms of reference, ground rules and principles, each version.
inline constexpr std::size_t kMaxDocument = 20000;
inline constexpr std::size_t kMaxReason = 1000;
inline constexpr std::size_t kMaxMessage = 1000;
/// The words that describe a group's picture (alt text): a sentence or two.
inline constexpr std::size_t kMaxPictureAlt = 250;

struct GroupForm {
  std::string name;
  std::string purpose;
  std::string kind;
  std::string level;
  std::string visibility;
  /// A stage code, or "none".
  std::string stage;
  std::string terms, terms_easy;
  std::string ground_rules, ground_rules_easy;
  std::string principles, principles_easy;
  /// The form's random key: sent twice, it makes one group.
  std::string create_key;
};

GroupForm read_group(const http::FormData& form);
/// The form filled in from a group's details (to edit them).
GroupForm form_of(const GroupDetails& details);
/// Problems in page order; creating: the create key must be there too.
std::vector<FormProblem> check_group(const GroupForm& form, bool creating);
/// The details of a form check_group found nothing wrong with.
GroupDetails details_of(const GroupForm& form);

struct StageForm {
  std::string stage;
  std::string reason;
};
StageForm read_stage(const http::FormData& form);
/// current: the group's stage now (moving to the same stage is a problem).
std::vector<FormProblem> check_stage(const StageForm& form, std::optional<Stage> current);

/// A request to join: what the person would like the group to know (optional).
struct AskForm {
  std::string message;
};
AskForm read_ask(const http::FormData& form);
std::vector<FormProblem> check_ask(const AskForm& form);

/// A group's picture: the words that describe it (the file itself is checked by uploads::prepare).
struct PictureForm {
  std::string alt;
};
PictureForm read_picture(const http::FormData& form);
/// needed: a picture is being added or replaced, or one is there (the words are then required).
std::vector<FormProblem> check_picture(const PictureForm& form, bool needed);

}  // namespace roundtable::groups
