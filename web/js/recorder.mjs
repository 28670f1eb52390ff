// Recording with the microphone on About Me's "Add a recording" page, as an enhancement of its upload form. It starts
// only where the browser can record (MediaRecorder, getUserMedia, DataTransfer); anywhere else the page stays the
// upload form it always was. The recording is put into the form's file input, so the same form post sends it and the
// server checks it and removes its metadata as it does for any chosen file. Its words come from the page (data-text-*
// attributes, in the reader's language); what is happening is said in a polite live region (role="status").

// The types to ask for, best first: Chromium records Opus in WebM, Firefox Opus in Ogg, Safari AAC in MP4.
const types = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"];
const extensions = { "audio/webm": "webm", "audio/ogg": "ogg", "audio/mp4": "m4a" };

function canRecord() {
  return (
    typeof window.MediaRecorder === "function" &&
    typeof navigator.mediaDevices?.getUserMedia === "function" &&
    typeof window.DataTransfer === "function"
  );
}

/** "0:12", "1:05". */
function duration(seconds) {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

function setUp(box) {
  // By name: govuk-frontend's file upload gives the input's id to the button it draws for it.
  const input = [...(box.closest("form")?.querySelectorAll("input[type=file]") ?? [])].find(
    (i) => i.name === box.dataset.fileInput,
  );
  const record = box.querySelector("[data-rt-record]");
  const stop = box.querySelector("[data-rt-stop]");
  const again = box.querySelector("[data-rt-again]");
  const status = box.querySelector("[data-rt-status]");
  const playback = box.querySelector("[data-rt-playback]");
  if (!input || !record || !stop || !again || !status || !playback) return;
  const type = types.find((t) => MediaRecorder.isTypeSupported(t)) ?? "";
  let recorder = null;
  let stream = null;
  let chunks = [];
  let started = 0;
  let url = "";
  let placing = false;

  const say = (message) => {
    status.textContent = message;
  };
  const show = (...shown) => {
    for (const element of [record, stop, again, playback]) element.hidden = !shown.includes(element);
  };
  const release = () => {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
  };
  const forget = () => {
    playback.pause();
    // Unloaded (load() with no source), so the player lets go of the old recording before its URL is revoked.
    playback.removeAttribute("src");
    playback.load();
    if (url) URL.revokeObjectURL(url);
    url = "";
  };
  // Into the form's file input, as if the person had chosen the file (or none); "change" lets govuk-frontend's file
  // upload control say so.
  const place = (files) => {
    placing = true;
    input.files = files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    placing = false;
  };

  async function begin() {
    say("");
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      const name = error?.name;
      say(
        name === "NotAllowedError" || name === "SecurityError"
          ? box.dataset.textRefused
          : name === "NotFoundError" || name === "OverconstrainedError"
            ? box.dataset.textNoMicrophone
            : box.dataset.textFailed,
      );
      return;
    }
    try {
      recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    } catch {
      release();
      say(box.dataset.textFailed);
      return;
    }
    chunks = [];
    recorder.addEventListener("dataavailable", (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    });
    recorder.addEventListener("stop", finished);
    recorder.addEventListener("error", () => {
      recorder.removeEventListener("stop", finished);
      release();
      show(record);
      record.focus();
      say(box.dataset.textFailed);
    });
    recorder.start();
    started = Date.now();
    forget();
    place(new DataTransfer().files);
    show(stop);
    stop.focus();
    say(box.dataset.textRecording);
  }

  function finished() {
    release();
    const seconds = Math.max(1, Math.round((Date.now() - started) / 1000));
    const mime = (recorder.mimeType || type || "audio/webm").split(";")[0].trim();
    const blob = new Blob(chunks, { type: mime });
    if (blob.size === 0) {
      show(record);
      record.focus();
      say(box.dataset.textFailed);
      return;
    }
    const name = `${box.dataset.textFileName || "recording"}.${extensions[mime] ?? "webm"}`;
    const files = new DataTransfer();
    files.items.add(new File([blob], name, { type: mime, lastModified: Date.now() }));
    place(files.files);
    url = URL.createObjectURL(blob);
    playback.src = url;
    show(again, playback);
    playback.focus();
    say(box.dataset.textStopped.replace("{time}", duration(seconds)));
  }

  record.addEventListener("click", begin);
  again.addEventListener("click", begin);
  stop.addEventListener("click", () => {
    if (recorder?.state === "recording") recorder.stop();
  });
  // A file chosen by hand replaces the recording.
  input.addEventListener("change", () => {
    if (placing) return;
    forget();
    show(record);
    say("");
  });
  box.hidden = false;
}

export function startRecorders() {
  if (!canRecord()) return;
  for (const box of document.querySelectorAll("[data-rt-recorder]")) setUp(box);
}
