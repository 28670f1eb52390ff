#include "groups/group_form.hpp"

#include <stdexcept>

#include "core/text.hpp"
#include "http/form.hpp"

namespace roundtable::groups {

namespace {

void check_document(std::vector<FormProblem>& out, const std::string& value, const char* field) {
  if (core::characters(value) > kMaxDocument) out.push_back({field, "groups.error.document_long"});
}

}  // namespace

GroupForm read_group(const http::FormData& form) {
  GroupForm f;
  f.name = form.trimmed("name");
  f.purpose = form.trimmed("purpose");
  f.kind = form.trimmed("kind");
  f.level = form.trimmed("level");
  f.visibility = form.trimmed("visibility");
  f.stage = form.trimmed("stage");
  f.terms = form.trimmed("terms");
  f.terms_easy = form.trimmed("terms_easy");
  f.ground_rules = form.trimmed("ground_rules");
  f.ground_rules_easy = form.trimmed("ground_rules_easy");
  f.principles = form.trimmed("principles");
  f.principles_easy = form.trimmed("principles_easy");
  f.create_key = form.trimmed("create_key");
  return f;
}

GroupForm form_of(const GroupDetails& d) {
  // Saved from such a form, the documents read as empty would be gone.
  if (!d.documents_read) throw std::logic_error("groups::form_of: the group was read without its documents");
  GroupForm f;
  f.name = d.name;
  f.purpose = d.purpose;
  f.kind = kind_code(d.kind);
  f.level = level_code(d.level);
  f.visibility = visibility_code(d.visibility);
  f.stage = d.stage ? std::string(stage_code(*d.stage)) : "none";
  f.terms = d.terms.standard;
  f.terms_easy = d.terms.easy_read;
  f.ground_rules = d.ground_rules.standard;
  f.ground_rules_easy = d.ground_rules.easy_read;
  f.principles = d.principles.standard;
  f.principles_easy = d.principles.easy_read;
  return f;
}

std::vector<FormProblem> check_group(const GroupForm& f, bool creating) {
  std::vector<FormProblem> out;
  if (f.name.empty()) {
    out.push_back({"name", "groups.error.name_missing"});
  } else if (core::characters(f.name) > kMaxName) {
    out.push_back({"name", "groups.error.name_long"});
  }
  if (f.purpose.empty()) {
    out.push_back({"purpose", "groups.error.purpose_missing"});
  } else if (core::characters(f.purpose) > kMaxPurpose) {
    out.push_back({"purpose", "groups.error.purpose_long"});
  }
  if (!parse_kind(f.kind)) out.push_back({"kind", "groups.error.kind"});
  if (!parse_level(f.level)) out.push_back({"level", "groups.error.level"});
  if (!parse_visibility(f.visibility)) out.push_back({"visibility", "groups.error.visibility"});
  if (f.stage != "none" && !parse_stage(f.stage)) out.push_back({"stage", "groups.error.stage"});
  check_document(out, f.terms, "terms");
  check_document(out, f.terms_easy, "terms_easy");
  check_document(out, f.ground_rules, "ground_rules");
  check_document(out, f.ground_rules_easy, "ground_rules_easy");
  check_document(out, f.principles, "principles");
  check_document(out, f.principles_easy, "principles_easy");
  // The key comes from the page, not the person: without it the page was not ours (or is very old).
  if (creating && (f.create_key.size() < 16 || f.create_key.size() > 64)) {
    out.push_back({"name", "groups.error.form_expired"});
  }
  return out;
}

GroupDetails details_of(const GroupForm& f) {
  GroupDetails d;
  d.name = f.name;
  d.purpose = f.purpose;
  d.kind = parse_kind(f.kind).value_or(Kind::standing);
  d.level = parse_level(f.level).value_or(Level::group);
  d.visibility = parse_visibility(f.visibility).value_or(Visibility::members);
  d.stage = parse_stage(f.stage);
  d.terms = {f.terms, f.terms_easy};
  d.ground_rules = {f.ground_rules, f.ground_rules_easy};
  d.principles = {f.principles, f.principles_easy};
  return d;
}

StageForm read_stage(const http::FormData& form) { return {form.trimmed("stage"), form.trimmed("reason")}; }

std::vector<FormProblem> check_stage(const StageForm& f, std::optional<Stage> current) {
  std::vector<FormProblem> out;
  const auto to = parse_stage(f.stage);
  if (!to) {
    out.push_back({"stage", "groups.error.stage_missing"});
  } else if (current && *to == *current) {
    out.push_back({"stage", "groups.error.stage_same"});
  }
  if (f.reason.empty()) {
    out.push_back({"reason", "groups.error.reason_missing"});
  } else if (core::characters(f.reason) > kMaxReason) {
    out.push_back({"reason", "groups.error.reason_long"});
  }
  return out;
}

AskForm read_ask(const http::FormData& form) { return {form.trimmed("message")}; }

std::vector<FormProblem> check_ask(const AskForm& f) {
  std::vector<FormProblem> out;
  if (core::characters(f.message) > kMaxMessage) out.push_back({"message", "groups.error.message_long"});
  return out;
}

PictureForm read_picture(const http::FormData& form) { return {form.trimmed("alt")}; }

std::vector<FormProblem> check_picture(const PictureForm& f, bool needed) {
  std::vector<FormProblem> out;
  if (f.alt.empty()) {
    if (needed) out.push_back({"alt", "groups.error.alt_missing"});
  } else if (core::characters(f.alt) > kMaxPictureAlt) {
    out.push_back({"alt", "groups.error.alt_long"});
  }
  return out;
}

}  // namespace roundtable::groups
