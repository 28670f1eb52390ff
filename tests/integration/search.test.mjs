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
    // A page number that is not one is the first page, not an error.
    for (const bad of ["abc", "-1", "0", "+2", "2x", "99999999999999999999", "1001"]) {
      const again = await anyone.get(`/search?q=coffee&page=${encodeURIComponent(bad)}`);
      assert.equal(again.status, 200, bad);
      assert.deepEqual(resultsOf(again.text), results, bad);
    }

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

// A group's discussion is found only by the group's members, and its result names the group as well as what it is,
// the organisation and the date, in English and in Welsh.
test(`${backendName}: a group's discussion in search results names its group, for its members only`, async () => {
  const server = await startServer();
  try {
    const gareth = new Visitor(server.url);
    await gareth.signIn(demo.member);
    await gareth.post("/language", { lang: "en", return_to: "/" });
    const found = await gareth.get("/search?q=NHS+number");
    assert.equal(found.status, 200);
    const reply = resultsOf(found.text).find((r) => r.includes("Booking respite: what went wrong for you?"));
    assert.ok(reply, "Gareth, on the board, finds Mair's reply in the board's discussion");
    assert.match(
      reply,
      /<a class="govuk-link" href="\/o\/demo\/topics\/\d+#post-2">Booking respite: what went wrong for you\?<\/a>/,
    );
    assert.match(
      plain(reply),
      /Reply in a discussion · Group: Carers Co-production Board · Demo County Carers Partnership · Updated \d{1,2} [A-Z][a-z]+ 20\d\d/,
    );
    // The topic itself (its replies carry its title too, and link to their place in it).
    const topic = resultsOf((await gareth.get("/search?q=board+meetings+evening")).text).find((r) =>
      /href="\/o\/demo\/topics\/\d+">Can board meetings be in the evening\?</.test(r),
    );
    assert.ok(topic, "Gareth finds the board's topic");
    assert.match(topic, /<a class="govuk-link" href="\/o\/demo\/topics\/\d+">Can board meetings be in the evening\?<\/a>/);
    assert.match(
      plain(topic),
      /Discussion topic · Group: Carers Co-production Board · Demo County Carers Partnership · Updated \d{1,2} [A-Z][a-z]+ 20\d\d/,
    );
    // A story is of no group: its context names none.
    assert.doesNotMatch(
      plain(resultsOf((await gareth.get("/search?q=coffee")).text).find((r) => r.includes("/stories/demo-1"))),
      /Group:/,
    );

    // In Welsh the same result says so in Welsh; the group's name is the group's own.
    await gareth.post("/language", { lang: "cy", return_to: "/" });
    const welsh = resultsOf((await gareth.get("/search?q=NHS+number")).text).find((r) =>
      r.includes("Booking respite: what went wrong for you?"),
    );
    assert.ok(welsh);
    assert.match(
      plain(welsh),
      /Ateb mewn trafodaeth · Grŵp: Carers Co-production Board · Demo County Carers Partnership · Diweddarwyd \d{1,2} \S+ 20\d\d/,
    );

    // Who is not in the group finds neither the discussion nor the group's name: the organisation's finance officer,
    // a member of another group, and anyone not signed in.
    const priya = new Visitor(server.url);
    await priya.signIn(demo.finance);
    const anyone = new Visitor(server.url);
    for (const [who, v] of [
      ["Priya", priya],
      ["anyone", anyone],
    ]) {
      for (const q of ["NHS+number", "board+meetings+evening"]) {
        const page = await v.get(`/search?q=${q}`);
        assert.equal(page.status, 200);
        assert.ok(!page.text.includes("Carers Co-production Board"), `${who} searching ${q}`);
        assert.ok(!page.text.includes("/topics/"), `${who} searching ${q}`);
      }
    }
    // Gareth is not in the steering group: its topic about young carers is not his to find; Ngozi, in it, finds it
    // with that group's name.
    assert.ok(!(await gareth.get("/search?q=young+carers+strategy")).text.includes("Carers Strategy Steering Group"));
    const ngozi = new Visitor(server.url);
    await ngozi.signIn(demo.partner);
    await ngozi.post("/language", { lang: "en", return_to: "/" });
    const steering = resultsOf((await ngozi.get("/search?q=young+carers+strategy")).text).find((r) =>
      r.includes("What should the strategy say about young carers?"),
    );
    assert.ok(steering, "Ngozi finds her group's topic");
    assert.match(plain(steering), /Discussion topic · Group: Carers Strategy Steering Group · Demo County Carers Partnership/);
  } finally {
    await server.stop();
  }
});
