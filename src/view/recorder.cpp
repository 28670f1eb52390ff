#include "view/recorder.hpp"

#include "view/govuk/govuk.hpp"

namespace roundtable::view {

void recorder(Html& h, const core::Translator& t, std::string_view file_input) {
  h.raw("<div class=\"rt-recorder\" data-rt-recorder data-file-input=\"").text(file_input).raw("\" hidden");
  h.raw(" data-text-recording=\"").text(t("form.recorder.recording")).raw("\"");
  h.raw(" data-text-stopped=\"").text(t("form.recorder.stopped")).raw("\"");
  h.raw(" data-text-refused=\"").text(t("form.recorder.refused")).raw("\"");
  h.raw(" data-text-no-microphone=\"").text(t("form.recorder.no_microphone")).raw("\"");
  h.raw(" data-text-failed=\"").text(t("form.recorder.failed")).raw("\"");
  h.raw(" data-text-file-name=\"").text(t("form.recorder.file_name")).raw("\">\n");
  govuk::heading(h, 2, "s", t("form.recorder.heading"));
  govuk::paragraph(h, t("form.recorder.hint"), "govuk-hint");
  // One step's buttons at a time; the script moves the focus to what comes next.
  govuk::button_group_start(h);
  const auto step = [&](std::string_view key, std::string classes, std::string data, bool shown) {
    govuk::Attributes attributes{{std::move(data), ""}};
    if (!shown) attributes.push_back({"hidden", ""});
    govuk::button(h, {.text = std::string(t(key)),
                      .type = "button",
                      .classes = std::move(classes),
                      .attributes = std::move(attributes)});
  };
  step("form.recorder.record", "govuk-button--secondary", "data-rt-record", true);
  step("form.recorder.stop", "govuk-button--warning", "data-rt-stop", false);
  step("form.recorder.again", "govuk-button--secondary", "data-rt-again", false);
  govuk::button_group_end(h);
  // What is happening, said by screen readers as it changes.
  h.raw("<p class=\"govuk-body\" role=\"status\" data-rt-status></p>\n");
  h.raw("<audio class=\"rt-media govuk-!-margin-bottom-6\" controls data-rt-playback hidden aria-label=\"");
  h.text(t("form.recorder.playback")).raw("\"></audio>\n");
  h.raw("</div>\n");
}

void media_player(Html& h, const MediaPlayer& p) {
  // The browser's own player; the link inside is for browsers that cannot play it.
  h.raw_if(p.video, "<video", "<audio").raw(" class=\"rt-media\" controls preload=\"none\"");
  h.raw(" aria-label=\"").text(p.label).raw("\">\n");
  h.raw("<source src=\"").text(p.url).raw("\"");
  if (!p.mime.empty()) h.raw(" type=\"").text(p.mime).raw("\"");
  h.raw(">\n");
  govuk::link(h, p.url, p.link_text);
  h.raw_if(p.video, "\n</video>\n", "\n</audio>\n");
}

}  // namespace roundtable::view
