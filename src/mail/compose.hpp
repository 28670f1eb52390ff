/// Writes an email in the recipient's language: a greeting, paragraphs, an optional button-like link, and a footer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mail/message.hpp"

namespace roundtable::mail {

struct Action {
  std::string label;
  /// An absolute URL.
  std::string url;
};

/// Paragraphs and the action are plain text (escaped in the HTML part).
Message compose(std::string to_address, std::string to_name, core::Lang lang, std::string subject,
                const std::vector<std::string>& paragraphs, const std::optional<Action>& action);

/// The message `roundtable mail-test` queues, so operators can check that email reaches people.
Message test_message(std::string to_address, core::Lang lang);

}  // namespace roundtable::mail
