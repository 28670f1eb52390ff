// Issue #14: the keyboard-only journey from a topic a member asks to raise, to an item on the next meeting's agenda,
// to what the meeting decided, seen by that member on the topic itself; on a 320 px screen, in Chromium against the
// real server with its demo data.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser } from "./support.mjs";
import { tabTo, tabToId, follow, checkPage, assertFocusVisible, signInByKeyboard } from "./keyboard.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const phone = { viewport: { width: 320, height: 640 }, locale: "en-GB" };
const topicTitle = "Booking respite: what went wrong for you?";
const decision = "The board asks the respite project to test the new booking with three carers before March.";

test("issue #14: keyboard only at 320 px: Gareth raises a topic, Tom puts it on the agenda and records the decision, Gareth sees what happened", async () => {
  // 1. Gareth goes from his home page to the board's discussion and asks for his topic to be raised.
  const garethContext = await browser.newContext(phone);
  const gareth = await garethContext.newPage();
  await signInByKeyboard(server, gareth, "gareth@demo.example");
  await tabTo(gareth, "Carers Co-production Board");
  await follow(gareth);
  await tabTo(gareth, "Go to the group's discussion");
  await follow(gareth);
  await checkPage(gareth, "the board's discussion");
  await tabTo(gareth, topicTitle);
  await follow(gareth);
  const topicUrl = gareth.url();
  assert.match(new URL(topicUrl).pathname, /^\/o\/demo\/topics\/\d+$/);
  // The demo's group says it is working on the stories (the loop), but no meeting has taken the topic up yet.
  assert.doesNotMatch(await gareth.textContent("main"), /It is on the agenda for/, "no meeting has it yet");
  await tabTo(gareth, "Raise this at the next meeting");
  await assertFocusVisible(gareth, "the raise button");
  await follow(gareth);
  assert.match(await gareth.textContent("main"), /You asked for this topic to be raised at the next meeting/);
  await checkPage(gareth, "the topic after raising it");

  // 2. Tom, who runs the board, finds it on the next meeting's agenda page and puts it on the agenda.
  const tomContext = await browser.newContext(phone);
  const tom = await tomContext.newPage();
  await signInByKeyboard(server, tom, "tom@demo.example");
  await tabTo(tom, "Carers Co-production Board");
  await follow(tom);
  await tabTo(tom, "See this group's meetings");
  await follow(tom);
  await tabTo(tom, "Board meeting: next year's plan");
  await follow(tom);
  await tabTo(tom, /^See the agenda|^Agenda/);
  await follow(tom);
  assert.match(new URL(tom.url()).pathname, /^\/o\/demo\/meetings\/\d+\/agenda$/);
  const agenda = await tom.textContent("main");
  assert.match(agenda, /Topics members want to talk about/);
  assert.match(agenda, /Raised by 1 member in the discussion space/);
  await checkPage(tom, "the agenda with a raised topic");
  await tabTo(tom, `Put on the agenda: ${topicTitle}`);
  await follow(tom);
  assert.match(await tom.textContent("main"), /The topic is on the agenda/);

  // Gareth's topic already says which meeting will talk about it.
  await gareth.goto(topicUrl);
  const onAgenda = await gareth.textContent("main");
  assert.match(onAgenda, /What happened next/);
  assert.match(onAgenda, /It is on the agenda for Board meeting: next year's plan on /);
  await checkPage(gareth, "the topic once it is on an agenda");

  // 3. At the meeting Tom writes down the decision and publishes the minutes.
  await tabTo(tom, "Read the minutes, decisions and actions");
  await follow(tom);
  assert.match(new URL(tom.url()).pathname, /^\/o\/demo\/meetings\/\d+\/minutes$/);
  const decisionId = await tom.evaluate(
    (title) =>
      [...document.querySelectorAll("label")].find((l) => l.textContent.includes(title))?.getAttribute("for") ?? "",
    topicTitle,
  );
  assert.match(decisionId, /^decision-\d+$/, "the topic has its own decision box");
  await tabToId(tom, decisionId, { max: 120 });
  await tom.keyboard.type(decision);
  await tabTo(tom, "Save the decision", { max: 3 });
  await follow(tom);
  assert.match(await tom.textContent("main"), /The decision is saved/);
  await tabToId(tom, "minutes", { max: 120 });
  await tom.keyboard.type("We agreed next year's plan and heard carers' stories about booking respite.");
  await tabTo(tom, "Save the minutes", { max: 3 });
  await follow(tom);
  await tabTo(tom, "Publish the minutes", { max: 150 });
  await follow(tom);
  assert.match(await tom.textContent("main"), /The minutes are published/);
  await checkPage(tom, "the minutes once published");

  // 4. Gareth opens his topic again: it says what the meeting decided and leads to the minutes.
  await gareth.goto(topicUrl);
  const after = await gareth.textContent("main");
  assert.match(after, /It was talked about at Board meeting: next year's plan on /);
  assert.ok(after.includes(`What the meeting decided: ${decision}`), "the decision is on the topic");
  await checkPage(gareth, "the topic after the meeting");
  await tabTo(gareth, "Read the minutes");
  await follow(gareth);
  assert.match(new URL(gareth.url()).pathname, /^\/o\/demo\/meetings\/\d+\/minutes$/);
  assert.ok((await gareth.textContent("main")).includes(decision), "the minutes show the decision");
  await checkPage(gareth, "the published minutes");
  await garethContext.close();
  await tomContext.close();
});
