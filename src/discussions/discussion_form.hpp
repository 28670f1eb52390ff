/// The discussions module's forms: what was typed, kept as typed for showing again, checked into catalogue keys.
#pragma once

#include <string>
#include <vector>

#include "accounts/account_form.hpp"

namespace roundtable::http {
class FormData;
}

namespace roundtable::discussions {

using accounts::FormProblem;

inline constexpr std::size_t kMaxTitle = 150;
inline constexpr std::size_t kMaxBody = 20000;
inline constexpr std::size_t kMaxReason = 1000;
inline constexpr std::size_t kMaxEasyRead = 5000;

/// A new topic, a reply, or a change to a post (title: only for a topic's opening post).
struct PostForm {
  std::string title;
  std::string body;
  /// "I will keep to the ground rules" was ticked (asked before a person's first post).
  bool agree_rules = false;
  /// The form's random key: sent twice, it makes one topic or reply.
  std::string create_key;
  /// A topic's picture's alternative text ("alt", checked by groups::check_picture), and "take the attachment away".
  std::string alt;
  bool remove_attachment = false;
};

PostForm read_post(const http::FormData& form);
/// with_title: a topic (new, or its opening post changed); rules_needed: the ground rules were shown and must be
/// agreed to.
std::vector<FormProblem> check_post(const PostForm& form, bool with_title, bool rules_needed);

/// Why a post is reported or hidden.
struct ReasonForm {
  std::string reason;
};
ReasonForm read_reason(const http::FormData& form);
/// field: "reason"; keys discussions.error.<what>_reason_missing / _long.
std::vector<FormProblem> check_reason(const ReasonForm& form, std::string_view what);

/// An easy-read summary (empty removes it).
struct EasyReadForm {
  std::string easy_read;
};
EasyReadForm read_easy_read(const http::FormData& form);
std::vector<FormProblem> check_easy_read(const EasyReadForm& form);

}  // namespace roundtable::discussions
