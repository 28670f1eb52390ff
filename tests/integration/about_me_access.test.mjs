// A person someone named on their About Me page sees it, and its files, only while they share an organisation with
// its owner. Found by a security review: after leaving the organisation the page answered 404 but the files still
// answered 200.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, Visitor, demo, backendName, root } from "./harness.mjs";
import { startSmtpSink, plainText } from "./smtp.mjs";

const tinyPng = readFileSync(join(root, "tests/integration/fixtures/about_me/tiny.png"));

test(`${backendName}: a named viewer who leaves the organisation can no longer open the page or its files`, async () => {
  const server = await startServer();
  try {
    const { id, ngozi, tom, sian, page, fileUrl } = await ngoziNamesTom(server);
    // Siân (organisation admin) removes Tom from "demo", his only organisation with Ngozi.
    await removeFromDemo(sian, id(demo.facilitator));
    assert.equal((await tom.get(page)).status, 404, "the page is gone for Tom");
    assert.equal((await tom.request("GET", fileUrl)).status, 404, "and so is the photo");
    assert.equal((await ngozi.request("GET", fileUrl)).status, 200, "the owner still sees it");
  } finally {
    await server.stop();
  }
});

// Issue #12 item 4: a named viewer is dropped when the owner and they stop sharing an organisation, so joining again
// later does not silently bring their access back. Before: the about_me_viewers row stayed and access came back.

/** Ngozi (demo partner) adds a photo and names Tom (facilitator); returns what the tests look at. */
async function ngoziNamesTom(server) {
  const id = (email) => server.database.sql(`SELECT id FROM users WHERE email = '${email}'`);
  const ngozi = new Visitor(server.url);
  await ngozi.signIn(demo.partner);
  await ngozi.get("/account/about-me/add/photo");
  const added = await ngozi.postMultipart(
    "/account/about-me/items",
    { kind: "photo", caption: "Rows of beans on a sunny day" },
    { file: { filename: "beans.png", type: "image/png", data: tinyPng } },
  );
  assert.equal(added.status, 303);
  await ngozi.get("/account/about-me/visibility");
  assert.equal((await ngozi.post("/account/about-me/visibility", { visibility: "named", named: id(demo.facilitator) })).status, 303);
  const own = (await ngozi.get("/account/about-me")).text;
  const fileUrl = own.match(/(?:src|href)="(\/files\/[A-Za-z0-9_-]+)"/)?.[1];
  assert.ok(fileUrl, "the photo is on Ngozi's page");
  const tomName = server.database.sql(`SELECT name FROM users WHERE email = '${demo.facilitator}'`);
  assert.ok(own.includes(tomName), "Ngozi's page says she named Tom");
  const tom = new Visitor(server.url);
  await tom.signIn(demo.facilitator);
  const page = `/o/demo/people/${id(demo.partner)}/about-me`;
  assert.equal((await tom.get(page)).status, 200, "named: Tom sees the page");
  assert.equal((await tom.request("GET", fileUrl)).status, 200, "named: Tom sees the photo");
  const sian = new Visitor(server.url);
  await sian.signIn(demo.orgAdmin);
  return { id, ngozi, tom, sian, page, fileUrl, tomName };
}

/** Siân removes this person from "demo" (their only organisation shared with the other). */
async function removeFromDemo(sian, userId) {
  await sian.get(`/o/demo/people/${userId}/remove`);
  assert.equal((await sian.post(`/o/demo/people/${userId}/remove`, {})).status, 303);
}

/** Siân invites them back and they accept, signed in as themselves. */
async function inviteBack(server, sink, sian, visitor, email, role) {
  const before = sink.messages().length;
  await sian.get("/o/demo/invitations/new");
  assert.equal((await sian.post("/o/demo/invitations", { email, role, lang: "en" })).status, 303);
  await sink.waitFor(before + 1);
  const raw = sink.messages().filter((m) => m.includes(`<${email}>`)).pop();
  const link = new URL(plainText(raw).match(/http:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/)[0]).pathname;
  await visitor.get(link);
  const joined = await visitor.post(link, {});
  assert.equal(joined.status, 303, `accepting answered ${joined.status}`);
  assert.equal(joined.headers.get("location"), "/o/demo");
  assert.equal((await visitor.get("/o/demo")).status, 200, "back in the organisation");
}

test(`${backendName}: a named viewer removed from the organisation and invited back does not get the page back`, async () => {
  const sink = await startSmtpSink();
  const server = await startServer({ args: ["--smtp-url", sink.url] });
  try {
    const { id, ngozi, tom, sian, page, fileUrl, tomName } = await ngoziNamesTom(server);
    await removeFromDemo(sian, id(demo.facilitator));
    assert.equal(server.database.sql(`SELECT count(*) FROM about_me_viewers WHERE viewer_user_id = ${id(demo.facilitator)}`), "0");
    assert.ok(!(await ngozi.get("/account/about-me")).text.includes(tomName), "Ngozi's page no longer names Tom");
    await inviteBack(server, sink, sian, tom, demo.facilitator, "facilitator");
    assert.equal((await tom.get(page)).status, 404, "back in the organisation, Tom still does not see the page");
    assert.equal((await tom.request("GET", fileUrl)).status, 404, "nor the photo");
    assert.ok(!(await ngozi.get("/account/about-me")).text.includes(tomName), "and Ngozi's page does not name him");
    assert.equal((await ngozi.request("GET", fileUrl)).status, 200, "the owner still sees it");
  } finally {
    await server.stop();
    await sink.stop();
  }
});

test(`${backendName}: when the owner's membership ends, the people they named are dropped too`, async () => {
  // Roundtable has no "leave this organisation" of one's own yet: a membership ends when an admin removes someone.
  // Here it is the owner's that ends, the other side of the same naming.
  const sink = await startSmtpSink();
  const server = await startServer({ args: ["--smtp-url", sink.url] });
  try {
    const { id, ngozi, tom, sian, page, fileUrl, tomName } = await ngoziNamesTom(server);
    await removeFromDemo(sian, id(demo.partner));
    assert.equal(server.database.sql(`SELECT count(*) FROM about_me_viewers WHERE user_id = ${id(demo.partner)}`), "0");
    await inviteBack(server, sink, sian, ngozi, demo.partner, "member");
    assert.equal((await tom.get(page)).status, 404, "Ngozi is back, but Tom is no longer named");
    assert.equal((await tom.request("GET", fileUrl)).status, 404, "nor sees the photo");
    assert.ok(!(await ngozi.get("/account/about-me")).text.includes(tomName), "Ngozi's page does not name him");
  } finally {
    await server.stop();
    await sink.stop();
  }
});
