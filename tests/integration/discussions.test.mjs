// Group discussions over HTTP with a real SMTP server: the authorisation matrix of every discussions route; a newcomer
// shown the ground rules before their first post (the reply kept when they forget to agree), a reply sent twice
// making one, followers and @mentioned members told by email in their own language; a facilitator hiding a post with
// a reason its author sees; edits and deletions with their history kept for the right people; starting a topic
// (the input kept on a problem); unread markers; and search finding a group's topics for its members only.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, Visitor, visitorAs, demo, backendName } from "./harness.mjs";
import { startSmtpSink, plainText, subject } from "./smtp.mjs";
import { rows, discussionIds, fill } from "./matrices/discussions.mjs";

let sink, server;
before(async () => {
  sink = await startSmtpSink();
  server = await startServer({ args: ["--smtp-url", sink.url] });
});
after(async () => {
  await server?.stop();
  await sink?.stop();
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

const mailsTo = (address) => sink.to(address);
const keyOf = (page) => page.text.match(/name="create_key" value="([^"]+)"/)[1];

test(`${backendName}: authorisation matrix — every discussions route for every kind of visitor`, async () => {
  const ids = discussionIds(server);
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
        assert.doesNotMatch(res.text, /young carers|in the evening|Steering|Demo County/, `${path} leaks to ${name}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test(`${backendName}: a newcomer agrees to the ground rules, replies once, and followers and mentioned people are told in their language`, async () => {
  const ids = discussionIds(server);
  // Priya joins the board (as its lead would add her).
  server.database.sql(
    `INSERT INTO group_members (group_id, org_id, user_id, role, joined_at, name) SELECT ${ids.BOARD}, m.org_id, u.id, ` +
      `'member', 1, u.name FROM users u JOIN memberships m ON m.user_id = u.id AND m.org_id = (SELECT org_id FROM ` +
      `org_groups WHERE id = ${ids.BOARD}) WHERE u.email = '${demo.finance}'`,
  );
  const priya = await signedIn(demo.finance);
  const page = await priya.get(`/o/demo/topics/${ids.EVENING}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /The group&#39;s ground rules|The group's ground rules/);
  assert.match(page.text, /Listen to each other/);
  const key = keyOf(page);
  const words = "Evenings suit me too. @Tom Evans, could we try 7pm?";
  const forgot = await priya.post(`/o/demo/topics/${ids.EVENING}/replies`, { create_key: key, body: words });
  assert.equal(forgot.status, 400);
  assert.match(forgot.text, /Tick the box to say you will keep to the ground rules/);
  assert.ok(forgot.text.includes("Evenings suit me too. @Tom Evans, could we try 7pm?"), "the reply is kept");
  const before = sink.messages().length;
  const sent = await priya.post(`/o/demo/topics/${ids.EVENING}/replies`, {
    create_key: keyOf(forgot),
    body: words,
    agree_rules: "yes",
  });
  assert.equal(sent.status, 303);
  const location = sent.headers.get("location");
  assert.match(location, new RegExp(`/o/demo/topics/${ids.EVENING}#post-\\d+$`));
  const again = await priya.post(`/o/demo/topics/${ids.EVENING}/replies`, {
    create_key: keyOf(forgot),
    body: words,
    agree_rules: "yes",
  });
  assert.equal(again.headers.get("location"), location, "the same reply sent twice is one");
  const count = server.database.sql(
    `SELECT COUNT(*) FROM discussion_posts WHERE topic_id = ${ids.EVENING} AND body = '${words.replace(/'/g, "''")}'`,
  );
  assert.equal(count.trim(), "1");
  const shown = await priya.get(`/o/demo/topics/${ids.EVENING}`);
  assert.match(shown.text, /Your reply is posted/);
  assert.match(shown.text, /Evenings suit me too/);
  assert.doesNotMatch(shown.text, /name="agree_rules"/, "agreed once, never asked again");
  // Mair started the topic (she follows it; Welsh); Tom was mentioned.
  await sink.until(() => mailsTo(demo.carer).length && mailsTo(demo.facilitator).length, "the new topic's emails");
  assert.ok(sink.messages().length > before);
  const [toMair] = mailsTo(demo.carer);
  assert.equal(subject(toMair), "Ateb newydd yn “Can board meetings be in the evening?”");
  assert.match(plainText(toMair), /Evenings suit me too/);
  const [toTom] = mailsTo(demo.facilitator);
  assert.equal(subject(toTom), "Priya Shah mentioned you in “Can board meetings be in the evening?”");
  assert.ok(plainText(toTom).includes(`/o/demo/topics/${ids.EVENING}`));
  assert.equal(mailsTo(demo.finance).length, 0, "nobody is told about their own reply");
});

test(`${backendName}: a facilitator hides a post with a reason its author sees; edits and deletions keep their history`, async () => {
  const ids = discussionIds(server);
  const gareth = await signedIn(demo.member);
  const tom = await signedIn(demo.facilitator);
  const mair = await signedIn(demo.carer);
  const page = await gareth.get(`/o/demo/topics/${ids.EVENING}`);
  const sent = await gareth.post(`/o/demo/topics/${ids.EVENING}/replies`, {
    create_key: keyOf(page),
    body: "Mrs Patel's son is in trouble again.",
  });
  assert.equal(sent.status, 303);
  const number = sent.headers.get("location").match(/#post-(\d+)$/)[1];
  const post = `/o/demo/topics/${ids.EVENING}/posts/${number}`;
  // Mair reports it; Tom sees the report and hides the post.
  assert.equal((await mair.get(`${post}/report`)).status, 200);
  assert.equal((await mair.post(`${post}/report`, { reason: "It shares someone's private story." })).status, 303);
  const reports = await tom.get(`/o/demo/groups/${ids.BOARD}/discussion/reports`);
  assert.match(reports.text, /It shares someone&#39;s private story\.|It shares someone's private story\./);
  await tom.get(`${post}/hide`);
  const noReason = await tom.post(`${post}/hide`, { reason: "" });
  assert.equal(noReason.status, 400);
  assert.match(noReason.text, /Say why you are hiding the post/);
  assert.equal((await tom.post(`${post}/hide`, { reason: "We keep what people share in the room." })).status, 303);
  const asGareth = await gareth.get(`/o/demo/topics/${ids.EVENING}`);
  assert.match(asGareth.text, /The people who run the group hid your post/);
  assert.match(asGareth.text, /We keep what people share in the room/);
  const asMair = await mair.get(`/o/demo/topics/${ids.EVENING}`);
  assert.doesNotMatch(asMair.text, /Mrs Patel&#39;s son|Mrs Patel's son/, "others no longer see the words");
  assert.match(asMair.text, /wedi cuddio&#39;r neges hon/, "Mair reads in Welsh: the people who run the group hid it");
  assert.equal((await gareth.get(`${post}/edit`)).status, 404, "a hidden post is not changed");
  // Shown again, then changed by its author and deleted; the history stays for its author and the people who run it.
  assert.equal((await tom.post(`${post}/show`, {})).status, 303);
  await gareth.get(`${post}/edit`);
  const changed = await gareth.post(`${post}/edit`, { body: "Could papers come by post?" });
  assert.equal(changed.status, 303);
  const history = await gareth.get(`${post}/history`);
  assert.equal(history.status, 200);
  assert.match(history.text, /Mrs Patel/);
  assert.equal((await mair.get(`${post}/history`)).status, 404);
  await gareth.get(`${post}/delete`);
  assert.equal((await gareth.post(`${post}/delete`, {})).status, 303);
  const afterDelete = await mair.get(`/o/demo/topics/${ids.EVENING}`);
  assert.match(afterDelete.text, /yr ateb hwn wedi&#39;i ddileu/, "the person who wrote this reply deleted it");
  assert.doesNotMatch(afterDelete.text, /Could papers come by post/);
  const tomHistory = await tom.get(`${post}/history`);
  assert.match(tomHistory.text, /Could papers come by post/);
  assert.match(tomHistory.text, /Mrs Patel/);
});

test(`${backendName}: a member starts a topic (the input kept on a problem) and others see it as new`, async () => {
  const ids = discussionIds(server);
  const gareth = await signedIn(demo.member);
  const form = await gareth.get(`/o/demo/groups/${ids.BOARD}/discussion/new`);
  assert.equal(form.status, 200);
  const bad = await gareth.post(`/o/demo/groups/${ids.BOARD}/discussion`, {
    create_key: keyOf(form),
    title: "",
    body: "Could we have <b>large print</b> papers?",
  });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Write a title for the topic/);
  assert.ok(bad.text.includes("Could we have &lt;b&gt;large print&lt;/b&gt; papers?"), "the words are kept, escaped");
  const made = await gareth.post(`/o/demo/groups/${ids.BOARD}/discussion`, {
    create_key: keyOf(bad),
    title: "Large print papers",
    body: "Could we have <b>large print</b> papers?",
  });
  assert.equal(made.status, 303);
  const topic = await gareth.get(made.headers.get("location"));
  assert.match(topic.text, /<h1[^>]*>\s*(<span[^>]*>[^<]*<\/span>\s*)?Large print papers/);
  assert.doesNotMatch(topic.text, /<b>large print<\/b>/, "no raw HTML from people");
  const mair = await signedIn(demo.carer);
  const list = await mair.get(`/o/demo/groups/${ids.BOARD}/discussion`);
  assert.match(list.text, /Large print papers/);
  assert.match(list.text, /Newydd i chi|New to you/);
  // An observer reads but has no reply box.
  const ngozi = await signedIn(demo.partner);
  const asObserver = await ngozi.get(made.headers.get("location"));
  assert.equal(asObserver.status, 200);
  assert.doesNotMatch(asObserver.text, /name="body"/);
});

test(`${backendName}: a member reacts to a post with one of its form's buttons, sees it pressed and counted, and takes it back`, async () => {
  const ids = discussionIds(server);
  const gareth = await signedIn(demo.member);
  const topicPath = `/o/demo/topics/${ids.EVENING}`;
  // Tom's reply (post 3): one form, a button per reaction, each saying whether it is pressed and how many gave it.
  const buttons = async () => {
    const page = await gareth.get(topicPath);
    const forms = [...page.text.matchAll(/<form[^>]*action="[^"]*\/posts\/3\/react"[\s\S]*?<\/form>/g)];
    assert.equal(forms.length, 1, "one reactions form for the post");
    return Object.fromEntries(
      [...forms[0][0].matchAll(/<button[^>]*>[\s\S]*?<\/button>/g)].map(([b]) => {
        const value = b.match(/value="([^"]+)"/)[1];
        return [value.split(":")[0], { value, pressed: /aria-pressed="true"/.test(b), count: Number(b.match(/\((\d+)\)/)[1]) }];
      }),
    );
  };
  const before = await buttons();
  assert.deepEqual(Object.keys(before).sort(), ["agree", "me_too", "thanks"]);
  assert.equal(before.agree.pressed, false);
  assert.equal(before.agree.value, "agree:on");
  const react = (reaction) => gareth.post(`${topicPath}/posts/3/react`, { reaction });
  // Pressed twice (a double click): one reaction.
  assert.equal((await react(before.agree.value)).status, 303);
  assert.equal((await react(before.agree.value)).status, 303);
  const pressed = await buttons();
  assert.deepEqual(pressed.agree, { value: "agree:off", pressed: true, count: before.agree.count + 1 });
  assert.deepEqual(pressed.thanks, before.thanks, "the other reactions are as they were");
  assert.equal((await react(pressed.agree.value)).status, 303);
  assert.deepEqual(await buttons(), before);
  // A reaction Roundtable does not have, or no change named: nothing happens.
  for (const made_up of ["love:on", "agree", "agree:maybe", ":on"]) assert.equal((await react(made_up)).status, 404, made_up);
  assert.deepEqual(await buttons(), before);
});

test(`${backendName}: search finds a group's topics and replies for its members only`, async () => {
  const ids = discussionIds(server);
  const results = async (v, q) =>
    [...(await v.get(`/search?q=${encodeURIComponent(q)}`)).text.matchAll(/<li class="rt-search-result"[\s\S]*?<\/li>/g)].map(
      (m) => m[0],
    );
  // The steering group's topic: Tom leads it; Gareth is not in it; nobody signed out finds it.
  const tom = await signedIn(demo.facilitator);
  const found = await results(tom, "young carers strategy");
  // The topic, and Mair's reply in it (a reply is found by its topic's title too).
  assert.equal(found.length, 2);
  const topicHit = found.find((h) => h.includes(`href="/o/demo/topics/${ids.YOUNG}"`));
  assert.ok(topicHit, "the topic is found");
  assert.match(topicHit, /Discussion topic/);
  assert.ok(found.some((h) => h.includes(`/o/demo/topics/${ids.YOUNG}#post-2`) && /Reply in a discussion/.test(h)));
  const gareth = await signedIn(demo.member);
  assert.equal((await results(gareth, "young carers strategy")).length, 0);
  assert.equal((await results(new Visitor(server.url), "young carers strategy")).length, 0);
  // A reply in the board, for the board's people.
  const reply = await results(gareth, "niece");
  assert.equal(reply.length, 0, "Mair's reply about her niece is in the steering group");
  const hers = await results(await signedIn(demo.carer), "niece");
  assert.equal(hers.length, 1);
  assert.ok(hers[0].includes(`/o/demo/topics/${ids.YOUNG}#post-2`));
});
