// A discussion topic's one picture, recording or video over HTTP, through the upload rules: a real JPEG with its
// description on the new-topic form (a wrong file or a missing description refused with the words kept and nothing
// saved; the form sent twice makes one topic and one file), shown on the topic page and fetched by exactly the people
// who may see the topic (an observer too; not someone outside the group, another organisation or nobody signed in;
// only its author while the topic is hidden, nobody once deleted); its author replacing it with a real WebM
// recording, an MP3 and an MP4 video (the browser's player with a download link), the history saying so, and taking
// it away (the file gone); the demo's picture on "Can board meetings be in the evening?".
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, visitorAs, demo, backendName, root } from "./harness.mjs";
import { discussionIds } from "./matrices/discussions.mjs";

const fixtures = join(root, "tests/integration/fixtures");
const photo = readFileSync(join(fixtures, "about_me/photo-with-location.jpg"));
const tinyPng = readFileSync(join(fixtures, "about_me/tiny.png"));
const voiceNote = readFileSync(join(fixtures, "recordings/voice-note.webm"));
const mp3 = readFileSync(join(fixtures, "about_me/hello.mp3"));
const mp4 = readFileSync(join(fixtures, "about_me/morning.mp4"));

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const signedIn = (email) => visitorAs(server.url, email);
const keyOf = (page) => page.text.match(/name="create_key" value="([^"]+)"/)[1];
const fileOf = (page) => page.text.match(/(?:src)="(\/files\/[^"]+)"/)?.[1];
const topicFiles = () => Number(server.database.sql("SELECT COUNT(*) FROM uploads WHERE purpose = 'discussion_topic'"));

test(`${backendName}: a topic with a picture: a wrong file refused with the words kept, sent twice makes one, seen by the group only`, async () => {
  const ids = discussionIds(server);
  const gareth = await signedIn(demo.member);
  const base = `/o/demo/groups/${ids.BOARD}/discussion`;
  const form = await gareth.get(`${base}/new`);
  assert.equal(form.status, 200);
  assert.match(form.text, /enctype="multipart\/form-data"/);
  assert.match(form.text, /type="file"[^>]*name="attachment"|name="attachment"[^>]*type="file"/);
  const key = keyOf(form);
  const words = { create_key: key, title: "Our banner for the fair", body: "Here is the banner. What do you think?" };
  const filesBefore = topicFiles();

  // Not a picture, recording or video, whatever its name says: refused, the words kept, nothing saved.
  const wrong = await gareth.postMultipart(base, { ...words, alt: "A banner" }, {
    attachment: { filename: "banner.jpg", type: "image/jpeg", data: "<html><script>alert(1)</script></html>" },
  });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /The file must be a photo \(JPEG, PNG, GIF or WebP\), a recording/);
  assert.ok(wrong.text.includes("Our banner for the fair"), "the title is kept");
  assert.ok(wrong.text.includes("Here is the banner. What do you think?"), "the words are kept");
  assert.equal(topicFiles(), filesBefore, "a refused file is never saved");
  // A picture needs its description; the file is asked for again.
  const noWords = await gareth.postMultipart(base, { ...words, alt: " " }, {
    attachment: { filename: "banner.jpg", type: "image/jpeg", data: photo },
  });
  assert.equal(noWords.status, 400);
  assert.match(noWords.text, /Describe what the picture shows/);
  assert.match(noWords.text, /Choose the file again/);
  assert.equal(topicFiles(), filesBefore);
  assert.equal(server.database.sql("SELECT COUNT(*) FROM discussion_topics WHERE title = 'Our banner for the fair'").trim(), "0");

  const alt = "A green banner with the words Carers Together";
  const send = () =>
    gareth.postMultipart(base, { ...words, alt }, { attachment: { filename: "IMG_0001.JPG", type: "image/jpeg", data: photo } });
  const sent = await send();
  assert.equal(sent.status, 303);
  const location = sent.headers.get("location");
  assert.match(location, /\/o\/demo\/topics\/\d+$/);
  const again = await send();
  assert.equal(again.headers.get("location"), location, "the same form sent twice is one topic");
  assert.equal(server.database.sql("SELECT COUNT(*) FROM discussion_topics WHERE title = 'Our banner for the fair'").trim(), "1");
  assert.equal(topicFiles(), filesBefore + 1, "and one file");

  const page = await gareth.get(location);
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(`<img class="rt-group-picture[^"]*" src="/files/[^"]+" alt="${alt}">`));
  const file = fileOf(page);
  const own = await gareth.get(file);
  assert.equal(own.status, 200);
  assert.equal(own.headers.get("content-type"), "image/jpeg");
  assert.ok(!own.text.includes("GPS"), "where the photo was taken is removed");
  // Exactly who may see the topic: members, the people who run the group, its observers.
  const who = [
    ["Mair (member)", demo.carer, 200],
    ["Tom (lead)", demo.facilitator, 200],
    ["Ngozi (observer)", demo.partner, 200],
    ["Priya (not in the group)", demo.finance, 404],
    ["Rhys (another organisation)", demo.otherOrgAdmin, 404],
    ["nobody signed in", null, 404],
  ];
  for (const [name, email, status] of who) {
    assert.equal((await (await signedIn(email)).get(file)).status, status, name);
  }
  // Hidden: not for others; its author still fetches it.
  const tom = await signedIn(demo.facilitator);
  const topic = location.split("/").pop();
  await tom.get(`/o/demo/topics/${topic}/posts/1/hide`);
  assert.equal((await tom.post(`/o/demo/topics/${topic}/posts/1/hide`, { reason: "Not ours to share yet." })).status, 303);
  assert.equal((await tom.get(file)).status, 404);
  assert.equal((await (await signedIn(demo.carer)).get(file)).status, 404);
  assert.equal((await gareth.get(file)).status, 200);
  assert.doesNotMatch((await (await signedIn(demo.carer)).get(location)).text, /\/files\//);
  assert.equal((await tom.post(`/o/demo/topics/${topic}/posts/1/show`, {})).status, 303);
  assert.equal((await (await signedIn(demo.carer)).get(file)).status, 200);
  // Deleted: the file goes with the words.
  await gareth.get(`/o/demo/topics/${topic}/posts/1/delete`);
  assert.equal((await gareth.post(`/o/demo/topics/${topic}/posts/1/delete`, {})).status, 303);
  assert.equal((await gareth.get(file)).status, 404);
  assert.equal(topicFiles(), filesBefore);
});

test(`${backendName}: its author replaces the picture with recordings, the history says so, and takes it away`, async () => {
  const ids = discussionIds(server);
  const gareth = await signedIn(demo.member);
  const base = `/o/demo/groups/${ids.BOARD}/discussion`;
  const form = await gareth.get(`${base}/new`);
  const started = await gareth.postMultipart(
    base,
    { create_key: keyOf(form), title: "Photos from the carers' fair", body: "We had a lovely day.", alt: "A small green square" },
    { attachment: { filename: "tiny.png", type: "image/png", data: tinyPng } },
  );
  assert.equal(started.status, 303);
  const topic = started.headers.get("location");
  const edit = `${topic}/posts/1/edit`;
  const picture = fileOf(await gareth.get(topic));
  assert.ok(picture);

  const editForm = await gareth.get(edit);
  assert.equal(editForm.status, 200);
  assert.match(editForm.text, /enctype="multipart\/form-data"/);
  assert.match(editForm.text, /name="remove_attachment"/);
  assert.match(editForm.text, /value="A small green square"/, "the description as it is");
  // Someone else's topic cannot be changed.
  assert.equal((await (await signedIn(demo.carer)).postMultipart(edit, { title: "x", body: "y" }, {})).status, 404);

  // A wrong file: refused, the words kept, the picture as it was.
  const wrong = await gareth.postMultipart(edit, { title: "Photos from the carers' fair", body: "Changed words here.", alt: "A small green square" }, {
    attachment: { filename: "notes.webm", type: "audio/webm", data: "just some notes" },
  });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /The file must be a photo/);
  assert.ok(wrong.text.includes("Changed words here."));
  assert.equal((await gareth.get(picture)).status, 200);

  // A WebM recording (Chromium's MediaRecorder) instead: a player with a download link; the picture is gone.
  const webm = await gareth.postMultipart(edit, { title: "Photos from the carers' fair", body: "We had a lovely day.", alt: "" }, {
    attachment: { filename: "voice-note.webm", type: "audio/webm;codecs=opus", data: voiceNote },
  });
  assert.equal(webm.status, 303);
  let page = await gareth.get(topic);
  assert.match(page.text, /<audio class="rt-media" controls preload="none" aria-label="The topic&#39;s recording">|<audio class="rt-media" controls preload="none" aria-label="The topic's recording">/);
  assert.match(page.text, /<source src="\/files\/[^"]+" type="audio\/webm">/);
  assert.match(page.text, /Download the recording/);
  assert.equal((await gareth.get(picture)).status, 404, "the replaced picture is deleted");
  const recording = fileOf(page);
  assert.equal((await gareth.get(recording)).headers.get("content-type"), "audio/webm");
  assert.equal((await (await signedIn(demo.partner)).get(recording)).status, 200, "an observer hears it");
  assert.equal((await (await signedIn(demo.finance)).get(recording)).status, 404);

  // An MP3 recording, then a video: the video in the browser's own player.
  for (const [filename, type, data] of [
    ["hello.mp3", "audio/mpeg", mp3],
    ["morning.mp4", "video/mp4", mp4],
  ]) {
    const res = await gareth.postMultipart(edit, { title: "Photos from the carers' fair", body: "We had a lovely day." }, {
      attachment: { filename, type, data },
    });
    assert.equal(res.status, 303, filename);
    page = await gareth.get(topic);
    assert.equal((await gareth.get(fileOf(page))).headers.get("content-type"), type);
  }
  assert.match(page.text, /<video class="rt-media" controls/);
  assert.match(page.text, /Download the video/);
  assert.equal(Number(server.database.sql(
    `SELECT COUNT(*) FROM uploads u JOIN discussion_topics t ON t.attachment_upload_id = u.id WHERE t.title = 'Photos from the carers'' fair'`,
  )), 1);

  // Taken away: the page shows none, the file is gone, and the history says what happened.
  const last = fileOf(page);
  const removed = await gareth.postMultipart(edit, { title: "Photos from the carers' fair", body: "We had a lovely day.", remove_attachment: "1" }, {});
  assert.equal(removed.status, 303);
  page = await gareth.get(topic);
  assert.doesNotMatch(page.text, /<audio|<img class="rt-group-picture/);
  assert.equal((await gareth.get(last)).status, 404);
  const history = await gareth.get(`${topic}/posts/1/history`);
  assert.match(history.text, /At this change, the picture, recording or video was replaced\./);
  assert.match(history.text, /At this change, the picture, recording or video was taken away\./);
});

test(`${backendName}: the demo's topic about evening meetings has a picture of the round table`, async () => {
  const ids = discussionIds(server);
  const page = await (await signedIn(demo.member)).get(`/o/demo/topics/${ids.EVENING}`);
  assert.match(page.text, /<img class="rt-group-picture[^"]*" src="\/files\/[^"]+" alt="A round table seen from above/);
  assert.equal((await (await signedIn(demo.member)).get(`/files/${ids.EVENING_PICTURE}`)).headers.get("content-type"), "image/png");
  const demoTopicsWithOne = "SELECT COUNT(*) FROM discussion_topics WHERE create_key LIKE 'demo-%' AND attachment_upload_id IS NOT NULL";
  assert.equal(server.database.sql(demoTopicsWithOne).trim(), "1", "only that one");
});
