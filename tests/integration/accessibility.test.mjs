// Accessibility statements (issue #12 item 21): Roundtable's own statement says what UK public-sector bodies must
// publish, and an organisation's admin writes, publishes and withdraws the organisation's own, which everyone can
// then read. Before, /accessibility had no compliance status, known problems or enforcement procedure, and an
// organisation had nowhere to publish its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";

const plain = (html) => html.replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/\s+/g, " ");

test(`${backendName}: Roundtable's statement has what the regulations ask for, in English and Welsh`, async () => {
  const server = await startServer();
  try {
    const anyone = new Visitor(server.url);
    const en = await anyone.get("/accessibility");
    assert.equal(en.status, 200);
    const text = plain(en.text);
    for (const part of [
      "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard",
      "Things that do not work yet",
      "Recordings and videos that people add may have no transcript",
      "Ask for another format or tell us about a problem",
      "Equality and Human Rights Commission",
      "Equality Advisory and Support Service",
      "This statement was prepared on 4 December 2026",
    ]) {
      assert.ok(text.includes(part), `the statement says: ${part}`);
    }
    // The demo organisation published its own, and the platform's statement links to it.
    assert.match(en.text, /<a class="govuk-link" href="\/accessibility\/demo">/);
    assert.equal((await anyone.post("/language", { lang: "cy", return_to: "/accessibility" })).status, 303);
    const cy = plain((await anyone.get("/accessibility")).text);
    assert.ok(cy.includes("Mae Roundtable yn cydymffurfio'n rhannol"), "the Welsh statement gives the compliance status");
    assert.ok(cy.includes("Comisiwn Cydraddoldeb a Hawliau Dynol"), "and the enforcement procedure");
  } finally {
    await server.stop();
  }
});

test(`${backendName}: an organisation admin writes, publishes and withdraws the organisation's statement`, async () => {
  const server = await startServer();
  try {
    const sian = new Visitor(server.url);
    await sian.signIn(demo.orgAdmin);
    // Admins find the form on the organisation's page.
    assert.match((await sian.get("/o/demo")).text, /<a class="govuk-link" href="\/o\/demo\/accessibility">/);
    const form = await sian.get("/o/demo/accessibility");
    assert.equal(form.status, 200);
    assert.match(form.text, /name="compliance"/);

    // Mistakes are said in plain words (Siân reads Welsh), and what was typed is kept.
    const bad = await sian.post("/o/demo/accessibility", {
      compliance: "partial",
      known_problems: "",
      contact_email: "access at demo",
      contact_phone: "",
      reply_days: "0",
      published: "yes",
    });
    assert.equal(bad.status, 400);
    const badText = plain(bad.text);
    assert.ok(badText.includes("Gwall: Dywedwch beth sydd ddim yn gweithio eto"));
    assert.ok(badText.includes("Gwall: Rhowch gyfeiriad e-bost fel enw@example.org"));
    assert.ok(badText.includes("Gwall: Rhowch nifer o ddiwrnodau gwaith o 1 i 60"));
    assert.match(bad.text, /value="access at demo"/);

    // A draft is not shown to anyone else.
    const draft = await sian.post("/o/demo/accessibility", {
      compliance: "none",
      known_problems: "Our forms do not work with a screen reader yet.\nWe will fix them by June.",
      contact_email: "help@demo.example",
      contact_phone: "",
      reply_days: "3",
      published: "no",
    });
    assert.equal(draft.status, 303);
    const after = await sian.get("/o/demo/accessibility");
    assert.ok(plain(after.text).includes("Mae eich datganiad hygyrchedd wedi'i gadw. Dydy e ddim wedi'i gyhoeddi."));
    const anyone = new Visitor(server.url);
    assert.equal((await anyone.get("/accessibility/demo")).status, 404, "a draft is not published");
    assert.ok(!(await anyone.get("/accessibility")).text.includes('href="/accessibility/demo"'));

    // Published, everyone reads it, signed in or not, member or not.
    assert.equal(
      (
        await sian.post("/o/demo/accessibility", {
          compliance: "none",
          known_problems: "Our forms do not work with a screen reader yet.\nWe will fix them by June.",
          contact_email: "help@demo.example",
          contact_phone: "01234 567890",
          reply_days: "3",
          published: "yes",
        })
      ).status,
      303,
    );
    const shown = await anyone.get("/accessibility/demo");
    assert.equal(shown.status, 200);
    const shownText = plain(shown.text);
    assert.ok(shownText.includes("is not compliant with the Web Content Accessibility Guidelines"));
    assert.ok(shownText.includes("Our forms do not work with a screen reader yet."));
    assert.match(shown.text, /href="mailto:help@demo.example"/);
    assert.ok(shownText.includes("Phone: 01234 567890"));
    assert.ok(shownText.includes("We will reply within 3 working days."));
    assert.ok(shownText.includes("Equality Advisory and Support Service"));
    const rhys = new Visitor(server.url);
    await rhys.signIn(demo.otherOrgAdmin);
    assert.equal((await rhys.get("/accessibility/demo")).status, 200, "an admin elsewhere reads it too");

    // The change is in the organisation's audit log.
    const audit = await sian.get("/o/demo/audit");
    assert.ok(plain(audit.text).includes("Gosodiadau'r sefydliad wedi newid"));
  } finally {
    await server.stop();
  }
});

test(`${backendName}: only the organisation's admins may change its statement`, async () => {
  const server = await startServer();
  try {
    for (const who of [demo.facilitator, demo.finance, demo.member, demo.otherOrgAdmin]) {
      const v = new Visitor(server.url);
      await v.signIn(who);
      assert.equal((await v.get("/o/demo/accessibility")).status, 404, `${who} may not see the form`);
      assert.doesNotMatch((await v.get("/o/demo")).text, /href="\/o\/demo\/accessibility"/, `${who} has no link to it`);
      const posted = await v.post("/o/demo/accessibility", {
        compliance: "full",
        contact_email: "x@y.org",
        reply_days: "1",
        published: "yes",
      });
      assert.equal(posted.status, 404, `${who} may not change it`);
    }
    const anyone = new Visitor(server.url);
    const res = await anyone.get("/o/demo/accessibility");
    assert.ok([303, 404].includes(res.status), "someone signed out is not shown the form");
    // The demo statement is unchanged.
    assert.ok(plain((await anyone.get("/accessibility/demo")).text).includes("partially compliant"));
    // Without the form's token nothing is saved, even by an admin.
    const sian = new Visitor(server.url);
    await sian.signIn(demo.orgAdmin);
    const forged = await sian.request("POST", "/o/demo/accessibility", {
      body: "compliance=full&contact_email=x%40y.org&reply_days=1&published=no",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(forged.status, 403);
    assert.equal((await anyone.get("/accessibility/demo")).status, 200, "still published");
  } finally {
    await server.stop();
  }
});
