// Many people writing at once: every write is answered (never a 5xx such as SQLite's "database is locked") and
// every answered write is kept. Paths that read before they write, in one transaction: About Me items, profile
// pages and invitations. On SQLite a transaction that begins as a reader and then writes was refused at once when
// another connection had committed in between (44 % of writes in a load test answered 500).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const rounds = 12;

/** Runs each writer's rounds one after another, all writers at once; returns every answer's status. */
async function writeAtOnce(writers) {
  const statuses = [];
  await Promise.all(
    writers.map(async (write) => {
      for (let i = 0; i < rounds; i++) statuses.push(await write(i));
    }),
  );
  return statuses;
}

test(`${backendName}: eight people writing About Me items, profiles and invitations at once get no 5xx`, async () => {
  const people = [demo.member, demo.carer, demo.partner, demo.finance, demo.facilitator];
  const visitors = [];
  for (const email of people) {
    const v = new Visitor(server.url);
    await v.signIn(email);
    await v.post("/language", { lang: "en", return_to: "/" });
    await v.get("/account/about-me/add/text");
    visitors.push({ email, v });
  }
  const sian = new Visitor(server.url);
  await sian.signIn(demo.orgAdmin);
  await sian.get("/o/demo/invitations/new");

  const writers = [
    // About Me items: each adds words to their page (reads the page and its order, then inserts).
    ...visitors.map(({ email, v }) => async (i) => {
      const res = await v.postMultipart("/account/about-me/items", {
        kind: "text",
        title: `Round ${i} from ${email}`,
        body: `Written at once, number ${i}`,
      });
      return { what: `about-me ${email} ${i}`, status: res.status };
    }),
    // Profile: what I bring (reads the profile, then writes it and its search document).
    async (i) => {
      const { v } = visitors[0];
      const res = await v.post("/account/strengths", {
        strengths: `Listening ${i}`,
        skills: "Gardening",
        lived_experience: "",
        interests: "walking",
      });
      return { what: `strengths ${i}`, status: res.status };
    },
    async (i) => {
      const { v } = visitors[1];
      const res = await v.post("/account/about", { name: "Mair Jones", pronouns: `they/them ${i}`, lang: "en" });
      return { what: `about ${i}`, status: res.status };
    },
    // Invitations: looks for an open invitation to the address, then inserts one and queues its email.
    async (i) => {
      const res = await sian.post("/o/demo/invitations", {
        email: `at-once-${i}@example.org`,
        role: "member",
        lang: "en",
      });
      return { what: `invitation ${i}`, status: res.status };
    },
  ];
  assert.equal(writers.length, 8);
  const answers = await writeAtOnce(writers);
  const failed = answers.filter((a) => a.status >= 500);
  assert.deepEqual(failed, [], `${failed.length} of ${answers.length} writes answered 5xx`);
  assert.ok(answers.every((a) => a.status === 303), JSON.stringify(answers.filter((a) => a.status !== 303)));

  // Every answered write is there.
  for (const { email, v } of visitors) {
    const page = (await v.get("/account/about-me")).text;
    for (let i = 0; i < rounds; i++) assert.match(page, new RegExp(`Round ${i} from ${email.replace(".", "\\.")}`));
  }
  const invitations = (await sian.get("/o/demo/invitations")).text;
  for (let i = 0; i < rounds; i++) assert.match(invitations, new RegExp(`at-once-${i}@example\\.org`));
  assert.equal(server.log().includes("database is locked"), false, "the log says the database was locked");
});
