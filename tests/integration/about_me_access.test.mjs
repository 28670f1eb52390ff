// A person someone named on their About Me page sees it, and its files, only while they share an organisation with
// its owner. Found by a security review: after leaving the organisation the page answered 404 but the files still
// answered 200.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, Visitor, demo, backendName, root } from "./harness.mjs";

const tinyPng = readFileSync(join(root, "tests/integration/fixtures/about_me/tiny.png"));

test(`${backendName}: a named viewer who leaves the organisation can no longer open the page or its files`, async () => {
  const server = await startServer();
  try {
    const id = (email) => server.database.sql(`SELECT id FROM users WHERE email = '${email}'`);
    const ngozi = new Visitor(server.url);
    await ngozi.signIn(demo.partner);
    // Ngozi's demo page is for the people she names, and she named Tom (a facilitator in "demo" only).
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

    const tom = new Visitor(server.url);
    await tom.signIn(demo.facilitator);
    const page = `/o/demo/people/${id(demo.partner)}/about-me`;
    assert.equal((await tom.get(page)).status, 200, "named: Tom sees the page");
    assert.equal((await tom.request("GET", fileUrl)).status, 200, "named: Tom sees the photo");

    // Siân (organisation admin) removes Tom from "demo", his only organisation with Ngozi.
    const sian = new Visitor(server.url);
    await sian.signIn(demo.orgAdmin);
    await sian.get(`/o/demo/people/${id(demo.facilitator)}/remove`);
    assert.equal((await sian.post(`/o/demo/people/${id(demo.facilitator)}/remove`, {})).status, 303);

    assert.equal((await tom.get(page)).status, 404, "the page is gone for Tom");
    assert.equal((await tom.request("GET", fileUrl)).status, 404, "and so is the photo");
    assert.equal((await ngozi.request("GET", fileUrl)).status, 200, "the owner still sees it");
  } finally {
    await server.stop();
  }
});
