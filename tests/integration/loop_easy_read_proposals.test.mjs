// Easy read for proposals in "You said, we did" and in the email that tells people (issue #15, ADR 0042): the
// easy-read pages show a proposal's own easy-read wording (Markdown, drawn safely) to the group's people in place of
// the "You said" sentence, and anyone else still reads the sentence; when a status change has an easy-read sentence,
// the email that tells the proposal's voters carries it, framed in each person's language, with the real SMTP sink.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName } from "./harness.mjs";
import { loopIds } from "./matrices/loop.mjs";
import { startSmtpSink, plainText } from "./smtp.mjs";

let sink, server;
before(async () => {
  sink = await startSmtpSink();
  server = await startServer({ args: ["--smtp-url", sink.url] });
});
after(async () => {
  await server?.stop();
  await sink?.stop();
});

const signedIn = (email) => visitorAs(server.url, email);
const keyOf = (text) => text.match(/name="change_key" value="([^"]+)"/)[1];
/** The page's words without markup, spaces squeezed (so a test reads what a person reads). */
const words = (html) =>
  html.replace(/<title>[\s\S]*?<\/title>/, "").replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");

test(`${backendName}: a proposal's easy-read wording on the easy-read pages, for the group's people only`, async () => {
  const ids = loopIds(server);
  const gareth = await signedIn(demo.member);
  const board = `/o/demo/groups/${ids.BOARD}/you-said-we-did/easy-read`;
  // The demo's summer-event proposal has easy-read wording (plain) and a status whose "You said" is its title.
  let easy = await gareth.get(board);
  assert.equal(easy.status, 200);
  let text = words(easy.text);
  assert.match(text, /You said: Pick the place you would like for the summer event\./);
  assert.doesNotMatch(text, /You said: Where should the summer event be\?/);

  // Markdown: drawn as the proposal's page draws it, never as markup that someone typed.
  server.database.sql(
    `UPDATE decisions SET easy_read = 'We want **one** summer event.' || char(10) || char(10) || '- In a park' || char(10) || '- With food' || char(10) || char(10) || '<script>alert(1)</script>' WHERE id = ${ids.POLL}`.replace(
      /char\(10\)/g,
      backendName === "sqlite" ? "char(10)" : "chr(10)",
    ),
  );
  easy = await gareth.get(board);
  assert.match(easy.text, /<div class="rt-easy-read__text">\s*<p class="govuk-body">We want <strong>one<\/strong> summer event\.<\/p>/);
  assert.match(easy.text, /<ul class="govuk-list govuk-list--bullet">\s*<li>In a park<\/li>\s*<li>With food<\/li>/);
  assert.doesNotMatch(easy.text, /<script>alert/);
  assert.match(easy.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  text = words(easy.text);
  assert.doesNotMatch(text, /Pick the place you would like/);
  // The standard page keeps the "You said" sentence.
  const standard = words((await gareth.get(`/o/demo/groups/${ids.BOARD}/you-said-we-did`)).text);
  assert.match(standard, /Where should the summer event be\?/);
  assert.doesNotMatch(standard, /In a park/);

  // Priya may see the board but is not in it: the "You said" sentence, not the proposal's own words.
  const priya = await signedIn(demo.finance);
  const outside = await priya.get(board);
  assert.equal(outside.status, 200);
  assert.match(words(outside.text), /You said: Where should the summer event be\?/);
  assert.doesNotMatch(outside.text, /In a park|summer event\.<\/p>/);

  // Made public, anyone reads the "You said" sentence too.
  server.database.sql(`UPDATE org_groups SET visibility = 'public' WHERE id = ${ids.BOARD}`);
  try {
    const open = await (await visitorAs(server.url)).get(`/groups/demo/${ids.BOARD}/you-said-we-did/easy-read`);
    assert.equal(open.status, 200);
    assert.match(words(open.text), /You said: Where should the summer event be\?/);
    assert.doesNotMatch(open.text, /In a park/);
  } finally {
    server.database.sql(`UPDATE org_groups SET visibility = 'organisation' WHERE id = ${ids.BOARD}`);
  }

  // Tom proposed it: "What happened to what I said" in easy read shows its wording in place of its title.
  const tom = await signedIn(demo.facilitator);
  const mine = await tom.get("/account/what-happened/easy-read");
  assert.equal(mine.status, 200);
  assert.match(mine.text, /<li>In a park<\/li>/);
  assert.match(words(mine.text), /We want one summer event\./);
});

test(`${backendName}: the email telling voters of a status carries its easy-read sentence, framed in their language`, async () => {
  const ids = loopIds(server);
  const tom = await signedIn(demo.facilitator);
  const path = `/o/demo/loop/proposal/${ids.POLL}/status`;
  const form = await tom.get(path);
  assert.equal(form.status, 200);
  const saved = await tom.post(path, {
    change_key: keyOf(form.text), status: "changed", detail: "The event moved to Roath Park, with step-free paths.",
    easy_read: "The event is in a park now.\nThe paths are flat.", you_said: "Where should the summer event be?",
  });
  assert.equal(saved.status, 303);

  // Gareth voted (English); Mair voted and reads Welsh.
  const toGareth = plainText(await sink.until(() => sink.to(demo.member).find((m) => /What happened next: Where should the summer event be/.test(m)), "Gareth's email"));
  assert.match(toGareth, /The event moved to Roath Park, with step-free paths\./);
  assert.match(toGareth, /In easy read:\s+We changed something: The event is in a park now\.\s+The paths are flat\./);
  const toMair = plainText(await sink.until(() => sink.to(demo.carer).find((m) => /Beth ddigwyddodd nesaf: Where should the summer event be/.test(m)), "Mair's email"));
  assert.match(toMair, /Yn hawdd ei ddeall:\s+Fe wnaethon ni newid rhywbeth: The event is in a park now\.\s+The paths are flat\./);
  assert.doesNotMatch(toMair, /In easy read/);
  // The HTML part has it too, one line a paragraph.
  const raw = sink.to(demo.member).find((m) => /What happened next: Where should the summer event be/.test(m));
  assert.match(raw.replace(/=\r?\n/g, ""), /The paths are flat\./);

  // A change without an easy-read sentence: no easy-read lines in its email.
  const before = sink.to(demo.member).length;
  const again = await tom.get(path);
  assert.equal((await tom.post(path, {
    change_key: keyOf(again.text), status: "under_way", detail: "We are booking the park.", you_said: "Where should the summer event be?",
  })).status, 303);
  const next = plainText(await sink.until(() => sink.to(demo.member).length > before && sink.to(demo.member).at(-1), "Gareth's second email"));
  assert.match(next, /We are booking the park\./);
  assert.doesNotMatch(next, /In easy read/);
});
