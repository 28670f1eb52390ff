// Groups and projects over HTTP: the authorisation matrix of every groups route, a facilitator starting a project
// and moving it through its stages with reasons, a member asking to join and being let in, the same form sent twice
// making one group, forms that keep what was typed, members-only groups staying unseen, archiving, a group's picture
// and who may see it, and the spreadsheet files.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, Visitor, visitorAs, demo, backendName, root } from "./harness.mjs";
import { rows, groupIds, fill } from "./matrices/groups.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const visitors = [
  ["anonymous", null],
  ["otherOrg", demo.otherOrgAdmin],
  ["member", demo.member],
  ["facilitator", demo.facilitator],
  ["finance", demo.finance],
  ["orgAdmin", demo.orgAdmin],
  ["platformAdmin", demo.platformAdmin],
];

const signedIn = (email) => visitorAs(server.url, email);

/** The id in a Location such as /o/demo/groups/12. */
function groupIdFrom(location) {
  const m = location.match(/^\/o\/demo\/groups\/(\d+)$/);
  assert.ok(m, `not a group's address: ${location}`);
  return m[1];
}

test(`${backendName}: authorisation matrix — every groups route for every kind of visitor`, async () => {
  const ids = groupIds(server);
  const people = [];
  for (const [name, email] of visitors) people.push([name, await signedIn(email)]);
  const wrong = [];
  for (const [method, template, expected] of rows) {
    const path = fill(template, ids);
    for (let i = 0; i < people.length; i++) {
      const [name, v] = people[i];
      const res = method === "GET" ? await v.get(path) : await v.post(path, {});
      if (res.status !== expected[i]) wrong.push(`${method} ${path} as ${name}: ${res.status}, expected ${expected[i]}`);
      if (res.status === 404) {
        assert.doesNotMatch(res.text, /Steering|Co-production Board|Demo County/, `${path} leaks a name to ${name}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test(`${backendName}: a facilitator starts a project, a member joins it, and it moves through its stages`, async () => {
  const tom = await signedIn(demo.facilitator);
  const form = await tom.get("/o/demo/groups/new");
  assert.equal(form.status, 200);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  // A problem: the input comes back as typed, with the problem in plain words.
  const fields = {
    create_key: key,
    name: "Carers' transport",
    purpose: "",
    kind: "project",
    stage: "discover",
    level: "group",
    visibility: "organisation",
    ground_rules: "- Be kind\n- One voice at a time\n\n<script>alert(1)</script>",
    ground_rules_easy: "Be kind.",
  };
  const bad = await tom.post("/o/demo/groups", fields);
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Say what the group is for/);
  assert.match(bad.text, /value="Carers&#39; transport"/);
  assert.match(bad.text, /- One voice at a time/);
  assert.match(bad.text, /value="discover" checked/);
  // Sent twice (a double click, or going back and sending again): one project.
  fields.purpose = "Getting to appointments without a car.";
  const made = await tom.post("/o/demo/groups", fields);
  assert.equal(made.status, 303);
  const id = groupIdFrom(made.headers.get("location"));
  const again = await tom.post("/o/demo/groups", fields);
  assert.equal(again.status, 303);
  assert.equal(groupIdFrom(again.headers.get("location")), id);
  assert.equal(server.database.sql(`SELECT COUNT(*) FROM org_groups WHERE name = 'Carers'' transport'`).trim(), "1");
  const home = await tom.get(`/o/demo/groups/${id}`);
  assert.match(home.text, /You started Carers&#39; transport. You are its lead facilitator./);
  assert.match(home.text, /This project is at stage 1 of 4: Discover./);
  // The ground rules are Markdown: a list on the page, and what looks like HTML is shown as typed, never run.
  assert.match(home.text, /<ul class="govuk-list govuk-list--bullet">\s*<li>Be kind<\/li>\s*<li>One voice at a time<\/li>/);
  assert.match(home.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(home.text, /<script>alert/);

  // Gareth finds it in the list, reads the ground rules, and asks to join in his own words.
  const gareth = await signedIn(demo.member);
  assert.match((await gareth.get("/o/demo/groups")).text, /Carers&#39; transport/);
  const ask = await gareth.get(`/o/demo/groups/${id}/join`);
  assert.equal(ask.status, 200);
  assert.match(ask.text, /Be kind./);
  const asked = await gareth.post(`/o/demo/groups/${id}/join`, { message: "I drive my mum to the hospital every week." });
  assert.equal(asked.status, 303);
  assert.match((await gareth.get(`/o/demo/groups/${id}`)).text, /You asked to join/);
  assert.equal((await gareth.get(`/o/demo/groups/${id}/members`)).status, 404, "not a member yet");

  // Tom sees the request with Gareth's words, and lets him in.
  const requests = await tom.get(`/o/demo/groups/${id}/requests`);
  assert.match(requests.text, /I drive my mum to the hospital every week./);
  assert.match(requests.text, /Lived experience/);
  const garethId = server.database.sql(`SELECT id FROM users WHERE email = '${demo.member}'`).trim();
  const yes = await tom.post(`/o/demo/groups/${id}/requests`, { user: garethId, answer: "yes" });
  assert.equal(yes.status, 303);
  const members = await gareth.get(`/o/demo/groups/${id}/members`);
  assert.equal(members.status, 200);
  assert.match(members.text, /Gareth Jones/);
  // On the group's page each name leads to what the person brings (their page in the organisation).
  assert.match((await gareth.get(`/o/demo/groups/${id}`)).text, new RegExp(`<a class="govuk-link" href="/o/demo/people/${garethId}">Gareth Jones</a>`));

  // Moving the stage needs a reason; the reason and who moved it are kept and shown to the group.
  const noReason = await tom.post(`/o/demo/groups/${id}/stage`, { stage: "define", reason: "" });
  assert.equal(noReason.status, 400);
  assert.match(noReason.text, /Say why the stage is changing/);
  const same = await tom.post(`/o/demo/groups/${id}/stage`, { stage: "discover", reason: "x" });
  assert.equal(same.status, 400);
  const moves = [
    ["define", "We talked to 30 carers about getting to appointments."],
    ["develop", "Lifts from volunteers came top."],
    ["deliver", "The volunteer rota works in two towns."],
  ];
  for (const [stage, reason] of moves) {
    const moved = await tom.post(`/o/demo/groups/${id}/stage`, { stage, reason });
    assert.equal(moved.status, 303, stage);
  }
  // Gareth may not move it, but sees where it is and why, on a phone as on a computer.
  assert.equal((await gareth.post(`/o/demo/groups/${id}/stage`, { stage: "discover", reason: "x" })).status, 404);
  const stagePage = await gareth.get(`/o/demo/groups/${id}/stage`);
  assert.match(stagePage.text, /This project is at stage 4 of 4: Deliver./);
  assert.match(stagePage.text, /Lifts from volunteers came top./);
  assert.match(stagePage.text, /From Develop to Deliver/);
  assert.doesNotMatch(stagePage.text, /Move the stage/);
  const activity = await gareth.get(`/o/demo/groups/${id}/activity`);
  assert.match(activity.text, /Tom Evans moved the stage to Deliver/);
  assert.match(activity.text, /Gareth Jones joined the group/);

  // He leaves; the group is still there and he can ask again.
  assert.equal((await gareth.post(`/o/demo/groups/${id}/leave`, {})).status, 303);
  assert.equal((await gareth.get(`/o/demo/groups/${id}/members`)).status, 404);
  assert.equal((await gareth.get(`/o/demo/groups/${id}/join`)).status, 200);
});

test(`${backendName}: the same page in Welsh, and a members-only group stays unseen`, async () => {
  const mair = await signedIn(demo.carer);
  const list = await mair.get("/o/demo/groups");
  assert.match(list.text, /<html lang="cy"/);
  assert.match(list.text, /Carers Strategy Steering Group/, "Mair is in it");
  const gareth = await signedIn(demo.member);
  const his = await gareth.get("/o/demo/groups");
  assert.doesNotMatch(his.text, /Steering/);
  const ids = groupIds(server);
  const hidden = await gareth.get(`/o/demo/groups/${ids.STEERING}`);
  assert.equal(hidden.status, 404);
  // Another organisation's admin cannot reach a group of "demo" through their own organisation's address.
  const rhys = await signedIn(demo.otherOrgAdmin);
  assert.equal((await rhys.get(`/o/north/groups/${ids.BOARD}`)).status, 404);
  assert.equal((await rhys.post(`/o/north/groups/${ids.BOARD}/stage`, { stage: "define", reason: "x" })).status, 404);
});

test(`${backendName}: a lead facilitator archives a group, nothing in it changes, and restores it`, async () => {
  const tom = await signedIn(demo.facilitator);
  const form = await tom.get("/o/demo/groups/new");
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  const made = await tom.post("/o/demo/groups", {
    create_key: key,
    name: "Short-lived",
    purpose: "Try archiving.",
    kind: "standing",
    stage: "none",
    level: "individual",
    visibility: "organisation",
  });
  const id = groupIdFrom(made.headers.get("location"));
  assert.equal((await tom.post(`/o/demo/groups/${id}/archive`, {})).status, 303);
  const archived = await tom.get(`/o/demo/groups/${id}`);
  assert.match(archived.text, /This group was archived on/);
  assert.match(archived.text, /Restore the group/);
  assert.equal((await tom.get(`/o/demo/groups/${id}/edit`)).status, 404);
  const gareth = await signedIn(demo.member);
  assert.equal((await gareth.get(`/o/demo/groups/${id}/join`)).status, 404);
  assert.equal((await tom.post(`/o/demo/groups/${id}/restore`, {})).status, 303);
  assert.equal((await tom.get(`/o/demo/groups/${id}/edit`)).status, 200);
  // Changing the details keeps what was typed when something is wrong, and saves when it is right.
  const bad = await tom.post(`/o/demo/groups/${id}/edit`, { name: "", purpose: "Still here.", kind: "standing", level: "group", visibility: "members" });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Still here./);
  const good = await tom.post(`/o/demo/groups/${id}/edit`, { name: "Renamed", purpose: "Still here.", kind: "standing", level: "group", visibility: "members" });
  assert.equal(good.status, 303);
  assert.match((await tom.get(`/o/demo/groups/${id}`)).text, /Renamed/);
  // Now members-only: Gareth does not see it.
  assert.equal((await gareth.get(`/o/demo/groups/${id}`)).status, 404);
});

test(`${backendName}: the people who run a group see the needs members agreed to share, and each look is recorded`, async () => {
  const ids = groupIds(server);
  const mair = server.database.sql(`SELECT id FROM users WHERE email = '${demo.carer}'`).trim();
  const gareth = server.database.sql(`SELECT id FROM users WHERE email = '${demo.member}'`).trim();
  const looked = (who) =>
    Number(server.database.sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'needs_viewed' AND subject_user_id = ${who} AND detail = 'group:${ids.BOARD}'`).trim());
  const before = { mair: looked(mair), gareth: looked(gareth) };
  const tom = await signedIn(demo.facilitator);
  const page = await tom.get(`/o/demo/groups/${ids.BOARD}/support`);
  assert.equal(page.status, 200);
  // Mair shares her needs with facilitators; Gareth does not.
  assert.match(page.text, /Mair Hughes/);
  assert.match(page.text, /Not shared/);
  assert.match(page.text, /have not shared what they need|has not shared what they need/);
  assert.equal(looked(mair), before.mair + 1, "Mair can see that Tom looked");
  assert.equal(looked(gareth), before.gareth, "nothing of Gareth's was shown");
  // A member of the group is not shown anyone's needs.
  const member = await signedIn(demo.member);
  assert.equal((await member.get(`/o/demo/groups/${ids.BOARD}/support`)).status, 404);
});

test(`${backendName}: a public group's summary is for everyone, names nobody, and says how to take part`, async () => {
  const ids = groupIds(server);
  const card = server.database.sql("SELECT id FROM org_groups WHERE name = 'Carers'' emergency card'").trim();
  const anyone = new Visitor(server.url);
  const page = await anyone.get(`/groups/demo/${card}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /Carers&#39; emergency card/);
  assert.match(page.text, /This project is at stage 4 of 4: Deliver./);
  assert.match(page.text, /Sign in to ask to join/);
  assert.doesNotMatch(page.text, /Tom Evans|Mair Hughes|Ngozi/, "no names on a public page");
  // Only public, active groups, and only under their own organisation's address.
  for (const path of [`/groups/demo/${ids.BOARD}`, `/groups/demo/${ids.STEERING}`, `/groups/north/${card}`, "/groups/demo/x"]) {
    assert.equal((await anyone.get(path)).status, 404, path);
  }
  // A member is sent to the group's own page.
  const gareth = await signedIn(demo.member);
  assert.match((await gareth.get(`/groups/demo/${card}`)).text, new RegExp(`href="/o/demo/groups/${card}"`));
});

test(`${backendName}: the lead of a members-only group invites someone, who sees it on their home page and joins`, async () => {
  const ids = groupIds(server);
  const tom = await signedIn(demo.facilitator);
  const home = await tom.get(`/o/demo/groups/${ids.STEERING}`);
  assert.match(home.text, new RegExp(`href="/o/demo/groups/${ids.STEERING}/invite"`));
  assert.match(home.text, new RegExp(`href="/o/demo/groups/${ids.STEERING}/support"`));
  const search = await tom.get(`/o/demo/groups/${ids.STEERING}/invite?name=gar`);
  assert.match(search.text, /Gareth Jones/);
  assert.doesNotMatch(search.text, /Mair Hughes/, "only names like the words");
  const gareth = server.database.sql(`SELECT id FROM users WHERE email = '${demo.member}'`).trim();
  assert.equal((await tom.post(`/o/demo/groups/${ids.STEERING}/invite`, { user: gareth })).status, 303);
  // Someone from another organisation cannot be invited.
  const rhys = server.database.sql(`SELECT id FROM users WHERE email = '${demo.otherOrgAdmin}'`).trim();
  assert.equal((await tom.post(`/o/demo/groups/${ids.STEERING}/invite`, { user: rhys })).status, 404);

  const v = await signedIn(demo.member);
  const mine = await v.get("/");
  assert.match(mine.text, /You are invited to join Carers Strategy Steering Group/);
  const group = await v.get(`/o/demo/groups/${ids.STEERING}`);
  assert.equal(group.status, 200, "an invited person may read the group");
  assert.match(group.text, /You are invited to join this group/);
  assert.equal((await v.get(`/o/demo/groups/${ids.STEERING}/members`)).status, 404, "but not who is in it yet");
  const yes = await v.post(`/o/demo/groups/${ids.STEERING}/invitation`, { answer: "yes" });
  assert.equal(yes.status, 303);
  assert.equal((await v.get(`/o/demo/groups/${ids.STEERING}/members`)).status, 200);
  assert.doesNotMatch((await v.get("/")).text, /You are invited to join/);
});

test(`${backendName}: a group's members, stage history and activity download as spreadsheets, formulas disarmed`, async () => {
  const ids = groupIds(server);
  const hospital = server.database.sql("SELECT id FROM org_groups WHERE name = 'Leaving hospital checklist'").trim();
  const tom = await signedIn(demo.facilitator);
  // A reason someone typed that a spreadsheet would run as a formula.
  const moved = await tom.post(`/o/demo/groups/${hospital}/stage`, { stage: "deliver", reason: "=HYPERLINK(\"http://evil\")" });
  assert.equal(moved.status, 303);
  const stages = await tom.get(`/o/demo/groups/${hospital}/stage.csv`);
  assert.equal(stages.status, 200);
  assert.equal(stages.headers.get("content-type"), "text/csv; charset=utf-8");
  assert.match(stages.headers.get("content-disposition"), /^attachment; filename="group-\d+-stages.csv"$/);
  assert.match(stages.text, /Develop,Deliver,Tom Evans,"'=HYPERLINK\(""http:\/\/evil""\)"/);
  const members = await tom.get(`/o/demo/groups/${ids.BOARD}/members.csv`);
  assert.match(members.text, /^\uFEFF?Name,Role in the group,Takes part as,Joined\r\n/);
  assert.match(members.text, /Gareth Jones,Member,Lived experience,/);
  const activity = await tom.get(`/o/demo/groups/${hospital}/activity.csv`);
  assert.match(activity.text, /Tom Evans moved the stage to Deliver/);
  // The list of groups, as each person sees it: Priya's has no members-only group, and she is in none.
  const list = await (await signedIn(demo.finance)).get("/o/demo/groups.csv");
  assert.equal(list.status, 200);
  assert.match(list.text, /Carers Co-production Board,Standing group,,Everyone in the organisation,,5,/);
  assert.doesNotMatch(list.text, /Steering/);
  assert.match((await tom.get(`/o/demo/groups`)).text, /href="\/o\/demo\/groups.csv"/);
  // The page links to its file.
  assert.match((await tom.get(`/o/demo/groups/${ids.BOARD}/members`)).text, /members.csv/);
});

test(`${backendName}: a lead facilitator adds a picture with words that describe it, replaces it and removes it`, async () => {
  const ids = groupIds(server);
  const photo = readFileSync(join(root, "tests/integration/fixtures/about_me/photo-with-location.jpg"));
  const base = `/o/demo/groups/${ids.STEERING}`;
  const tom = await signedIn(demo.facilitator);
  assert.match((await tom.get(base)).text, new RegExp(`href="${base}/picture">Add a picture<`));
  const form = await tom.get(`${base}/picture`);
  assert.equal(form.status, 200);
  assert.match(form.text, /enctype="multipart\/form-data"/);
  assert.match(form.text, /Describe the picture/);

  // Nothing chosen (an empty file is nothing) and no words: both problems, in plain words.
  const empty = await tom.postMultipart(`${base}/picture`, { alt: "" }, { picture: { filename: "empty.jpg", type: "image/jpeg", data: "" } });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /Choose a picture to upload/);
  assert.match(empty.text, /Describe what the picture shows/);
  // Not a picture, or too big: refused with the words kept.
  const alt = "Six people around a table, laughing";
  const wrong = await tom.postMultipart(`${base}/picture`, { alt }, { picture: { filename: "us.jpg", type: "image/jpeg", data: "not a picture at all" } });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /JPEG, PNG, GIF or WebP/);
  assert.match(wrong.text, /value="Six people around a table, laughing"/);
  const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
  photo.copy(huge, 0, 0, 64);
  const big = await tom.postMultipart(`${base}/picture`, { alt }, { picture: { filename: "big.jpg", type: "image/jpeg", data: huge } });
  assert.equal(big.status, 400);
  assert.match(big.text, /10 MB/);
  assert.match(big.text, /value="Six people around a table, laughing"/);
  // A picture without words is refused too.
  const noWords = await tom.postMultipart(`${base}/picture`, { alt: " " }, { picture: { filename: "us.jpg", type: "image/jpeg", data: photo } });
  assert.equal(noWords.status, 400);
  assert.match(noWords.text, /Describe what the picture shows/);

  const saved = await tom.postMultipart(`${base}/picture`, { alt }, { picture: { filename: "us.jpg", type: "image/jpeg", data: photo } });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get("location"), base);
  const home = await tom.get(base);
  assert.match(home.text, /The group&#39;s picture has been saved/);
  const url = home.text.match(/<img class="rt-group-picture[^"]*" src="(\/files\/[^"]+)" alt="Six people around a table, laughing">/)[1];
  assert.match(home.text, /Tom Evans changed the group&#39;s picture/);
  const own = await tom.request("GET", url);
  assert.equal(own.status, 200);
  assert.equal(own.headers.get("content-type"), "image/jpeg");
  assert.ok(!own.text.includes("GPS") && !own.text.includes("Exif"), "no location in the picture");
  assert.equal(server.database.sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'group_picture_changed' AND detail = 'group:${ids.STEERING}'`), "1");
  // The picture is the organisation's, not Tom's: it stays if he leaves.
  assert.equal(server.database.sql(`SELECT COUNT(*) FROM uploads WHERE purpose = 'group_picture' AND owner_user_id IS NULL AND public_id = '${url.slice(7)}'`).trim(), "1");

  // A members-only group's picture: the group and the organisation's admin; 404 for everyone else.
  const sian = await signedIn(demo.orgAdmin);
  assert.equal((await sian.request("GET", url)).status, 200);
  for (const [who, v] of [["Priya, not in the group", await signedIn(demo.finance)], ["another organisation's admin", await signedIn(demo.otherOrgAdmin)], ["someone signed out", new Visitor(server.url)]]) {
    assert.equal((await v.request("GET", url)).status, 404, who);
  }

  // The words alone change when no new file is chosen; a new file replaces the old one, whose address goes.
  assert.equal((await tom.postMultipart(`${base}/picture`, { alt: "A notebook and a pen" })).status, 303);
  assert.match((await tom.get(base)).text, new RegExp(`src="${url}" alt="A notebook and a pen"`));
  assert.equal((await tom.postMultipart(`${base}/picture`, { alt: "A new picture" }, { picture: { filename: "new.jpg", type: "image/jpeg", data: photo } })).status, 303);
  const again = await tom.get(base);
  const newUrl = again.text.match(/class="rt-group-picture[^"]*" src="(\/files\/[^"]+)" alt="A new picture"/)[1];
  assert.notEqual(newUrl, url);
  assert.equal((await tom.request("GET", url)).status, 404, "the old picture is gone");
  assert.match(again.text, new RegExp(`href="${base}/picture">Change or remove the picture<`));

  // Taken down: the file goes, the page says so, and the group has no picture.
  const removed = await tom.post(`${base}/picture/remove`, {});
  assert.equal(removed.status, 303);
  assert.match((await tom.get(`${base}/picture`)).text, /The group&#39;s picture has been removed/);
  assert.equal((await tom.request("GET", newUrl)).status, 404);
  assert.doesNotMatch((await tom.get(base)).text, /rt-group-picture/);
  assert.match((await tom.get(`${base}/activity`)).text, /Tom Evans removed the group&#39;s picture/);
  // Someone who may not change the group may not change its picture.
  const priya = await signedIn(demo.finance);
  assert.equal((await priya.postMultipart(`${base}/picture`, { alt }, { picture: { filename: "us.jpg", type: "image/jpeg", data: photo } })).status, 404);
});

test(`${backendName}: a group's picture is seen by whoever may see the group, and by anyone on a public group's page`, async () => {
  const ids = groupIds(server);
  const card = server.database.sql("SELECT id FROM org_groups WHERE name = 'Carers'' emergency card'").trim();
  // The demo's public group has a picture: on its public page, and its file, for anyone.
  const anyone = new Visitor(server.url);
  const summary = await anyone.get(`/groups/demo/${card}`);
  const url = summary.text.match(/<img class="rt-group-picture[^"]*" src="(\/files\/[^"]+)" alt="A yellow card with a red heart on it">/)[1];
  const file = await anyone.request("GET", url);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get("content-type"), "image/png");
  // The board is for the organisation: its members see its picture, on its page and small in the list.
  const gareth = await signedIn(demo.member);
  const board = await gareth.get(`/o/demo/groups/${ids.BOARD}`);
  const boardUrl = board.text.match(/class="rt-group-picture[^"]*" src="(\/files\/[^"]+)" alt="A round table seen from above/)[1];
  assert.match((await gareth.get("/o/demo/groups")).text, new RegExp(`<img class="rt-group-thumb" src="${boardUrl}" alt="">`));
  assert.equal((await gareth.request("GET", boardUrl)).status, 200);
  assert.equal((await anyone.request("GET", boardUrl)).status, 404);
  assert.equal((await (await signedIn(demo.otherOrgAdmin)).request("GET", boardUrl)).status, 404);
  assert.equal((await anyone.request("GET", "/files/not-a-file")).status, 404);
});

test(`${backendName}: everyone's support needs download as a spreadsheet for the people who run the group, recorded as the page is`, async () => {
  const ids = groupIds(server);
  const mair = server.database.sql(`SELECT id FROM users WHERE email = '${demo.carer}'`).trim();
  const gareth = server.database.sql(`SELECT id FROM users WHERE email = '${demo.member}'`).trim();
  const looked = (who) =>
    Number(server.database.sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'needs_viewed' AND subject_user_id = ${who} AND detail = 'group:${ids.BOARD}'`).trim());
  const before = { mair: looked(mair), gareth: looked(gareth) };
  const tom = await signedIn(demo.facilitator);
  assert.match((await tom.get(`/o/demo/groups/${ids.BOARD}/support`)).text, new RegExp(`href="/o/demo/groups/${ids.BOARD}/support.csv"`));
  assert.equal(looked(mair), before.mair + 1);
  const csv = await tom.get(`/o/demo/groups/${ids.BOARD}/support.csv`);
  assert.equal(csv.status, 200);
  assert.equal(csv.headers.get("content-type"), "text/csv; charset=utf-8");
  assert.match(csv.headers.get("content-disposition"), /^attachment; filename="group-\d+-support.csv"$/);
  assert.match(csv.text, /^\uFEFF?Name,Role in the group,What they need,Support at meetings\r\n/);
  assert.match(csv.text, /Mair Hughes,Member,[^\r\n]+/);
  assert.match(csv.text, /Gareth Jones,Member,Not shared,/);
  assert.equal(looked(mair), before.mair + 2, "the download is recorded as the page is");
  assert.equal(looked(gareth), before.gareth, "nothing of Gareth's was shown");
  // Nobody else: a member of the group, or someone of another organisation.
  assert.equal((await (await signedIn(demo.member)).get(`/o/demo/groups/${ids.BOARD}/support.csv`)).status, 404);
  assert.equal((await (await signedIn(demo.otherOrgAdmin)).get(`/o/demo/groups/${ids.BOARD}/support.csv`)).status, 404);
  assert.equal(looked(mair), before.mair + 2);
});
