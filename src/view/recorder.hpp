/// Recordings on pages: recording with the microphone as an enhancement of an upload form (web/js/recorder.mjs), and
/// the browser's own player for a recording or video already uploaded. Shared by every page that takes or plays one
/// (About Me's "Add a recording", an expression of interest, its applicants page), so they look and behave alike.
#pragma once

#include <string>
#include <string_view>

#include "core/i18n.hpp"
#include "view/html.hpp"

namespace roundtable::view {

/// Recording with the microphone, for browsers that can: hidden until web/js/recorder.mjs shows it, so without it the
/// page is the upload form alone. The script takes its words from the data-text-* attributes (form.recorder.*, in the
/// reader's language) and puts the recording into the form's file input named file_input, so it is sent, checked and
/// cleaned as a chosen file. The page's response needs http::allow_microphone.
void recorder(Html& h, const core::Translator& t, std::string_view file_input);

/// A recording (or a video) that was uploaded, in the browser's own player, with a link to the file inside it for
/// browsers that cannot play it.
struct MediaPlayer {
  /// "/files/{public_id}"
  std::string url;
  /// Its type as sniffed on upload ("audio/webm"), or "".
  std::string mime;
  bool video = false;
  /// What it is, for screen readers (several players can be on one page).
  std::string label;
  /// The link's words ("Download the recording").
  std::string link_text;
};
void media_player(Html& h, const MediaPlayer& p);

}  // namespace roundtable::view
