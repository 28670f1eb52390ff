// About Me pages over HTTP: the owner adds words, photos and recordings (files checked from their content, photos
// cleaned of location data), edits, reorders and deletes them, and chooses who sees the page; others see it (and
// its files) only when allowed, and every look is audited.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, Visitor, demo, backendName, root } from "./harness.mjs";

const fixtures = join(root, "tests/integration/fixtures/about_me");
const photoWithLocation = readFileSync(join(fixtures, "photo-with-location.jpg"));
const recording = readFileSync(join(fixtures, "hello.mp3"));
const tinyPng = readFileSync(join(fixtures, "tiny.png"));

let server;
const ids = {};
before(async () => {
  server = await startServer();
  for (const [key, email] of Object.entries(demo)) ids[key] = server.database.sql(`SELECT id FROM users WHERE email = '${email}'`);
});
after(async () => {
  await server?.stop();
});

/** The /files/... addresses on a page. */
function fileUrls(html) {
  return [...html.matchAll(/(?:src|href)="(\/files\/[A-Za-z0-9_-]+)"/g)].map((m) => m[1]);
}

test(`${backendName}: an empty page says what could go on it, and nobody else can see it`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.finance);
  const page = await v.get("/account/about-me");
  assert.equal(page.status, 200);
  assert.match(page.text, /Your About Me page/);
  assert.match(page.text, /There is nothing on your page yet/);
  assert.match(page.text, /Only you/);
  const tom = new Visitor(server.url);
  await tom.signIn(demo.facilitator);
  assert.equal((await tom.get(`/o/demo/people/${ids.finance}/about-me`)).status, 404);
  const anonymous = new Visitor(server.url);
  const redirected = await anonymous.get("/account/about-me");
  assert.equal(redirected.status, 303);
  assert.match(redirected.headers.get("location"), /^\/sign-in\?next=/);
});

test(`${backendName}: words and a photo are added; the photo loses its location and is served safely`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.finance);
  await v.get("/account/about-me/add/text");
  const words = await v.postMultipart("/account/about-me/items", {
    kind: "text",
    title: "What is important to me",
    body: "My <b>family</b>\nand my cat",
  });
  assert.equal(words.status, 303);
  assert.match(words.headers.get("location"), /^\/account\/about-me#item-\d+$/);
  await v.get("/account/about-me/add/photo");
  const photo = await v.postMultipart(
    "/account/about-me/items",
    { kind: "photo", caption: "Me at the seaside in Tenby" },
    { file: { filename: "IMG_0001.JPG", type: "image/jpeg", data: photoWithLocation } },
  );
  assert.equal(photo.status, 303);
  const page = await v.get("/account/about-me");
  assert.match(page.text, /It has been added to your page/);
  assert.match(page.text, /My &lt;b&gt;family&lt;\/b&gt;/);
  assert.match(page.text, /Me at the seaside in Tenby/);
  const [url] = fileUrls(page.text);
  assert.ok(url, "the photo is on the page");
  const file = await v.request("GET", url);
  assert.equal(file.status, 200);
  assert.match(file.headers.get("content-type"), /^image\/(jpeg|png)$/);
  assert.match(file.headers.get("content-security-policy"), /sandbox/);
  assert.equal(file.headers.get("x-content-type-options"), "nosniff");
  assert.ok(!file.text.includes("GPS"), "location data is gone");
  assert.ok(!file.text.includes("Exif"), "no Exif block is left");
  const stored = server.database.sql(
    `SELECT mime || ' ' || kind || ' ' || original_name FROM uploads WHERE owner_user_id = ${ids.finance} AND purpose = 'about_me'`,
  );
  assert.match(stored, /^image\/(jpeg|png) image IMG_0001\.JPG$/);
});

test(`${backendName}: a wrong or missing file is refused in plain words and the typed words are kept`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.finance);
  await v.get("/account/about-me/add/photo");
  const before = server.database.sql(`SELECT COUNT(*) FROM uploads`);
  const html = await v.postMultipart(
    "/account/about-me/items",
    { kind: "photo", caption: "My garden in spring" },
    { file: { filename: "garden.jpg", type: "image/jpeg", data: "<html><script>alert(1)</script></html>" } },
  );
  assert.equal(html.status, 400);
  assert.match(html.text, /There is a problem/);
  assert.match(html.text, /JPEG, PNG, GIF or WebP/);
  assert.match(html.text, /My garden in spring/);
  const missing = await v.postMultipart("/account/about-me/items", { kind: "photo", caption: "No file" });
  assert.equal(missing.status, 400);
  assert.match(missing.text, /Choose a photo to add/);
  // A recording where a photo is expected is the wrong type too.
  const wrongKind = await v.postMultipart(
    "/account/about-me/items",
    { kind: "photo", caption: "A song" },
    { file: { filename: "song.jpg", type: "image/jpeg", data: recording } },
  );
  assert.equal(wrongKind.status, 400);
  const tooBig = Buffer.alloc(10 * 1024 * 1024 + 10, 0);
  tinyPng.copy(tooBig);
  const big = await v.postMultipart(
    "/account/about-me/items",
    { kind: "photo", caption: "Huge" },
    { file: { filename: "huge.png", type: "image/png", data: tooBig } },
  );
  assert.equal(big.status, 400);
  assert.match(big.text, /10 MB/);
  assert.equal(server.database.sql(`SELECT COUNT(*) FROM uploads`), before, "nothing was stored");
});

test(`${backendName}: a recording with its transcript is added, changed, moved and deleted`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.finance);
  await v.get("/account/about-me/add/audio");
  const add = await v.postMultipart(
    "/account/about-me/items",
    { kind: "audio", title: "Hello from me", transcript: "Hello, I am Priya." },
    { file: { filename: "hello.mp3", type: "audio/mpeg", data: recording } },
  );
  assert.equal(add.status, 303);
  const id = add.headers.get("location").match(/#item-(\d+)$/)[1];
  let page = await v.get("/account/about-me");
  assert.match(page.text, /Hello from me/);
  assert.match(page.text, /Hello, I am Priya\./);
  assert.match(page.text, /<audio/);
  const form = await v.get(`/account/about-me/items/${id}`);
  assert.equal(form.status, 200);
  assert.match(form.text, /value="Hello from me"/);
  const empty = await v.postMultipart(`/account/about-me/items/${id}`, { kind: "audio", title: "", transcript: "Kept" });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /Enter what the recording is called/);
  assert.match(empty.text, /Kept<\/textarea>/);
  const save = await v.postMultipart(`/account/about-me/items/${id}`, { kind: "audio", title: "Hello again", transcript: "Hi" });
  assert.equal(save.status, 303);
  page = await v.get("/account/about-me");
  assert.match(page.text, /Hello again/);
  // It was added last; moving it up puts it before the photo.
  const beforeMove = page.text.indexOf(`id="item-${id}"`);
  assert.equal((await v.post(`/account/about-me/items/${id}/move`, { direction: "up" })).status, 303);
  page = await v.get("/account/about-me");
  assert.ok(page.text.indexOf(`id="item-${id}"`) < beforeMove, "the recording moved up");
  const fileCount = server.database.sql(`SELECT COUNT(*) FROM uploads WHERE owner_user_id = ${ids.finance}`);
  assert.equal((await v.get(`/account/about-me/items/${id}/delete`)).status, 200);
  assert.equal((await v.post(`/account/about-me/items/${id}/delete`, {})).status, 303);
  page = await v.get("/account/about-me");
  assert.doesNotMatch(page.text, /Hello again/);
  assert.equal(server.database.sql(`SELECT COUNT(*) FROM uploads WHERE owner_user_id = ${ids.finance}`), String(Number(fileCount) - 1));
  // Someone else's item is not found.
  const tom = new Visitor(server.url);
  await tom.signIn(demo.facilitator);
  assert.equal((await tom.get(`/account/about-me/items/${id}`)).status, 404);
});

test(`${backendName}: who sees the page follows the owner's choice, files included, and looks are audited`, async () => {
  const owner = new Visitor(server.url);
  await owner.signIn(demo.finance);
  const [fileUrl] = fileUrls((await owner.get("/account/about-me")).text);
  assert.ok(fileUrl);
  const tom = new Visitor(server.url);
  await tom.signIn(demo.facilitator);
  const gareth = new Visitor(server.url);
  await gareth.signIn(demo.member);
  const rhys = new Visitor(server.url);
  await rhys.signIn(demo.otherOrgAdmin);
  const anonymous = new Visitor(server.url);
  const shared = `/o/demo/people/${ids.finance}/about-me`;

  // Only me: nobody else, not even their files.
  for (const v of [tom, gareth]) {
    assert.equal((await v.get(shared)).status, 404);
    assert.equal((await v.request("GET", fileUrl)).status, 404);
  }
  assert.equal((await anonymous.request("GET", fileUrl)).status, 404);

  // Facilitators: Tom yes, Gareth (a member) no, another organisation never.
  await owner.get("/account/about-me/visibility");
  assert.equal((await owner.post("/account/about-me/visibility", { visibility: "facilitators" })).status, 303);
  const seen = await tom.get(shared);
  assert.equal(seen.status, 200);
  assert.match(seen.text, /About Priya Shah/);
  assert.match(seen.text, /What is important to me/);
  assert.equal((await tom.request("GET", fileUrl)).status, 200);
  assert.equal((await gareth.get(shared)).status, 404);
  assert.equal((await gareth.request("GET", fileUrl)).status, 404);
  assert.equal((await rhys.get(`/o/north/people/${ids.finance}/about-me`)).status, 404);
  assert.equal((await rhys.request("GET", fileUrl)).status, 404);
  const looks = server.database.sql(
    `SELECT COUNT(*) FROM audit_log WHERE action = 'about_me_viewed' AND subject_user_id = ${ids.finance} AND actor_user_id = ${ids.facilitator}`,
  );
  assert.ok(Number(looks) >= 1, "Tom's look is in the audit log");

  // Named people: Gareth named, then taken off by unticking him.
  await owner.get("/account/about-me/visibility");
  assert.equal((await owner.post("/account/about-me/visibility", { visibility: "named", add: ids.member })).status, 303);
  assert.equal((await gareth.get(shared)).status, 200);
  assert.equal((await tom.get(shared)).status, 404, "facilitators are not named");
  assert.equal((await owner.post("/account/about-me/visibility", { visibility: "facilitators" })).status, 303);
  assert.equal((await gareth.get(shared)).status, 404);

  // Everyone in the organisation.
  await owner.post("/account/about-me/visibility", { visibility: "organisation" });
  assert.equal((await gareth.get(shared)).status, 200);
  assert.equal((await rhys.get(`/o/north/people/${ids.finance}/about-me`)).status, 404);
  await owner.post("/account/about-me/visibility", { visibility: "only_me" });
  assert.equal((await gareth.get(shared)).status, 404);
});

test(`${backendName}: issue #12 item 13: one form saves who can see the page and who is named, chosen by name`, async () => {
  const owner = new Visitor(server.url);
  await owner.signIn(demo.finance);
  const name = (key) => server.database.sql(`SELECT name FROM users WHERE id = ${ids[key]}`);
  const shared = `/o/demo/people/${ids.finance}/about-me`;
  const tom = new Visitor(server.url);
  await tom.signIn(demo.facilitator);
  const gareth = new Visitor(server.url);
  await gareth.signIn(demo.member);
  const setting = () => server.database.sql(`SELECT visibility FROM about_me_pages WHERE user_id = ${ids.finance}`);
  const named = () =>
    server.database.sql(`SELECT COUNT(*) FROM about_me_viewers WHERE user_id = ${ids.finance} AND viewer_user_id = ${ids.facilitator}`);

  // One form in the page: the choice, the people to pick from by name (never their sign-in email), one button.
  const form = await owner.get("/account/about-me/visibility");
  assert.equal(form.status, 200);
  const main = form.text.slice(form.text.indexOf("<main"));
  assert.equal(main.match(/<form /g).length, 1, "one form");
  assert.match(main, new RegExp(`<option value="${ids.facilitator}">${name("facilitator")}</option>`));
  assert.doesNotMatch(main, /@demo\.example/, "no one's email address is shown");
  assert.doesNotMatch(main, new RegExp(`<option value="${ids.otherOrgAdmin}"`), "nobody from other organisations");

  // "People I name" with Tom picked: both are saved, and the summary says who was named.
  const saved = await owner.post("/account/about-me/visibility", { visibility: "named", add: ids.facilitator });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get("location"), "/account/about-me");
  assert.equal(setting(), "named");
  assert.equal(named(), "1");
  const summary = await owner.get("/account/about-me");
  assert.match(summary.text, /Who can see your page has been changed/);
  assert.match(summary.text, new RegExp(`People you named: ${name("facilitator")}`));
  assert.equal((await tom.get(shared)).status, 200, "Tom, named, sees the page");
  assert.equal((await gareth.get(shared)).status, 404, "everyone else in the organisation no longer does");

  // The old separate "Add this person" form: nothing is saved and no success is claimed.
  const old = await owner.post("/account/about-me/visibility", { action: "add", email: demo.member });
  assert.equal(old.status, 400);
  assert.doesNotMatch(old.text, /govuk-notification-banner--success/);
  assert.equal(setting(), "named");

  // A person from another organisation, or "people I name" with nobody ticked: nothing changes, and the answers
  // are kept on the page shown again.
  const outsider = await owner.post("/account/about-me/visibility", { visibility: "organisation", add: ids.otherOrgAdmin });
  assert.equal(outsider.status, 400);
  assert.match(outsider.text, /Choose a person from the list/);
  assert.match(outsider.text, /value="organisation" checked/);
  const nobody = await owner.post("/account/about-me/visibility", { visibility: "named" });
  assert.equal(nobody.status, 400);
  assert.match(nobody.text, /Choose a person who can see your page/);
  assert.equal(setting(), "named");
  assert.equal(named(), "1", "Tom is still named");

  // Keeping Tom ticked while choosing facilitators keeps him named.
  const kept = await owner.post("/account/about-me/visibility", { visibility: "facilitators", named: ids.facilitator });
  assert.equal(kept.status, 303);
  assert.equal(setting(), "facilitators");
  assert.equal(named(), "1");
  await owner.post("/account/about-me/visibility", { visibility: "only_me" });
});

test(`${backendName}: the demo has About Me pages, shown in Welsh to Welsh speakers`, async () => {
  const tom = new Visitor(server.url);
  await tom.signIn(demo.facilitator);
  const gareths = await tom.get(`/o/demo/people/${ids.member}/about-me`);
  assert.equal(gareths.status, 200);
  assert.match(gareths.text, /How to help me take part/);
  const [picture] = fileUrls(gareths.text);
  assert.ok(picture, "Gareth's page has a photo");
  assert.match((await tom.request("GET", picture)).headers.get("content-type"), /^image\/png$/);
  const sian = new Visitor(server.url);
  await sian.signIn(demo.orgAdmin);
  const mairs = await sian.get(`/o/demo/people/${ids.carer}/about-me`);
  assert.equal(mairs.status, 200);
  assert.match(mairs.text, /<html lang="cy"/);
  assert.match(mairs.text, /Beth sy&#39;n bwysig i mi|Beth sy'n bwysig i mi/);
});

test(`${backendName}: issue #12 item 22: the hidden words after Change, Delete and Move have no stray space`, async () => {
  // govuk-visually-hidden adds a no-break space before its words (::before): a space of our own as well made screen
  // readers say "Change  (What matters to me)" and "Move down : What matters to me".
  const gareth = new Visitor(server.url);
  await gareth.signIn(demo.member);
  const page = (await gareth.get("/account/about-me")).text;
  assert.match(page, /Change<span class="govuk-visually-hidden">\(What matters to me\)<\/span>/);
  assert.match(page, /Delete<span class="govuk-visually-hidden">\(What matters to me\)<\/span>/);
  assert.match(page, /Move down<span class="govuk-visually-hidden">\(What matters to me\)<\/span>/);
  // The rows about the whole page: "Change" then the row's name.
  assert.match(page, /Change<span class="govuk-visually-hidden">Who can see it/);
  assert.doesNotMatch(page, /class="govuk-visually-hidden">\s/);
});

test(`${backendName}: a form without its CSRF token changes nothing`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.finance);
  const res = await v.postMultipart("/account/about-me/items", { kind: "text", body: "Sneaky", csrf_token: "wrong" });
  assert.equal(res.status, 403);
  assert.doesNotMatch((await v.get("/account/about-me")).text, /Sneaky/);
});
