// The unread count in an organisation's navigation (issue #14 item 11, ADR 0045): a member sees how many of their
// notices there are unread beside "Notifications" on every page of the organisation, as a number for the eye and
// words for screen readers ("2 unread", in Welsh "2 heb eu darllen"), nothing when there are none; right on the next
// page after someone replies in a topic they follow, and gone after they read them. Each organisation counts its own
// notices. The counter is kept by database triggers (migration 0060), so a notice a group's deletion takes with it
// leaves the count too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName } from "./harness.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const signedIn = (email) => visitorAs(server.url, email);
const one = (sql) => server.database.sql(sql).trim();

/** The navigation's "Notifications" link: its visible number (null when none) and the words screen readers read. */
function notificationsLink(html, name = "Notifications") {
  const nav = html.match(/<nav[^>]*class="govuk-service-navigation__wrapper"[\s\S]*?<\/nav>/);
  assert.ok(nav, "the organisation's navigation");
  const link = nav[0].match(new RegExp(`<a class="govuk-service-navigation__link" href="/o/demo/notifications"[^>]*>([\\s\\S]*?)</a>`));
  assert.ok(link, `the navigation links to ${name}`);
  const number = link[1].match(/<span class="rt-nav-count__number" aria-hidden="true">([^<]*)<\/span>/);
  const hidden = link[1].match(/<span class="govuk-visually-hidden">([^<]*)<\/span>/);
  // What a screen reader reads: everything but the aria-hidden number.
  const read = link[1].replace(/<span class="rt-nav-count__number" aria-hidden="true">[^<]*<\/span>/, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  return { number: number ? number[1] : null, hidden: hidden ? hidden[1] : null, read };
}

test(`${backendName}: the count appears after a reply in a followed topic, in English and Welsh, and goes after reading`, async () => {
  const topic = one("SELECT id FROM discussion_topics WHERE title = 'Can board meetings be in the evening?'");
  const gareth = await signedIn(demo.member);
  const mair = await signedIn(demo.carer);
  const tom = await signedIn(demo.facilitator);

  // Both read what they had, and follow the evening topic.
  for (const v of [gareth, mair]) {
    assert.equal((await v.post("/o/demo/notifications/read", {})).status, 303);
    assert.equal((await v.post(`/o/demo/topics/${topic}/follow`, { on: "1" })).status, 303);
  }
  let page = await gareth.get("/o/demo/groups");
  assert.equal(page.status, 200);
  assert.deepEqual(notificationsLink(page.text), { number: null, hidden: null, read: "Notifications" }, "nothing when none");

  const reply = async (words) => {
    const form = await tom.get(`/o/demo/topics/${topic}`);
    const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
    const res = await tom.post(`/o/demo/topics/${topic}/replies`, { create_key: key, body: words, agree_rules: "yes" });
    assert.equal(res.status, 303);
  };
  await reply("What about 6pm on Thursdays?");
  // The next page already says so, on any page of the organisation.
  page = await gareth.get("/o/demo/groups");
  assert.deepEqual(notificationsLink(page.text), { number: "1", hidden: "1 unread", read: "Notifications 1 unread" });
  await reply("Or 7pm?");
  page = await gareth.get("/o/demo");
  assert.deepEqual(notificationsLink(page.text), { number: "2", hidden: "2 unread", read: "Notifications 2 unread" });
  const garethId = one(`SELECT id FROM users WHERE email = '${demo.member}'`);
  assert.equal(one(`SELECT COUNT(*) FROM notices WHERE user_id = ${garethId} AND read_at IS NULL`), "2");
  // The notifications page itself, where the link is the current page, says it too.
  const list = await gareth.get("/o/demo/notifications");
  assert.equal(notificationsLink(list.text).hidden, "2 unread");
  assert.match(list.text, /You have 2 unread notifications\./);

  // Mair reads Welsh.
  page = await mair.get("/o/demo/groups");
  assert.deepEqual(notificationsLink(page.text, "Hysbysiadau"), { number: "2", hidden: "2 heb eu darllen", read: "Hysbysiadau 2 heb eu darllen" });

  // Reading them: gone on the next page; Mair's are hers.
  assert.equal((await gareth.post("/o/demo/notifications/read", {})).status, 303);
  page = await gareth.get("/o/demo/groups");
  assert.equal(notificationsLink(page.text).number, null);
  assert.doesNotMatch(page.text, /rt-nav-count/);
  page = await mair.get("/o/demo");
  assert.equal(notificationsLink(page.text, "Hysbysiadau").number, "2");
  assert.equal((await mair.post("/o/demo/notifications/read", {})).status, 303);
  assert.equal(notificationsLink((await mair.get("/o/demo")).text, "Hysbysiadau").number, null);

  // Tom wrote the replies: nothing for him from them.
  assert.equal(one(`SELECT COUNT(*) FROM notices n JOIN users u ON u.id = n.user_id WHERE u.email = '${demo.facilitator}' AND n.title = 'Can board meetings be in the evening?' AND n.read_at IS NULL AND n.created_at >= ${Math.floor(Date.now() / 1000) - 600}`), "0");
});

test(`${backendName}: each organisation counts its own; the counter follows notices however they change (a deleted group's go with it); past 99 shows 99+`, async () => {
  const gareth = await signedIn(demo.member);
  const garethId = one(`SELECT id FROM users WHERE email = '${demo.member}'`);
  const now = Math.floor(Date.now() / 1000);
  // A second organisation of Gareth's, with a group and 120 unread notices there (written straight to the database,
  // as another module or command might: the triggers count them).
  server.database.sql(`INSERT INTO organisations (slug, name, languages, signup_mode, created_at, updated_at) VALUES ('unread-other', 'Unread Other', 'en', 'invitation', ${now}, ${now})`);
  const other = one("SELECT id FROM organisations WHERE slug = 'unread-other'");
  server.database.sql(`INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (${other}, ${garethId}, 'member', ${now})`);
  server.database.sql(`INSERT INTO org_groups (org_id, name, purpose, kind, level, visibility, stage, create_key, created_at, updated_at) VALUES (${other}, 'Unread group', 'Words', 'project', 'group', 'organisation', 'define', 'unread-group', ${now}, ${now})`);
  const group = one("SELECT id FROM org_groups WHERE create_key = 'unread-group'");
  server.database.sql(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120) INSERT INTO notices (org_id, user_id, group_id, kind, title, url, created_at) SELECT ${other}, ${garethId}, ${group}, 'discussion_post', 'Other ' || i, '/o/unread-other', ${now} FROM n`,
  );
  assert.equal(one(`SELECT COUNT(*) FROM notices WHERE org_id = ${other}`), "120");
  const demoPage = await gareth.get("/o/demo/groups");
  assert.equal(notificationsLink(demoPage.text).number, null, "demo's count is demo's alone");
  const otherPage = await gareth.get("/o/unread-other/groups");
  assert.equal(otherPage.status, 200);
  const link = otherPage.text.match(/href="\/o\/unread-other\/notifications"[^>]*>([\s\S]*?)<\/a>/)[1];
  assert.match(link, /<span class="rt-nav-count__number" aria-hidden="true">99\+<\/span>/);
  assert.match(link, /<span class="govuk-visually-hidden">120 unread<\/span>/);

  // One read by hand, then the group deleted with the rest: the count follows.
  server.database.sql(`UPDATE notices SET read_at = ${now} WHERE id = (SELECT MIN(id) FROM notices WHERE org_id = ${other})`);
  let again = await gareth.get("/o/unread-other/groups");
  assert.match(again.text, /<span class="govuk-visually-hidden">119 unread<\/span>/);
  // (The sqlite3 shell leaves foreign keys off unless asked; the server always has them on.)
  server.database.sql(`${backendName === "sqlite" ? "PRAGMA foreign_keys = ON; " : ""}DELETE FROM org_groups WHERE id = ${group}`);
  again = await gareth.get("/o/unread-other/groups");
  assert.equal(again.status, 200);
  assert.doesNotMatch(again.text, /rt-nav-count/);
  assert.equal(one(`SELECT unread FROM unread_notices WHERE user_id = ${garethId} AND org_id = ${other}`), "0");
  // Leaving the organisation takes the counter with it.
  server.database.sql(`${backendName === "sqlite" ? "PRAGMA foreign_keys = ON; " : ""}DELETE FROM memberships WHERE org_id = ${other} AND user_id = ${garethId}`);
  assert.equal(one(`SELECT COUNT(*) FROM unread_notices WHERE org_id = ${other}`), "0");
});
