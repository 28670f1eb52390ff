/// An organisation's own accessibility statement: what UK public-sector bodies must publish about the content they
/// add (The Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018): how well
/// it meets WCAG 2.2 AA, what does not work yet, how to ask for another format or report a problem, and when it was
/// checked. Roundtable's own statement (/accessibility) covers the platform's pages.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace roundtable::accessibility {

/// How well the organisation's content meets WCAG 2.2 AA, in the regulations' three wordings.
enum class Compliance { full, partial, none };

std::string_view compliance_code(Compliance c);
std::optional<Compliance> parse_compliance(std::string_view code);

struct Statement {
  long long org_id = 0;
  Compliance compliance = Compliance::partial;
  /// What does not work yet, in the organisation's words (shown as plain text, line breaks kept).
  std::string known_problems;
  std::string contact_email;
  std::string contact_phone;
  /// How many working days a reply takes at most.
  int reply_days = 5;
  /// Shown to everyone at /accessibility/{org} when true.
  bool published = false;
  /// When it was first saved, and last saved (unix seconds).
  long long prepared_at = 0;
  long long reviewed_at = 0;
};

/// The organisation a statement belongs to.
struct Org {
  long long id = 0;
  std::string slug;
  std::string name;
};

/// A published statement, for the list on Roundtable's own statement.
struct Listed {
  std::string org_slug;
  std::string org_name;
  long long reviewed_at = 0;
};

}  // namespace roundtable::accessibility
