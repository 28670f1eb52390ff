/// What is left of an emailed answer once the mail program's additions are gone: HTML turned into plain text, and
/// the quoted original and the signature trimmed. Pure functions (fuzzed with the MIME reader).
#pragma once

#include <string>
#include <string_view>

namespace roundtable::mail {

/// Plain text of an HTML body: tags stripped (script, style and head dropped whole), entities decoded, paragraphs,
/// line breaks and list items kept as lines, blockquotes as lines starting "> ". Never any markup of the original.
std::string html_to_text(std::string_view html);

/// The person's own words: cut at the first "On ... wrote:" (also split over lines, and the Welsh "Ar ...
/// ysgrifennodd:"), Outlook's "-----Original Message-----" or "From: ... Sent: ..." block, or a "-- " signature line;
/// lines quoted with ">" dropped; a closing "Sent from my iPhone" dropped; blank lines at the ends trimmed.
std::string trim_reply(std::string_view text);

}  // namespace roundtable::mail
