import assert from "node:assert/strict";
import { runCli } from "../harness.mjs";

// The decisions module's rows of the authorisation matrix (run by decisions.test.mjs; people.test.mjs checks that every
// route of the route table is in some matrix). Placeholders name demo groups and proposals (see decisionIds):
//   BOARD     Carers Co-production Board: Tom lead, Siân facilitator, Gareth and Mair members, Ngozi observer; not
//             Priya
//   STEERING  Carers Strategy Steering Group: members only; Tom lead, Mair and Ngozi members
//   ARCHIVED  Leaflet review 2025: archived
//   POLL      the board's open simple poll ("Where should the summer event be?")
//   CONSENT   the board's closed consent decision ("Hold board meetings in the early evening"); OBJECTION its resolved objection
//   RANKED    the board's closed ranked-choice decision ("What should the small grant pay for first?")
//   DOTS      the board's open dot vote ("Which training would help you most?")
//   CAFE      the board's open meeting-time decision ("When should we hold the carers' café?")
// Visitors, in order: anonymous, another organisation's admin, member (Gareth), facilitator (Tom), finance (Priya),
// organisation admin (Siân, two-step, a facilitator of the board), platform admin.
//                                                               anon other member facil finance orgAdmin platform
export const rows = [
  // A group's decisions are the group's own (observers read them) and its organisation's admins'; others get 404.
  ["GET", "/o/demo/groups/BOARD/decisions", /*              */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/decisions", /*           */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/999999/decisions", /*             */ [303, 404, 404, 404, 404, 404, 404]],
  // Any member of the group proposes; not in an archived group.
  ["GET", "/o/demo/groups/BOARD/decisions/new", /*          */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/decisions/new", /*       */ [303, 404, 404, 200, 404, 404, 404]],
  ["GET", "/o/demo/groups/ARCHIVED/decisions/new", /*       */ [303, 404, 404, 404, 404, 404, 404]],
  // Nothing filled in: the form comes back with the problems.
  ["POST", "/o/demo/groups/BOARD/decisions", /*             */ [401, 404, 400, 400, 404, 400, 404]],
  ["POST", "/o/demo/groups/ARCHIVED/decisions", /*          */ [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/decisions/POLL", /*                      */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/decisions/CONSENT", /*                   */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/decisions/999999", /*                    */ [303, 404, 404, 404, 404, 404, 404]],
  // No option chosen: the page comes back with the problem; a consent proposal takes no votes.
  ["POST", "/o/demo/decisions/POLL/vote", /*                */ [401, 404, 400, 400, 404, 400, 404]],
  ["POST", "/o/demo/decisions/CONSENT/vote", /*             */ [401, 404, 404, 404, 404, 404, 404]],
  // A poll takes no consent answers; a closed proposal says it has closed.
  ["POST", "/o/demo/decisions/POLL/answer", /*              */ [401, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/decisions/CONSENT/answer", /*           */ [401, 404, 400, 400, 404, 400, 404]],
  // Objections change only while the proposal is open.
  ["POST", "/o/demo/decisions/CONSENT/objections/OBJECTION/resolve", [401, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/decisions/CONSENT/objections/OBJECTION/withdraw", [401, 404, 404, 404, 404, 404, 404]],
  // The people who run the group close early or withdraw; not once it has closed.
  ["POST", "/o/demo/decisions/CONSENT/close", /*            */ [401, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/decisions/999999/close", /*             */ [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/decisions/POLL/withdraw", /*             */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/decisions/CONSENT/withdraw", /*          */ [303, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/decisions/CONSENT/withdraw", /*         */ [401, 404, 404, 404, 404, 404, 404]],
  // The record, once it has closed, by the people who run the group (nothing typed: the form comes back).
  ["GET", "/o/demo/decisions/CONSENT/record", /*            */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/decisions/POLL/record", /*               */ [303, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/decisions/CONSENT/record", /*           */ [401, 404, 404, 400, 404, 400, 404]],
  // Ranked choice, dot vote and score: the page, and a ballot (closed: it says so; nothing given: the form comes back
  // with the problem; a simple poll or consent takes no such ballot).
  ["GET", "/o/demo/decisions/RANKED", /*                    */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/decisions/DOTS", /*                      */ [303, 404, 200, 200, 404, 200, 404]],
  ["POST", "/o/demo/decisions/RANKED/ballot", /*            */ [401, 404, 400, 400, 404, 400, 404]],
  ["POST", "/o/demo/decisions/DOTS/ballot", /*              */ [401, 404, 400, 400, 404, 400, 404]],
  ["POST", "/o/demo/decisions/POLL/ballot", /*              */ [401, 404, 404, 404, 404, 404, 404]],
  // Who chose what, by name: once a named poll has closed, for those who see the proposal; not while it is open, nor
  // for consent or finding a meeting time (its own "who answered what" is on its page).
  ["GET", "/o/demo/decisions/RANKED/who-chose-what", /*     */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/decisions/POLL/who-chose-what", /*       */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/decisions/CONSENT/who-chose-what", /*    */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/decisions/CAFE/who-chose-what", /*       */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/decisions/999999/who-chose-what", /*     */ [303, 404, 404, 404, 404, 404, 404]],
  // Finding a meeting time: its page, and its answers (no time answered: the form comes back with the problem; it takes
  // no simple-poll vote).
  ["GET", "/o/demo/decisions/CAFE", /*                      */ [303, 404, 200, 200, 404, 200, 404]],
  ["POST", "/o/demo/decisions/CAFE/ballot", /*              */ [401, 404, 400, 400, 404, 400, 404]],
  ["POST", "/o/demo/decisions/CAFE/vote", /*                */ [401, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/decisions/CONSENT/ballot", /*           */ [401, 404, 404, 404, 404, 404, 404]],
  // Power-sharing rules: only the group's lead facilitators and facilitators (Siân runs the board, not the steering
  // group: being an organisation admin is not enough); nothing chosen: the form comes back.
  ["GET", "/o/demo/groups/BOARD/decisions/rules", /*        */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/decisions/rules", /*     */ [303, 404, 404, 200, 404, 404, 404]],
  ["GET", "/o/demo/groups/ARCHIVED/decisions/rules", /*     */ [303, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/groups/BOARD/decisions/rules", /*       */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/groups/STEERING/decisions/rules", /*    */ [401, 404, 404, 400, 404, 404, 404]],
];

/** A row's path as a route pattern ("/o/{org}/decisions/{decision}/vote"). */
export function patternOf(path) {
  return path
    .replace("/o/demo", "/o/{org}")
    .replace(/\/groups\/(BOARD|STEERING|ARCHIVED|999999)/, "/groups/{group}")
    .replace(/\/decisions\/(POLL|CONSENT|RANKED|DOTS|CAFE|999999)(?=\/|$)/, "/decisions/{decision}")
    .replace(/\/objections\/OBJECTION(?=\/|$)/, "/objections/{objection}");
}

/** The demo ids the placeholders stand for, read from the server's database. */
export function decisionIds(server) {
  const one = (sql) => server.database.sql(sql).trim();
  const group = (name) => one(`SELECT id FROM org_groups WHERE name = '${name}'`);
  return {
    BOARD: group("Carers Co-production Board"),
    STEERING: group("Carers Strategy Steering Group"),
    ARCHIVED: group("Leaflet review 2025"),
    POLL: one("SELECT id FROM decisions WHERE title = 'Where should the summer event be?'"),
    CONSENT: one("SELECT id FROM decisions WHERE title = 'Hold board meetings in the early evening'"),
    RANKED: one("SELECT id FROM decisions WHERE title = 'What should the small grant pay for first?'"),
    DOTS: one("SELECT id FROM decisions WHERE title = 'Which training would help you most?'"),
    CAFE: one("SELECT id FROM decisions WHERE create_key = 'demo-decision-carers-cafe-time'"),
    OBJECTION: one(
      "SELECT o.id FROM decision_objections o JOIN decisions d ON d.id = o.decision_id WHERE d.title = 'Hold board meetings in the early evening'",
    ),
  };
}

export function fill(path, ids) {
  return path.replace(/BOARD|STEERING|ARCHIVED|POLL|CONSENT|RANKED|DOTS|CAFE|OBJECTION/g, (m) => ids[m]);
}

/** Runs the due jobs as at `at` (unix seconds), as the due worker would: decisions close at their time with nobody
 * visiting (decisions.test.mjs, decision_meeting_time.test.mjs). */
export async function runDue(server, at) {
  const ran = await runCli(["run-due", "--at", String(at), "--data-dir", server.dataDir, "--database", server.database.url,
    "--base-url", server.url]);
  assert.equal(ran.code, 0, ran.stderr);
}
