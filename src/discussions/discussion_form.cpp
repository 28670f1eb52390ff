#include "discussions/discussion_form.hpp"

#include "core/text.hpp"
#include "http/form.hpp"

namespace roundtable::discussions {

PostForm read_post(const http::FormData& form) {
  PostForm f;
  f.title = form.trimmed("title");
  f.body = form.trimmed("body");
  f.agree_rules = form.trimmed("agree_rules") == "yes";
  f.create_key = form.trimmed("create_key");
  f.alt = form.trimmed("alt");
  f.remove_attachment = form.trimmed("remove_attachment") == "1";
  return f;
}

std::vector<FormProblem> check_post(const PostForm& f, bool with_title, bool rules_needed) {
  std::vector<FormProblem> out;
  if (with_title) {
    if (f.title.empty()) {
      out.push_back({"title", "discussions.error.title_missing"});
    } else if (core::characters(f.title) > kMaxTitle) {
      out.push_back({"title", "discussions.error.title_long"});
    }
  }
  if (f.body.empty()) {
    out.push_back({"body", with_title ? "discussions.error.opening_missing" : "discussions.error.body_missing"});
  } else if (core::characters(f.body) > kMaxBody) {
    out.push_back({"body", "discussions.error.body_long"});
  }
  if (rules_needed && !f.agree_rules) out.push_back({"agree_rules", "discussions.error.rules_missing"});
  return out;
}

ReasonForm read_reason(const http::FormData& form) { return {form.trimmed("reason")}; }

std::vector<FormProblem> check_reason(const ReasonForm& f, std::string_view what) {
  const std::string prefix = "discussions.error." + std::string(what);
  if (f.reason.empty()) return {{"reason", prefix + "_reason_missing"}};
  if (core::characters(f.reason) > kMaxReason) return {{"reason", prefix + "_reason_long"}};
  return {};
}

EasyReadForm read_easy_read(const http::FormData& form) { return {form.trimmed("easy_read")}; }

std::vector<FormProblem> check_easy_read(const EasyReadForm& f) {
  if (core::characters(f.easy_read) > kMaxEasyRead) return {{"easy_read", "discussions.error.easy_read_long"}};
  return {};
}

}  // namespace roundtable::discussions
