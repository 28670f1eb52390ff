#include "profiles/profile_form.hpp"

#include <algorithm>

namespace roundtable::profiles {

namespace {

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (auto& x : v) {
    if (!out.empty()) out += sep;
    out += x;
  }
  return out;
}

std::vector<std::string> all(const http::FormData& form, std::string_view name) {
  std::vector<std::string> out;
  for (auto v : form.all(name)) out.emplace_back(v);
  return out;
}

void check_length(std::vector<FormProblem>& problems, const std::string& value, size_t max, const char* field,
                  const char* key) {
  if (text_length(value) > max) problems.push_back({field, key});
}

}  // namespace

size_t text_length(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool is_plausible_phone(std::string_view phone) {
  int digits = 0;
  for (char c : phone) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '+' && c != '(' && c != ')' && c != '-') {
      return false;
    }
  }
  return digits >= 7 && digits <= 15;
}

AboutForm read_about(const http::FormData& form) {
  return {form.trimmed("name"), form.trimmed("pronouns"), std::string(form.value("lang"))};
}

AboutForm about_from(const Profile& p) { return {p.name, p.pronouns, std::string(core::lang_code(p.lang))}; }

std::vector<FormProblem> check_about(const AboutForm& f) {
  std::vector<FormProblem> problems;
  if (f.name.empty()) problems.push_back({"name", "profiles.profile.error.name_missing"});
  check_length(problems, f.name, kMaxNameLength, "name", "profiles.profile.error.name_too_long");
  check_length(problems, f.pronouns, kMaxPronounsLength, "pronouns", "profiles.profile.error.pronouns_too_long");
  if (!core::parse_lang(f.lang)) problems.push_back({"lang", "profiles.profile.error.lang_missing"});
  return problems;
}

void apply_about(Profile& p, const AboutForm& f) {
  p.name = f.name;
  p.pronouns = f.pronouns;
  p.lang = core::parse_lang(f.lang).value_or(p.lang);
}

BringForm read_bring(const http::FormData& form) {
  return {form.trimmed("strengths"), form.trimmed("skills"), form.trimmed("lived_experience"),
          form.trimmed("interests")};
}

BringForm bring_from(const Profile& p) { return {p.strengths, p.skills, p.lived_experience, join(p.interests, ", ")}; }

std::vector<FormProblem> check_bring(const BringForm& f) {
  std::vector<FormProblem> problems;
  check_length(problems, f.strengths, kMaxLongTextLength, "strengths", "profiles.profile.error.strengths_too_long");
  check_length(problems, f.skills, kMaxLongTextLength, "skills", "profiles.profile.error.skills_too_long");
  check_length(problems, f.lived_experience, kMaxLongTextLength, "lived_experience",
               "profiles.profile.error.lived_experience_too_long");
  auto tags = parse_interests(f.interests);
  if (tags.size() > kMaxInterests) {
    problems.push_back({"interests", "profiles.profile.error.interests_too_many"});
  } else if (std::any_of(tags.begin(), tags.end(), [](auto& t) { return text_length(t) > kMaxInterestLength; })) {
    problems.push_back({"interests", "profiles.profile.error.interest_too_long"});
  }
  return problems;
}

void apply_bring(Profile& p, const BringForm& f) {
  p.strengths = f.strengths;
  p.skills = f.skills;
  p.lived_experience = f.lived_experience;
  p.interests = parse_interests(f.interests);
}

NeedsForm read_needs(const http::FormData& form) {
  return {all(form, "needs"), form.trimmed("needs_other"), form.trimmed("meeting_support"),
          std::string(form.value("share"))};
}

NeedsForm needs_from(const Profile& p) {
  NeedsForm f;
  for (auto n : p.needs) f.needs.emplace_back(need_code(n));
  f.needs_other = p.needs_other;
  f.meeting_support = p.meeting_support;
  f.share = p.share_needs ? "yes" : "no";
  return f;
}

std::vector<FormProblem> check_needs(const NeedsForm& f) {
  std::vector<FormProblem> problems;
  const bool other = std::find(f.needs.begin(), f.needs.end(), "other") != f.needs.end();
  if (other && f.needs_other.empty()) problems.push_back({"needs_other", "profiles.profile.error.needs_other_missing"});
  check_length(problems, f.needs_other, kMaxShortTextLength, "needs_other",
               "profiles.profile.error.needs_other_too_long");
  check_length(problems, f.meeting_support, kMaxLongTextLength, "meeting_support",
               "profiles.profile.error.meeting_support_too_long");
  if (f.share != "yes" && f.share != "no") problems.push_back({"share", "profiles.profile.error.share_missing"});
  return problems;
}

void apply_needs(Profile& p, const NeedsForm& f) {
  p.needs = parse_needs(join(f.needs, ","));
  const bool other = std::find(p.needs.begin(), p.needs.end(), Need::other) != p.needs.end();
  // Text about "other" needs only counts when "other" is ticked.
  p.needs_other = other ? f.needs_other : std::string();
  p.meeting_support = f.meeting_support;
  p.share_needs = f.share == "yes";
}

ContactForm read_contact(const http::FormData& form) {
  return {all(form, "methods"), form.trimmed("phone"), all(form, "times"), form.trimmed("notes")};
}

ContactForm contact_from(const Profile& p) {
  ContactForm f;
  for (auto m : p.contact_methods) f.methods.emplace_back(contact_method_code(m));
  f.phone = p.phone;
  for (auto t : p.contact_times) f.times.emplace_back(contact_time_code(t));
  f.notes = p.contact_notes;
  return f;
}

std::vector<FormProblem> check_contact(const ContactForm& f) {
  std::vector<FormProblem> problems;
  auto methods = parse_contact_methods(join(f.methods, ","));
  if (methods.empty()) problems.push_back({"methods", "profiles.profile.error.methods_missing"});
  const bool needs_phone = std::find(methods.begin(), methods.end(), ContactMethod::phone) != methods.end() ||
                           std::find(methods.begin(), methods.end(), ContactMethod::text) != methods.end();
  if (needs_phone && f.phone.empty()) {
    problems.push_back({"phone", "profiles.profile.error.phone_missing"});
  } else if (!f.phone.empty() && !is_plausible_phone(f.phone)) {
    problems.push_back({"phone", "profiles.profile.error.phone_format"});
  }
  check_length(problems, f.notes, kMaxShortTextLength, "notes", "profiles.profile.error.notes_too_long");
  return problems;
}

void apply_contact(Profile& p, const ContactForm& f) {
  p.contact_methods = parse_contact_methods(join(f.methods, ","));
  p.phone = f.phone;
  p.contact_times = parse_contact_times(join(f.times, ","));
  p.contact_notes = f.notes;
}

}  // namespace roundtable::profiles
