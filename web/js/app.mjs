// Progressive enhancement only: every page works without this file.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();

// govuk-frontend's file upload button holds the chosen file's name ("No file chosen") and the words "Choose file"
// with nothing between them but a visually hidden comma: laid out apart, but as text they run together
// ("No file chosenChoose file"). A voice-control user says what they see, and axe's check of that (WCAG 2.5.3,
// label-content-name-mismatch) finds the run-together word in no accessible name. A space after the name's span
// makes the text what is seen; the script only ever replaces the span's own text, so the space stays.
for (const status of document.querySelectorAll(".govuk-file-upload-button__status")) {
  if (status.nextSibling?.nodeType !== Node.TEXT_NODE) status.after(" ");
}

// About Me's "Add a recording": recording with the microphone. Loaded only on that page.
if (document.querySelector("[data-rt-recorder]")) {
  const { startRecorders } = await import("./recorder.mjs");
  startRecorders();
}

// A topic's page: new replies and reactions appear without reloading. Loaded only on a topic's last page of replies.
if (document.querySelector("[data-rt-live]")) {
  const { startLive } = await import("./live.mjs");
  startLive();
}

// A board's page: cards others change appear without reloading.
if (document.querySelector("[data-rt-board-live]")) {
  const { startBoardLive } = await import("./board_live.mjs");
  startBoardLive();
}

// A board's page or a list's page: a card can also be dragged with a mouse (the buttons stay the way to move it).
if (document.querySelector("[data-rt-board-drag]")) {
  const { startBoardDrag } = await import("./board_drag.mjs");
  startBoardDrag();
}
