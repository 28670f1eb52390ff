// Decisions over HTTP: the authorisation matrix of every decisions route; a member puts a named poll forward (the same
// form sent twice makes one) and the group is told; members vote, change their vote and send a vote twice (one
// ballot each); an observer reads along; a consent proposal with an objection that the proposer resolves; both close at
// their time through the due worker (`roundtable run-due --at`, the hook the digests and reminders use), without a page
// visit, and the results show as a chart with a table of the same numbers; a facilitator writes the decision record.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, visitorAs, demo, backendName } from "./harness.mjs";
import { rows, decisionIds, fill, runDue as runDueAt } from "./matrices/decisions.mjs";

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
const one = (sql) => server.database.sql(sql).trim();
const count = (sql) => one(`SELECT COUNT(*) FROM ${sql}`);

test(`${backendName}: authorisation matrix — every decisions route for every kind of visitor`, async () => {
  const ids = decisionIds(server);
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
        assert.doesNotMatch(res.text, /summer event|early evening/, `${path} leaks a title to ${name}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

/** The fields of a new poll closing at `closesAt` (typed as London time, as a person would), then `changes`. */
function proposalFields(key, closesAt, changes = {}) {
  const london = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(closesAt);
  const part = (type) => london.find((p) => p.type === type).value;
  return {
    create_key: key,
    title: "Meet on Saturday mornings",
    body: "We move the board to **Saturday mornings** so that carers in work can come.",
    easy_read: "We meet on Saturday mornings.",
    process: "simple_poll",
    "option-0": "Yes, Saturday mornings",
    "option-0-easy": "Yes",
    "option-1": "No, keep weekday evenings",
    eligibility: "members",
    "closes-day": part("day"),
    "closes-month": part("month"),
    "closes-year": part("year"),
    "closes-time": `${part("hour")}:${part("minute")}`,
    ...changes,
  };
}

const runDue = (at) => runDueAt(server, at);

test(`${backendName}: propose, vote, change a vote, consent with an objection resolved, close at the time, record`, async () => {
  const ids = decisionIds(server);
  const gareth = await signedIn(demo.member);
  const mair = await signedIn(demo.carer);
  const tom = await signedIn(demo.facilitator);
  const ngozi = await signedIn(demo.partner);
  const list = `/o/demo/groups/${ids.BOARD}/decisions`;

  // The list has open and decided proposals; Gareth puts a named poll forward.
  const page = await gareth.get(list);
  assert.match(page.text, /Where should the summer event be\?/);
  assert.match(page.text, /Hold board meetings in the early evening/);
  const form = await gareth.get(`${list}/new`);
  assert.equal(form.status, 200);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  // A closing time in the past, one option: the form comes back with what was typed.
  const bad = await gareth.post(list, proposalFields(key, new Date(Date.now() - 86400_000), { "option-1": "" }));
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Give at least 2 options/);
  assert.match(bad.text, /The closing time must be in the future/);
  assert.match(bad.text, /value="Meet on Saturday mornings"/);
  const closesAt = new Date(Date.now() + 2 * 86400_000);
  const made = await gareth.post(list, proposalFields(key, closesAt));
  assert.equal(made.status, 303);
  const again = await gareth.post(list, proposalFields(key, closesAt));
  assert.equal(again.status, 303);
  assert.equal(again.headers.get("location"), made.headers.get("location"));
  assert.equal(count("decisions WHERE title = 'Meet on Saturday mornings'"), "1");
  const poll = one("SELECT id FROM decisions WHERE title = 'Meet on Saturday mornings'");
  const pollUrl = `/o/demo/decisions/${poll}`;
  // Everyone in the board but Gareth is told (Tom, Siân, Mair, Ngozi).
  assert.equal(count(`notices WHERE kind = 'decision_opened' AND url LIKE '%/decisions/${poll}'`), "4");

  // Mair votes, changes her vote, and sends the same vote twice: one ballot.
  const options = one(`SELECT id FROM decision_options WHERE decision_id = ${poll} ORDER BY position`).split("\n");
  const shown = await mair.get(pollUrl);
  assert.match(shown.text, /Yes, Saturday mornings/);
  // Mair reads in Welsh: the results come after closing.
  assert.match(shown.text, /canlyniadau&#39;n cael eu dangos pan fydd yn cau/);
  assert.equal((await mair.post(`${pollUrl}/vote`, { option: options[0] })).status, 303);
  assert.equal((await mair.post(`${pollUrl}/vote`, { option: options[1] })).status, 303);
  await Promise.all([mair.post(`${pollUrl}/vote`, { option: options[1] }), mair.post(`${pollUrl}/vote`, { option: options[1] })]);
  assert.equal(count(`decision_ballots WHERE decision_id = ${poll}`), "1");
  assert.equal(count(`decision_voters WHERE decision_id = ${poll}`), "1");
  assert.match((await mair.get(pollUrl)).text, /Fe ddewisoch chi: No, keep weekday evenings/);
  assert.equal((await tom.post(`${pollUrl}/vote`, { option: options[1] })).status, 303);
  assert.equal((await gareth.post(`${pollUrl}/vote`, { option: options[0] })).status, 303);
  // Ngozi observes: she reads it and cannot vote.
  const observed = await ngozi.get(pollUrl);
  assert.equal(observed.status, 200);
  assert.match(observed.text, /you can read along but not take part/);
  assert.equal((await ngozi.post(`${pollUrl}/vote`, { option: options[0] })).status, 404);

  // A consent proposal: Mair objects with a reason, Gareth (who proposed it) resolves it, Tom agrees.
  const consentForm = await gareth.get(`${list}/new`);
  const consentKey = consentForm.text.match(/name="create_key" value="([^"]+)"/)[1];
  const consentCloses = new Date(Date.now() + 3 * 86400_000);
  const consentMade = await gareth.post(list, proposalFields(consentKey, consentCloses, {
    title: "A quiet room at every meeting", process: "consent", "option-0": "", "option-0-easy": "", "option-1": "",
  }));
  assert.equal(consentMade.status, 303);
  const consent = one("SELECT id FROM decisions WHERE title = 'A quiet room at every meeting'");
  const consentUrl = `/o/demo/decisions/${consent}`;
  const noReason = await mair.post(`${consentUrl}/answer`, { answer: "object" });
  assert.equal(noReason.status, 400);
  assert.match(noReason.text, /Dywedwch pam rydych chi&#39;n gwrthwynebu/);
  assert.equal((await mair.post(`${consentUrl}/answer`, { answer: "object", reason: "The room must be step free." })).status, 303);
  assert.equal((await tom.post(`${consentUrl}/answer`, { answer: "agree" })).status, 303);
  let consentPage = await tom.get(consentUrl);
  assert.match(consentPage.text, /The room must be step free\./);
  assert.match(consentPage.text, /An objection is open/);
  const objection = one(`SELECT id FROM decision_objections WHERE decision_id = ${consent}`);
  // Tom's answer cannot withdraw Mair's objection; Gareth resolves it.
  assert.equal((await tom.post(`${consentUrl}/objections/${objection}/withdraw`, {})).status, 404);
  const resolved = await gareth.post(`${consentUrl}/objections/${objection}/resolve`, { how: "We booked the ground floor room." });
  assert.equal(resolved.status, 303);
  consentPage = await tom.get(consentUrl);
  assert.match(consentPage.text, /We booked the ground floor room\./);
  assert.match(consentPage.text, /No objection is open/);

  // Both close at their time through the due worker, with nobody visiting; closing twice changes nothing.
  await runDue(Math.floor(consentCloses.getTime() / 1000) + 120);
  await runDue(Math.floor(consentCloses.getTime() / 1000) + 180);
  assert.equal(one(`SELECT outcome FROM decisions WHERE id = ${poll}`), "chosen");
  assert.equal(one(`SELECT outcome FROM decisions WHERE id = ${consent}`), "passed");
  assert.equal(count(`notices WHERE kind = 'decision_closed' AND url LIKE '%/decisions/${poll}'`), "5");
  const results = await gareth.get(pollUrl);
  assert.match(results.text, /<svg class="rt-chart" role="img"/);
  assert.match(results.text, /<title id="chart-\d+-title">Votes for each option<\/title>/);
  assert.match(results.text, /No, keep weekday evenings: 2 votes/);
  assert.match(results.text, /The group chose: No, keep weekday evenings\./);
  assert.match(results.text, /Who chose what/);
  assert.match(results.text, /3 people took part/);
  // Who chose what has its own page too, by name (Mair reads it in Welsh); an address past everyone says so and leads
  // back to the first page.
  const who = await gareth.get(`${pollUrl}/who-chose-what`);
  assert.equal(who.status, 200);
  assert.match(who.text, /Who chose what<\/h1>/);
  const whoTable = who.text.slice(who.text.indexOf("<table"), who.text.indexOf("</table>"));
  assert.match(whoTable, /Gareth[^]*Yes, Saturday mornings[^]*Mair[^]*No, keep weekday evenings[^]*Tom[^]*No, keep weekday evenings/);
  assert.doesNotMatch(who.text, /govuk-pagination/);
  assert.match((await mair.get(`${pollUrl}/who-chose-what`)).text, /Pwy ddewisodd beth/);
  const tomId = one(`SELECT id FROM users WHERE email = '${demo.facilitator}'`);
  const past = await gareth.get(`${pollUrl}/who-chose-what?after=${tomId}`);
  assert.match(past.text, /There is nobody more to show on this page\./);
  assert.match(past.text, new RegExp(`href="${pollUrl}/who-chose-what">Go to the first page`));
  const late = await mair.post(`${pollUrl}/vote`, { option: options[0] });
  assert.equal(late.status, 400);
  assert.match(late.text, /Mae&#39;r cynnig hwn wedi cau/);

  // Tom writes the record, naming the discussion it came from (a topic that is not the group's is refused); Gareth reads it,
  // and the topic's page says what happened next.
  assert.equal((await gareth.get(`${consentUrl}/record`)).status, 404);
  const topic = one("SELECT id FROM discussion_topics WHERE title = 'Can board meetings be in the evening?'");
  const recordForm = await tom.get(`${consentUrl}/record`);
  assert.match(recordForm.text, /Can board meetings be in the evening\?/);
  const rationale = "Everyone can now come: the room is step free.";
  assert.equal((await tom.post(`${consentUrl}/record`, { rationale, topic: "999999" })).status, 404);
  assert.equal((await tom.post(`${consentUrl}/record`, { rationale, topic })).status, 303);
  const recorded = await gareth.get(consentUrl);
  assert.match(recorded.text, /Everyone can now come: the room is step free\./);
  assert.match(recorded.text, new RegExp(`href="/o/demo/topics/${topic}"`));
  const topicPage = await gareth.get(`/o/demo/topics/${topic}`);
  assert.match(topicPage.text, /It led to a decision: A quiet room at every meeting/);
});

test(`${backendName}: a facilitator withdraws a proposal after a confirm page, and the group is told`, async () => {
  const ids = decisionIds(server);
  const gareth = await signedIn(demo.member);
  const tom = await signedIn(demo.facilitator);
  const list = `/o/demo/groups/${ids.BOARD}/decisions`;
  const form = await gareth.get(`${list}/new`);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  const made = await gareth.post(list, proposalFields(key, new Date(Date.now() + 86400_000), { title: "Move to Tuesdays" }));
  assert.equal(made.status, 303);
  const url = made.headers.get("location");
  const id = url.split("/").pop();
  // Gareth proposed it but does not run the group: no withdrawing.
  assert.equal((await gareth.get(`${url}/withdraw`)).status, 404);
  const confirm = await tom.get(`${url}/withdraw`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /Withdraw this proposal\?/);
  assert.equal((await tom.post(`${url}/withdraw`, {})).status, 303);
  assert.equal((await tom.post(`${url}/withdraw`, {})).status, 404);
  assert.notEqual(one(`SELECT withdrawn_at FROM decisions WHERE id = ${id}`), "");
  assert.equal(count(`notices WHERE kind = 'decision_closed' AND url LIKE '%/decisions/${id}'`), "5");
  const page = await gareth.get(url);
  assert.match(page.text, /Withdrawn on/);
});

test(`${backendName}: power-sharing rules, ranked choice, dot vote and score — ballots, problems, results and verdicts`, async () => {
  const ids = decisionIds(server);
  const gareth = await signedIn(demo.member);
  const mair = await signedIn(demo.carer);
  const tom = await signedIn(demo.facilitator);
  const sian = await signedIn(demo.orgAdmin);
  const list = `/o/demo/groups/${ids.BOARD}/decisions`;

  // Tom (the board's lead facilitator) sets the rules; a rule that is not a number comes back with what was typed.
  const rulesForm = await tom.get(`${list}/rules`);
  assert.equal(rulesForm.status, 200);
  assert.match(rulesForm.text, /At least how many lived-experience members must take part\?/);
  const badRules = await tom.post(`${list}/rules`, { at_least: "lots", half: "half", carers: "yes" });
  assert.equal(badRules.status, 400);
  assert.match(badRules.text, /Enter the number of lived-experience members as a number from 1 to 500/);
  assert.match(badRules.text, /value="lots"/);
  assert.equal((await tom.post(`${list}/rules`, { at_least: "3", half: "half", carers: "yes" })).status, 303);
  assert.equal(one(`SELECT at_least_lived_experience FROM decision_group_rules WHERE group_id = ${ids.BOARD}`), "3");
  // Gareth is a member: he reads the rules on the list but cannot change them.
  const listed = await gareth.get(list);
  assert.match(listed.text, /At least 3 lived-experience members take part\./);
  assert.doesNotMatch(listed.text, /Change the power-sharing rules/);
  assert.equal((await gareth.post(`${list}/rules`, { at_least: "1", carers: "yes" })).status, 404);

  // Gareth puts forward a ranked-choice poll, a dot vote and a score poll.
  const closesAt = new Date(Date.now() + 4 * 86400_000);
  const make = async (title, changes) => {
    const form = await gareth.get(`${list}/new`);
    const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
    const made = await gareth.post(list, proposalFields(key, closesAt, { title, "option-2": "Third way", ...changes }));
    assert.equal(made.status, 303, made.text);
    const id = one(`SELECT id FROM decisions WHERE title = '${title}'`);
    const options = one(`SELECT id FROM decision_options WHERE decision_id = ${id} ORDER BY position`).split("\n");
    return { id, url: `/o/demo/decisions/${id}`, options };
  };
  // A dot vote needs its dots per person: the form says so and keeps what was typed.
  const form = await gareth.get(`${list}/new`);
  const key = form.text.match(/name="create_key" value="([^"]+)"/)[1];
  const noDots = await gareth.post(list, proposalFields(key, closesAt, { title: "Dots", process: "dot_vote", dot_budget: "0" }));
  assert.equal(noDots.status, 400);
  assert.match(noDots.text, /Enter how many dots each person has, as a number from 1 to 100/);
  const ranked = await make("Pick a venue by ranking", { process: "ranked_choice", anonymous: "yes" });
  const dots = await make("Share dots on the venues", { process: "dot_vote", dot_budget: "5", dot_most: "3" });
  const score = await make("Score the venues", { process: "score", score_highest: "3" });
  // The rules in force were copied onto each proposal when it opened.
  assert.equal(one(`SELECT rule_at_least FROM decisions WHERE id = ${ranked.id}`), "3");

  // Ranked: a select of choices per option; the problems are said in plain words and what was chosen is kept.
  const [a, b, c] = ranked.options;
  let page = await gareth.get(ranked.url);
  assert.match(page.text, /<select class="govuk-select[^"]*" id="option-\d+" name="option-\d+"/);
  assert.match(page.text, /This decision needs at least 3 lived-experience members to take part\. So far: 0\./);
  let bad = await gareth.post(`${ranked.url}/ballot`, {});
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Give your 1st choice to one option/);
  bad = await gareth.post(`${ranked.url}/ballot`, { [`option-${a}`]: "1", [`option-${b}`]: "1" });
  assert.match(bad.text, /You gave the same choice to more than one option/);
  bad = await gareth.post(`${ranked.url}/ballot`, { [`option-${a}`]: "1", [`option-${b}`]: "3" });
  assert.match(bad.text, /A choice is missing/);
  assert.match(bad.text, /<option value="3" selected>3rd choice<\/option>/);
  // Sent twice at once, and changed: one ballot.
  const garethBallot = { [`option-${a}`]: "2", [`option-${b}`]: "1" };
  await Promise.all([gareth.post(`${ranked.url}/ballot`, garethBallot), gareth.post(`${ranked.url}/ballot`, garethBallot)]);
  assert.equal((await gareth.post(`${ranked.url}/ballot`, { [`option-${a}`]: "1", [`option-${b}`]: "2" })).status, 303);
  assert.equal(count(`decision_ballots WHERE decision_id = ${ranked.id}`), "2");
  // Anonymous: the rows do not name Gareth, but he sees his own choices.
  assert.equal(count(`decision_ballots WHERE decision_id = ${ranked.id} AND voter_id IS NOT NULL`), "0");
  page = await gareth.get(ranked.url);
  assert.match(page.text, /<option value="1" selected>1st choice<\/option>/);
  assert.equal((await mair.post(`${ranked.url}/ballot`, { [`option-${b}`]: "1", [`option-${a}`]: "2" })).status, 303);
  assert.equal((await tom.post(`${ranked.url}/ballot`, { [`option-${c}`]: "1" })).status, 303);
  assert.equal((await sian.post(`${ranked.url}/ballot`, { [`option-${c}`]: "1" })).status, 303);
  page = await tom.get(ranked.url);
  assert.match(page.text, /This decision needs at least 3 lived-experience members to take part\. So far: 2\./);
  assert.match(page.text, /So far: 2 of 4\./);

  // Dots: a number per option with the budget said; more than the budget, or than the most on one option, is refused.
  const [d1, d2, d3] = dots.options;
  page = await gareth.get(dots.url);
  assert.match(page.text, /You have 5 dots\./);
  assert.match(page.text, /You can put up to 3 dots on one option\./);
  bad = await gareth.post(`${dots.url}/ballot`, { [`option-${d1}`]: "3", [`option-${d2}`]: "3" });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /You used more dots than you have/);
  assert.match(bad.text, new RegExp(`id="option-${d2}" name="option-${d2}" type="text" spellcheck="false" value="3"`));
  bad = await gareth.post(`${dots.url}/ballot`, { [`option-${d1}`]: "4" });
  assert.match(bad.text, /You put more dots on one option than you can/);
  bad = await gareth.post(`${dots.url}/ballot`, { [`option-${d1}`]: "two" });
  assert.match(bad.text, /Enter the number of dots as a number/);
  assert.equal((await gareth.post(`${dots.url}/ballot`, { [`option-${d1}`]: "3", [`option-${d2}`]: "2" })).status, 303);
  assert.equal((await mair.post(`${dots.url}/ballot`, { [`option-${d2}`]: "3", [`option-${d3}`]: "1" })).status, 303);
  assert.equal((await tom.post(`${dots.url}/ballot`, { [`option-${d2}`]: "1", [`option-${d3}`]: "0" })).status, 303);
  // A dot left at 0 is not stored.
  assert.equal(count(`decision_ballots WHERE decision_id = ${dots.id}`), "5");

  // Score: radios from 0 to the highest per option.
  const [s1, s2] = score.options;
  page = await gareth.get(score.url);
  assert.match(page.text, new RegExp(`name="option-${s1}" type="radio" value="3"`));
  bad = await gareth.post(`${score.url}/ballot`, { [`option-${s1}`]: "4" });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Choose a score from the ones shown/);
  assert.equal((await gareth.post(`${score.url}/ballot`, { [`option-${s1}`]: "3", [`option-${s2}`]: "0" })).status, 303);
  assert.equal((await mair.post(`${score.url}/ballot`, { [`option-${s1}`]: "2", [`option-${s2}`]: "1" })).status, 303);
  assert.equal((await tom.post(`${score.url}/ballot`, { [`option-${s1}`]: "1", [`option-${s2}`]: "3" })).status, 303);

  // A later change of the rules does not change these proposals' verdicts.
  assert.equal((await tom.post(`${list}/rules`, { at_least: "1", carers: "yes" })).status, 303);

  // All close at their time through the due worker.
  await runDue(Math.floor(closesAt.getTime() / 1000) + 120);
  assert.equal(one(`SELECT outcome FROM decisions WHERE id = ${ranked.id}`), "chosen");
  assert.equal(one(`SELECT outcome FROM decisions WHERE id = ${dots.id}`), "chosen");
  assert.equal(one(`SELECT outcome FROM decisions WHERE id = ${score.id}`), "chosen");
  // Anonymous ballots were unlinked when it closed.
  assert.equal(count(`decision_ballots WHERE decision_id = ${ranked.id} AND ballot LIKE 'a%'`), "0");

  // Ranked: round 1 Yes 1, No 1, Third way 2; Yes and No tied in every round go out together; Third way wins round 2
  // with 2 ballots no longer counted.
  page = await gareth.get(ranked.url);
  assert.match(page.text, /<caption class="govuk-table__caption govuk-table__caption--s">Votes in each round<\/caption>/);
  assert.match(page.text, /Round 2/);
  assert.match(page.text, /The group chose: Third way\./);
  assert.match(page.text, /Third way had more than half of the votes still counted, and won\./);
  assert.match(page.text, /2 votes are no longer counted/);
  // The rounds were counted once when it closed and kept (ADR 0037): round 1 three options, round 2 Third way.
  assert.equal(count(`decision_ranked_results WHERE decision_id = ${ranked.id} AND ballots = 4`), "1");
  assert.equal(count(`decision_round_counts WHERE decision_id = ${ranked.id}`), "4");
  const results = (html) => html.slice(html.indexOf(">Results</h2>"), html.indexOf(">Who took part</h2>"));
  const keptRounds = results(page.text);
  assert.match(keptRounds, /Votes in each round/);
  // Closed before migration 0053 (no kept count): the first view counts the ballots, shows the same rounds and keeps
  // them; later views read the kept rounds, even with every ballot gone.
  for (const table of ["decision_round_counts", "decision_rounds", "decision_ranked_results"]) {
    server.database.sql(`DELETE FROM ${table} WHERE decision_id = ${ranked.id}`);
  }
  assert.equal(results((await gareth.get(ranked.url)).text), keptRounds);
  assert.equal(count(`decision_round_counts WHERE decision_id = ${ranked.id}`), "4");
  server.database.sql(`DELETE FROM decision_ballots WHERE decision_id = ${ranked.id}`);
  assert.equal(results((await gareth.get(ranked.url)).text), keptRounds);
  // Who took part by member type was kept when it closed too (migration 0055): the same counts and verdict from the
  // kept rows; closed with none kept, the first view counts the voters and keeps them; then no voter's row is needed.
  const tookPart = (html) => html.slice(html.indexOf(">Who took part</h2>"), html.indexOf(">Decision record</h2>"));
  const keptTypes = tookPart(page.text);
  assert.match(keptTypes, /4 people took part\./);
  assert.match(keptTypes, /Not enough lived-experience members took part: 2\./);
  const typeRows = count(`decision_type_counts WHERE decision_id = ${ranked.id}`);
  assert.notEqual(typeRows, "0");
  assert.equal(count(`decisions WHERE id = ${ranked.id} AND types_kept_at IS NOT NULL`), "1");
  server.database.sql(`DELETE FROM decision_type_counts WHERE decision_id = ${ranked.id}`);
  server.database.sql(`UPDATE decisions SET types_kept_at = NULL WHERE id = ${ranked.id}`);
  assert.equal(tookPart((await gareth.get(ranked.url)).text), keptTypes);
  assert.equal(count(`decision_type_counts WHERE decision_id = ${ranked.id}`), typeRows);
  assert.equal(count(`decisions WHERE id = ${ranked.id} AND types_kept_at IS NOT NULL`), "1");
  server.database.sql(`DELETE FROM decision_voters WHERE decision_id = ${ranked.id}`);
  assert.equal(tookPart((await gareth.get(ranked.url)).text), keptTypes);
  // 2 lived-experience members took part (Gareth; Mair, a carer too): the rule it opened with needed 3.
  assert.match(page.text, /This decision is not valid/);
  assert.match(page.text, /Not enough lived-experience members took part: 2\. The rule needs at least 3\./);
  // Mair reads it in Welsh.
  const welsh = await mair.get(ranked.url);
  assert.match(welsh.text, /Dydy&#39;r penderfyniad hwn ddim yn ddilys/);
  assert.match(welsh.text, /Ni chymerodd digon o aelodau â phrofiad bywyd ran: 2\. Mae&#39;r rheol yn gofyn am o leiaf 3\./);

  // Dots: a chart and a table of the same numbers (Yes 3, No 6, Third way 1).
  page = await gareth.get(dots.url);
  assert.match(page.text, /<svg class="rt-chart" role="img"/);
  assert.match(page.text, /<title id="chart-\d+-title">Dots on each option<\/title>/);
  assert.match(page.text, /No, keep weekday evenings: 6 dots/);
  assert.match(page.text, /The group chose: No, keep weekday evenings\./);
  assert.match(page.text, /Who chose what/);
  // The dots on each option were added up once when it closed and kept (migration 0055): closed with none kept, the
  // first view adds up the ballots and keeps them; then the same chart and table with every ballot gone.
  const dotResults = (html) => {
    const start = html.indexOf(">Results</h2>");
    return html.slice(start, html.indexOf("</table>", start)).replace(/chart-\d+/g, "chart");
  };
  const keptDots = dotResults(page.text);
  assert.match(keptDots, /No, keep weekday evenings: 6 dots/);
  const dotRows = count(`decision_option_counts WHERE decision_id = ${dots.id}`);
  assert.notEqual(dotRows, "0");
  server.database.sql(`DELETE FROM decision_option_counts WHERE decision_id = ${dots.id}`);
  server.database.sql(`UPDATE decisions SET options_kept_at = NULL WHERE id = ${dots.id}`);
  assert.equal(dotResults((await gareth.get(dots.url)).text), keptDots);
  assert.equal(count(`decision_option_counts WHERE decision_id = ${dots.id}`), dotRows);
  assert.equal(count(`decisions WHERE id = ${dots.id} AND options_kept_at IS NOT NULL`), "1");
  server.database.sql(`DELETE FROM decision_ballots WHERE decision_id = ${dots.id}`);
  assert.equal(dotResults((await gareth.get(dots.url)).text), keptDots);
  // Score: averages Yes 2.0, No 1.3 from 3 people.
  page = await gareth.get(score.url);
  assert.match(page.text, /Average score for each option/);
  assert.match(page.text, /Yes, Saturday mornings: average 2\.0 out of 3, from 3/);
  assert.match(page.text, /The group chose: Yes, Saturday mornings\./);
  // A new proposal opens under the rules as they are now.
  const later = await make("Score again", { process: "score", score_highest: "5" });
  assert.equal(one(`SELECT rule_at_least FROM decisions WHERE id = ${later.id}`), "1");
  assert.equal((await gareth.post(`${later.url}/ballot`, { [`option-${later.options[0]}`]: "5" })).status, 303);
});
