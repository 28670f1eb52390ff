// Series of open sessions (coffee mornings) over HTTP: a facilitator makes a monthly series in a members-only group
// (the input kept on a problem, the same form sent twice making one series) and its sessions exist at 10:00 London
// time across the clock changes; someone in the organisation but not in the group sees and replies to an open
// session but not to the group's closed meeting; attendance changes the report (page and CSV); changing the series
// moves its sessions to come and keeps the replies; more dates; people outside the organisation get 404.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName } from "./harness.mjs";
import { meetingIds, seriesFields } from "./matrices/meetings.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const signedIn = (email) => visitorAs(server.url, email);

const one = (sql) => server.database.sql(sql).trim();
const londonTime = (seconds) =>
  new Date(Number(seconds) * 1000).toLocaleTimeString("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" });
const londonWeekday = (seconds) =>
  new Date(Number(seconds) * 1000).toLocaleDateString("en-GB", { timeZone: "Europe/London", weekday: "long" });

test(`${backendName}: an open monthly series in a members-only group, replies from outside the group, and the report`, async () => {
  const ids = meetingIds(server);
  const tom = await signedIn(demo.facilitator);
  const form = await tom.get(`/o/demo/groups/${ids.STEERING}/series/new`);
  assert.equal(form.status, 200);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  const fields = seriesFields(key, {
    title: "",
    purpose: "Meet the strategy group over a cup of tea.",
    length: "90",
    access: "step_free",
    rule_months: "99",
  });
  const bad = await tom.postPairs(`/o/demo/groups/${ids.STEERING}/series`, fields);
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Enter the name of the series/);
  assert.match(bad.text, /Enter the number of months, from 1 to 24/);
  assert.match(bad.text, /Meet the strategy group over a cup of tea\./, "input kept");
  assert.match(bad.text, /value="90"/);

  const good = fields.map(([k, v]) => (k === "title" ? [k, "Strategy tea"] : k === "rule_months" ? [k, "3"] : [k, v]));
  const made = await tom.postPairs(`/o/demo/groups/${ids.STEERING}/series`, good);
  assert.equal(made.status, 303);
  const location = made.headers.get("location");
  const seriesId = location.match(/^\/o\/demo\/series\/(\d+)$/)[1];
  // Sent twice: one series, one set of sessions.
  const again = await tom.postPairs(`/o/demo/groups/${ids.STEERING}/series`, good);
  assert.equal(again.headers.get("location"), location);
  assert.equal(one(`SELECT COUNT(*) FROM meeting_series WHERE title = 'Strategy tea'`), "1");
  const sessions = server.database
    .sql(`SELECT id, starts_at FROM meetings WHERE series_id = ${seriesId} ORDER BY starts_at`)
    .trim()
    .split("\n")
    .map((line) => line.split("|"));
  assert.ok(sessions.length >= 6 && sessions.length <= 7, `${sessions.length} sessions for 6 months`);
  for (const [, starts] of sessions) {
    assert.equal(londonTime(starts), "10:00", "10:00 London time, summer or winter");
    assert.equal(londonWeekday(starts), "Wednesday");
    assert.ok(new Date(Number(starts) * 1000).getUTCDate() <= 7, "the first Wednesday");
  }
  const page = await tom.get(location);
  assert.match(page.text, /The first Wednesday of every month, 10:00am to 11:30am/);
  assert.match(page.text, /Staff who joined in the last 3 months must come to one session\./);

  // Priya (staff, in the organisation, not in the group) sees the series and its sessions and replies; the group's
  // closed meeting stays hidden from her.
  const session = sessions[0][0];
  const priya = await signedIn(demo.finance);
  assert.equal((await priya.get(location)).status, 200);
  assert.equal((await priya.get(`/o/demo/meetings/${session}`)).status, 200);
  assert.equal((await priya.get(`/o/demo/meetings/${ids.SECRET}`)).status, 404);
  assert.equal((await priya.get(`/o/demo/groups/${ids.STEERING}/meetings`)).status, 404);
  const replied = await priya.postPairs(`/o/demo/meetings/${session}/reply`, [["answer", "going"], ["needs", "large_print"]]);
  assert.equal(replied.status, 303);
  assert.equal(one(`SELECT COUNT(*) FROM meeting_rsvps WHERE meeting_id = ${session}`), "1");
  assert.match((await priya.get("/o/demo/open-sessions")).text, /Strategy tea/);
  // Her needs are on the facilitators' checklist.
  assert.match((await tom.get(`/o/demo/meetings/${session}/checklist`)).text, /Priya/);

  // The report: Priya is staff who joined recently and has not come yet; the filter (a GET form) lists only those.
  const notYet = (path) => tom.get(`${path}/report?show=not_yet`);
  let report = await tom.get(`${location}/report`);
  assert.equal(report.status, 200);
  assert.match(report.text, /Must come to a session/);
  assert.match(report.text, /Priya/);
  assert.match(report.text, /<form[^>]+method="get"/i);
  assert.match((await notYet(location)).text, /Priya/);
  // Recorded as coming: she is no longer among those who have not come, and still in the whole list.
  const priyaId = one(`SELECT id FROM users WHERE email = '${demo.finance}'`);
  const marked = await tom.postPairs(`/o/demo/meetings/${session}/attendance`, [[`attendance-${priyaId}`, "present"]]);
  assert.equal(marked.status, 303);
  assert.equal(one(`SELECT status FROM meeting_attendance WHERE meeting_id = ${session} AND user_id = ${priyaId}`), "present");
  report = await tom.get(`${location}/report`);
  assert.match(report.text, /Priya/);
  assert.doesNotMatch((await notYet(location)).text, /Priya/);
  const csv = await tom.get(`${location}/report.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get("content-type"), /^text\/csv/);
  assert.match(csv.text, /Priya[^\n]*,Came,/);
  // Not for Priya, nor for Gareth (not in the group).
  assert.equal((await priya.get(`${location}/report`)).status, 404);

  // Changing the series moves the sessions to come to 11:00 and keeps Priya's reply.
  const edit = await tom.get(`${location}/edit`);
  assert.equal(edit.status, 200);
  const changed = good.filter(([k]) => k !== "create_key").map(([k, v]) => (k === "start" ? [k, "11:00"] : [k, v]));
  assert.equal((await tom.postPairs(`${location}/edit`, changed)).status, 303);
  for (const [id] of sessions) {
    assert.equal(londonTime(one(`SELECT starts_at FROM meetings WHERE id = ${id}`)), "11:00");
  }
  assert.equal(one(`SELECT answer FROM meeting_rsvps WHERE meeting_id = ${session} AND user_id = ${priyaId}`), "going");

  // More dates: the months after the last session.
  const before = Number(one(`SELECT COUNT(*) FROM meetings WHERE series_id = ${seriesId}`));
  assert.equal((await tom.postPairs(`${location}/dates`, [])).status, 303);
  assert.ok(Number(one(`SELECT COUNT(*) FROM meetings WHERE series_id = ${seriesId}`)) > before);

  // People outside the organisation: 404 for the series, its sessions and the report.
  const other = await signedIn(demo.otherOrgAdmin);
  for (const path of [location, `/o/demo/meetings/${session}`, `${location}/report`]) {
    const res = await other.get(path);
    assert.equal(res.status, 404, path);
    assert.doesNotMatch(res.text, /Strategy tea/);
  }
});

test(`${backendName}: the demo coffee morning shows which new staff have not come yet`, async () => {
  const ids = meetingIds(server);
  const tom = await signedIn(demo.facilitator);
  const report = await tom.get(`/o/demo/series/${ids.SERIES}/report`);
  assert.equal(report.status, 200);
  for (const name of ["Bethan Price", "Chloe Evans", "Aled Hughes"]) assert.match(report.text, new RegExp(name));
  const notYet = await tom.get(`/o/demo/series/${ids.SERIES}/report?show=not_yet`);
  assert.equal(notYet.status, 200);
  assert.match(notYet.text, /Bethan Price/);
  assert.match(notYet.text, /Chloe Evans/);
  assert.doesNotMatch(notYet.text, /Aled Hughes/, "he came");
  const page = await tom.get(`/o/demo/series/${ids.SERIES}`);
  assert.match(page.text, /The first Monday of every month, 10:00am to 11:00am/);
});

test(`${backendName}: the report comes 50 people a page, by name, with next and previous links and the filter kept`, async () => {
  const ids = meetingIds(server);
  const now = Math.floor(Date.now() / 1000);
  // 60 staff who joined this week: the coffee morning's rule covers each of them.
  const values = Array.from({ length: 60 }, (_, i) => `('newstaff${i}@example.org', 'New Staff ${String(i).padStart(2, "0")}', 'en', 0, ${now}, ${now})`);
  server.database.sql(`INSERT INTO users (email, name, lang, platform_admin, created_at, updated_at) VALUES ${values.join(", ")}`);
  server.database.sql(
    `INSERT INTO memberships (org_id, user_id, role, created_at) SELECT o.id, u.id, 'member', ${now} FROM organisations o, users u WHERE o.slug = 'demo' AND u.email LIKE 'newstaff%'`,
  );
  server.database.sql(
    `INSERT INTO member_types (org_id, user_id, type) SELECT o.id, u.id, 'staff' FROM organisations o, users u WHERE o.slug = 'demo' AND u.email LIKE 'newstaff%'`,
  );
  const tom = await signedIn(demo.facilitator);
  const base = `/o/demo/series/${ids.SERIES}/report`;
  const rowsOf = (html) =>
    [...(html.split("<tbody")[1] ?? "").matchAll(/<tr class="govuk-table__row">\s*<t[dh][^>]*>([^<]+)<\/t[dh]>/g)].map((m) => m[1]);
  const link = (html, rel) => html.match(new RegExp(`<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="${rel}"`))?.[1]?.replaceAll("&amp;", "&");
  for (const filter of ["", "?show=not_yet"]) {
    const first = await tom.get(base + filter);
    assert.equal(first.status, 200);
    const firstRows = rowsOf(first.text);
    assert.equal(firstRows.length, 50, `${filter}: 50 on the first page`);
    assert.equal(link(first.text, "prev"), undefined, "no previous page on the first");
    const next = link(first.text, "next");
    assert.ok(next, "a next page");
    if (filter) assert.match(next, /show=not_yet/, "the filter is kept");
    const second = await tom.get(next);
    assert.equal(second.status, 200);
    const secondRows = rowsOf(second.text);
    assert.ok(secondRows.length > 0 && secondRows.length <= 50);
    for (const name of secondRows) assert.ok(!firstRows.includes(name), `${name} on one page only`);
    assert.match(second.text, /Must come to a session/, "the counts on every page");
    const back = await tom.get(link(second.text, "prev"));
    assert.deepEqual(rowsOf(back.text), firstRows, "previous goes back to the first page");
  }
  // The CSV is still the whole list.
  const csv = await tom.get(`${base}.csv`);
  assert.ok(csv.text.trim().split("\n").length > 60);
});
