// Search results link to what they found and say what it is, where it belongs and when it changed (issue #12 item
// 18: results had no links and no context).
import { test } from "node:test";
import assert from "node:assert/strict";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";

const plain = (html) => html.replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/\s+/g, " ");
const resultsOf = (html) => [...html.matchAll(/<li class="rt-search-result"[\s\S]*?<\/li>/g)].map((m) => m[0]);

test(`${backendName}: search results link to what they found, with its context`, async () => {
  const server = await startServer();
  try {
    const anyone = new Visitor(server.url);
    const found = await anyone.get("/search?q=coffee");
    assert.equal(found.status, 200);
    const results = resultsOf(found.text);
    assert.ok(results.length >= 1, "coffee finds the coffee morning story");
    const story = results.find((r) => r.includes("Monthly coffee mornings for carers"));
    assert.ok(story, "the coffee morning story is found");
    assert.match(story, /<a class="govuk-link" href="\/stories\/demo-1">Monthly coffee mornings for carers<\/a>/);
    assert.match(plain(story), /Story · Updated \d{1,2} [A-Z][a-z]+ 20\d\d/);

    const page = await anyone.get("/stories/demo-1");
    assert.equal(page.status, 200);
    assert.ok(plain(page.text).includes("We now hold a coffee morning every month"));
    // A Welsh story says so, for screen readers reading an English page.
    const welsh = await anyone.get("/stories/demo-4");
    assert.match(welsh.text, /<div lang="cy">\s*<p class="govuk-body rt-pre-line">Dywedodd gofalwyr/);
    assert.equal((await anyone.get("/stories/not-a-story")).status, 404);

    // The public site search never shows members, signed in or not: the member directory is where they are found.
    const gareth = new Visitor(server.url);
    await gareth.signIn(demo.member);
    assert.equal(resultsOf((await gareth.get("/search?q=walking")).text).length, 0);
    // A signed-in search also reads the groups the person is in (for their groups' documents) and still finds what
    // everyone finds.
    const signedIn = resultsOf((await gareth.get("/search?q=coffee")).text);
    assert.ok(signedIn.some((r) => r.includes("Monthly coffee mornings for carers")));
  } finally {
    await server.stop();
  }
});
