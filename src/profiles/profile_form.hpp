/// Reading and checking the profile forms (about you, what you bring, what you need, how to reach you).
#pragma once

#include <string>
#include <vector>

#include "accounts/account_form.hpp"
#include "http/form.hpp"
#include "profiles/profile.hpp"

namespace roundtable::profiles {

inline constexpr size_t kMaxPronounsLength = 40;
inline constexpr size_t kMaxLongTextLength = 2000;
inline constexpr size_t kMaxShortTextLength = 500;
inline constexpr size_t kMaxInterests = 20;
inline constexpr size_t kMaxInterestLength = 40;

struct AboutForm {
  std::string name;
  std::string pronouns;
  std::string lang;
};
AboutForm read_about(const http::FormData& form);
AboutForm about_from(const Profile& p);
std::vector<FormProblem> check_about(const AboutForm& f);
void apply_about(Profile& p, const AboutForm& f);

struct BringForm {
  std::string strengths;
  std::string skills;
  std::string lived_experience;
  /// As typed: "gardening, music".
  std::string interests;
};
BringForm read_bring(const http::FormData& form);
BringForm bring_from(const Profile& p);
std::vector<FormProblem> check_bring(const BringForm& f);
void apply_bring(Profile& p, const BringForm& f);

struct NeedsForm {
  std::vector<std::string> needs;
  std::string needs_other;
  std::string meeting_support;
  /// "yes", "no" or "" (not answered).
  std::string share;
};
NeedsForm read_needs(const http::FormData& form);
NeedsForm needs_from(const Profile& p);
std::vector<FormProblem> check_needs(const NeedsForm& f);
void apply_needs(Profile& p, const NeedsForm& f);

struct ContactForm {
  std::vector<std::string> methods;
  std::string phone;
  std::vector<std::string> times;
  std::string notes;
};
ContactForm read_contact(const http::FormData& form);
ContactForm contact_from(const Profile& p);
std::vector<FormProblem> check_contact(const ContactForm& f);
void apply_contact(Profile& p, const ContactForm& f);

/// Characters, not bytes.
size_t text_length(std::string_view s);
/// A UK or international phone number: 7 to 15 digits, with spaces, +, brackets and hyphens allowed.
bool is_plausible_phone(std::string_view phone);

}  // namespace roundtable::profiles
