// The meetings module's rows of the authorisation matrix (run by meetings.test.mjs; people.test.mjs checks that every
// route of the route table is in some matrix). Placeholders name demo meetings and groups (see meetingIds):
//   BOARD     Carers Co-production Board: the organisation sees it; Tom lead, Siân facilitator, Gareth and Mair
//             members, Ngozi observer; not Priya
//   STEERING  Carers Strategy Steering Group: members only; Tom lead, Mair and Ngozi members
//   ARCHIVED  Leaflet review 2025: archived
//   NEXT      the board's next meeting (an evening, replies asking for a BSL interpreter and large print)
//   PAST      the board's meeting that has happened
//   CANCELLED the board's called-off away day
//   SECRET    the steering group's next meeting
//   PROPOSAL  Mair's idea waiting to go on NEXT's agenda ("A quiet room at every meeting")
//   PASTITEM  an item on PAST's agenda; ACTION an action of PAST
//   POLL      the steering group's open "find a time" poll; CLOSEDPOLL its closed one (which led to SECRET)
//   COFFEE    Monday coffee mornings (a series group everyone sees; Tom lead, Gareth and Mair members)
//   SERIES    its monthly coffee morning, open to the organisation, with the rule "staff who joined in the last 3
//             months"; SESSION its next session (Bethan, a new starter not in the group, is going)
// Visitors, in order: anonymous, another organisation's admin, member (Gareth), facilitator (Tom), finance (Priya),
// organisation admin (Siân, two-step), platform admin.
//                                                               anon other member facil finance orgAdmin platform
export const rows = [
  // Whoever may see the group sees its meetings; a members-only group's are as hidden as the group.
  ["GET", "/o/demo/groups/BOARD/meetings", /*               */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/meetings", /*            */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/999999/meetings", /*              */ [303, 404, 404, 404, 404, 404, 404]],
  // The people who run the group arrange meetings (Siân runs the board with Tom).
  ["GET", "/o/demo/groups/BOARD/meetings/new", /*           */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/ARCHIVED/meetings/new", /*        */ [303, 404, 404, 404, 404, 404, 404]],
  // Nothing filled in: the form comes back with the problems.
  ["POST", "/o/demo/groups/BOARD/meetings", /*              */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/groups/ARCHIVED/meetings", /*           */ [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/meetings/NEXT", /*                       */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/meetings/CANCELLED", /*                  */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/meetings/SECRET", /*                     */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/meetings/999999", /*                     */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/meetings/not-a-number", /*               */ [303, 404, 404, 404, 404, 404, 404]],
  // The calendar file, for whoever sees the meeting.
  ["GET", "/o/demo/meetings/NEXT/calendar.ics", /*          */ [401, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/meetings/SECRET/calendar.ics", /*        */ [401, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/meetings/NEXT/edit", /*                  */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/meetings/PAST/edit", /*                  */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/meetings/CANCELLED/edit", /*             */ [303, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/meetings/NEXT/edit", /*                 */ [401, 404, 404, 400, 404, 400, 404]],
  ["GET", "/o/demo/meetings/NEXT/cancel", /*                */ [303, 404, 404, 200, 404, 200, 404]],
  // Once it has started (or was called off), it cannot be called off.
  ["GET", "/o/demo/meetings/PAST/cancel", /*                */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/meetings/CANCELLED/cancel", /*           */ [303, 404, 404, 404, 404, 404, 404]],
  // No reason given: the form comes back with the problem.
  ["POST", "/o/demo/meetings/NEXT/cancel", /*               */ [401, 404, 404, 400, 404, 400, 404]],
  // The group's people reply (Priya is not in the board); not once it has started or was called off.
  ["GET", "/o/demo/meetings/NEXT/reply", /*                 */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/meetings/PAST/reply", /*                 */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/meetings/CANCELLED/reply", /*            */ [303, 404, 404, 404, 404, 404, 404]],
  // No answer given: the form comes back with the problem.
  ["POST", "/o/demo/meetings/NEXT/reply", /*                */ [401, 404, 400, 400, 404, 400, 404]],
  ["POST", "/o/demo/meetings/PAST/reply", /*                */ [401, 404, 404, 404, 404, 404, 404]],
  // What people need: only the people who run the group.
  ["GET", "/o/demo/meetings/NEXT/checklist", /*             */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/meetings/PAST/checklist", /*             */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/meetings/SECRET/checklist", /*           */ [303, 404, 404, 200, 404, 200, 404]],
  // A tick on the checklist: only for the people who run the group (the buttons' values are checked too, so an empty
  // form names nobody's need: 404 for them as well; meetings.test.mjs ticks a real one).
  ["POST", "/o/demo/meetings/NEXT/checklist/arranged", /*    */ [401, 404, 404, 404, 404, 404, 404]],
  // The agenda and minutes are the group's own (Priya is not in the board): 404 for everyone else.
  ["GET", "/o/demo/meetings/NEXT/agenda", /*                */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/meetings/CANCELLED/agenda", /*           */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/meetings/SECRET/agenda", /*              */ [303, 404, 404, 200, 404, 200, 404]],
  // Nothing typed: the form comes back with the problem; not once the meeting has started.
  ["POST", "/o/demo/meetings/NEXT/agenda/items", /*         */ [401, 404, 400, 400, 404, 400, 404]],
  ["POST", "/o/demo/meetings/PAST/agenda/items", /*         */ [401, 404, 404, 404, 404, 404, 404]],
  // No topic named.
  ["POST", "/o/demo/meetings/NEXT/agenda/topics", /*        */ [401, 404, 404, 404, 404, 404, 404]],
  // The people who run the group run the agenda (the second acceptance finds it done).
  ["POST", "/o/demo/meetings/NEXT/agenda/items/PROPOSAL/accept", [401, 404, 404, 303, 404, 303, 404]],
  // No direction given.
  ["POST", "/o/demo/meetings/NEXT/agenda/items/PROPOSAL/move", [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/meetings/NEXT/agenda/items/PROPOSAL/edit", [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/meetings/NEXT/agenda/items/999999/edit", [303, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/meetings/NEXT/agenda/items/PROPOSAL/edit", [401, 404, 404, 400, 404, 400, 404]],
  // An item that is not there is already gone.
  ["POST", "/o/demo/meetings/NEXT/agenda/items/999999/remove", [401, 404, 404, 303, 404, 303, 404]],
  // Papers: nothing sent, the form comes back with the problems; a paper that is not there is already gone.
  ["POST", "/o/demo/meetings/NEXT/papers", /*               */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/meetings/NEXT/papers/999999/remove", /* */ [401, 404, 404, 303, 404, 303, 404]],
  ["POST", "/o/demo/meetings/NEXT/papers/send", /*          */ [401, 404, 404, 303, 404, 303, 404]],
  ["POST", "/o/demo/meetings/CANCELLED/papers/send", /*     */ [401, 404, 404, 404, 404, 404, 404]],
  // What came of it: members read published minutes (and are told when there are none yet).
  ["GET", "/o/demo/meetings/PAST/minutes", /*               */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/meetings/NEXT/minutes", /*               */ [303, 404, 200, 200, 404, 200, 404]],
  ["GET", "/o/demo/meetings/SECRET/minutes", /*             */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/meetings/PAST/agenda/items/PASTITEM/decision", [401, 404, 404, 303, 404, 303, 404]],
  ["POST", "/o/demo/meetings/PAST/minutes", /*              */ [401, 404, 404, 303, 404, 303, 404]],
  // Published already: nobody is told twice.
  ["POST", "/o/demo/meetings/PAST/minutes/publish", /*      */ [401, 404, 404, 303, 404, 303, 404]],
  ["POST", "/o/demo/meetings/CANCELLED/minutes/publish", /* */ [401, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/meetings/PAST/attendance", /*           */ [401, 404, 404, 303, 404, 303, 404]],
  // Nothing typed: the form comes back with the problems.
  ["POST", "/o/demo/meetings/PAST/actions", /*              */ [401, 404, 404, 400, 404, 400, 404]],
  // No status given.
  ["POST", "/o/demo/meetings/PAST/actions/ACTION/status", /* */ [401, 404, 404, 404, 404, 404, 404]],
  // "Find a time" polls are the group's own (Gareth and Priya are not in the steering group); the people who run the
  // group open them (Siân, an organisation admin with two-step sign-in, may too).
  ["GET", "/o/demo/groups/STEERING/polls/new", /*           */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/BOARD/polls/new", /*              */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/ARCHIVED/polls/new", /*           */ [303, 404, 404, 404, 404, 404, 404]],
  // Nothing filled in: the form comes back with the problems.
  ["POST", "/o/demo/groups/STEERING/polls", /*              */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/groups/ARCHIVED/polls", /*              */ [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/polls/POLL", /*                          */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/polls/CLOSEDPOLL", /*                    */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/polls/999999", /*                        */ [303, 404, 404, 404, 404, 404, 404]],
  // The group's people answer (no answer given: the form comes back); Siân is not in the steering group.
  ["POST", "/o/demo/polls/POLL/answers", /*                 */ [401, 404, 404, 400, 404, 404, 404]],
  ["POST", "/o/demo/polls/CLOSEDPOLL/answers", /*           */ [401, 404, 404, 400, 404, 404, 404]],
  ["GET", "/o/demo/polls/POLL/edit", /*                     */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/polls/POLL/edit", /*                    */ [401, 404, 404, 400, 404, 400, 404]],
  // Closed already: nothing changes.
  ["POST", "/o/demo/polls/CLOSEDPOLL/close", /*             */ [401, 404, 404, 303, 404, 303, 404]],
  ["POST", "/o/demo/polls/999999/reopen", /*                */ [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/polls/POLL/delete", /*                   */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/polls/999999/delete", /*                */ [401, 404, 404, 404, 404, 404, 404]],
  // Series of open sessions: the group's list for whoever sees the group; making and changing one for the people who
  // run it; the series and its sessions for everyone in the organisation (Priya is not in the group); the report for
  // the people who run the group and the organisation's admins.
  ["GET", "/o/demo/groups/COFFEE/series", /*                */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/groups/STEERING/series", /*              */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/COFFEE/series/new", /*            */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/ARCHIVED/series/new", /*          */ [303, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/groups/COFFEE/series", /*               */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/groups/ARCHIVED/series", /*             */ [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/series/SERIES", /*                       */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/series/999999", /*                       */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/series/SERIES/edit", /*                  */ [303, 404, 404, 200, 404, 200, 404]],
  ["POST", "/o/demo/series/SERIES/edit", /*                 */ [401, 404, 404, 400, 404, 400, 404]],
  ["POST", "/o/demo/series/SERIES/dates", /*                */ [401, 404, 404, 303, 404, 303, 404]],
  ["GET", "/o/demo/series/SERIES/report", /*                */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/series/SERIES/report.csv", /*            */ [401, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/open-sessions", /*                       */ [303, 404, 200, 200, 200, 200, 404]],
  // An open session: everyone in the organisation sees it and replies, in the group or not.
  ["GET", "/o/demo/meetings/SESSION", /*                    */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/meetings/SESSION/reply", /*              */ [303, 404, 200, 200, 200, 200, 404]],
  ["POST", "/o/demo/meetings/SESSION/reply", /*             */ [401, 404, 400, 400, 400, 400, 404]],
  // A person's calendar feed: everyone signed in has one to set up; getting an address shows it once (200).
  ["GET", "/account/calendar", /*                           */ [303, 200, 200, 200, 200, 200, 200]],
  ["POST", "/account/calendar", /*                          */ [401, 200, 200, 200, 200, 200, 200]],
  ["POST", "/account/calendar/stop", /*                     */ [401, 303, 303, 303, 303, 303, 303]],
  // The feed itself needs no sign-in (its secret is the key): an address that is no feed's is 404 for everyone.
  ["GET", "/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", [404, 404, 404, 404, 404, 404, 404]],
];

/** A row's path as a route pattern ("/o/{org}/meetings/{meeting}/reply"). */
export function patternOf(path) {
  return path
    .replace("/o/demo", "/o/{org}")
    .replace(/\/groups\/(BOARD|STEERING|ARCHIVED|COFFEE|999999)/, "/groups/{group}")
    .replace(/\/meetings\/(NEXT|PAST|CANCELLED|SECRET|SESSION|999999|not-a-number)(?=\/|$)/, "/meetings/{meeting}")
    .replace(/\/series\/(SERIES|999999)(?=\/|$)/, "/series/{series}")
    .replace(/\/agenda\/items\/(PROPOSAL|PASTITEM|999999)(?=\/|$)/, "/agenda/items/{item}")
    .replace(/\/actions\/ACTION(?=\/|$)/, "/actions/{action}")
    .replace(/\/papers\/999999(?=\/|$)/, "/papers/{paper}")
    .replace(/\/polls\/(POLL|CLOSEDPOLL|999999)(?=\/|$)/, "/polls/{poll}")
    .replace(/^\/calendar\/[^/]+$/, "/calendar/{token}");
}

/** The demo ids the placeholders stand for, read from the server's database. */
export function meetingIds(server) {
  const one = (sql) => server.database.sql(sql).trim();
  const meeting = (title) => one(`SELECT id FROM meetings WHERE title = '${title}'`);
  const group = (name) => one(`SELECT id FROM org_groups WHERE name = '${name}'`);
  return {
    NEXT: meeting("Board meeting: next year''s plan"),
    PAST: meeting("Board meeting: checking the year so far"),
    CANCELLED: meeting("Board away day"),
    SECRET: meeting("Steering group: the first draft of the strategy"),
    BOARD: group("Carers Co-production Board"),
    STEERING: group("Carers Strategy Steering Group"),
    ARCHIVED: group("Leaflet review 2025"),
    PROPOSAL: one("SELECT id FROM meeting_agenda_items WHERE title = 'A quiet room at every meeting'"),
    PASTITEM: one("SELECT id FROM meeting_agenda_items WHERE title = 'What carers told us this year'"),
    ACTION: one("SELECT id FROM meeting_actions WHERE what = 'Write to the GP surgeries about the cards'"),
    POLL: one("SELECT id FROM meeting_time_polls WHERE closed_at IS NULL AND title = 'Steering group: talking to carers about the draft'"),
    CLOSEDPOLL: one("SELECT id FROM meeting_time_polls WHERE closed_at IS NOT NULL AND title = 'Steering group: the first draft of the strategy'"),
    COFFEE: group("Monday coffee mornings"),
    SERIES: one("SELECT id FROM meeting_series WHERE title = 'Monthly coffee morning'"),
    SESSION: one(
      "SELECT r.meeting_id FROM meeting_rsvps r JOIN users u ON u.id = r.user_id WHERE u.email = 'bethan@demo.example'",
    ),
  };
}

export function fill(path, ids) {
  return path.replace(/NEXT|PASTITEM|PAST|CANCELLED|SECRET|BOARD|STEERING|ARCHIVED|PROPOSAL|ACTION|CLOSEDPOLL|POLL|COFFEE|SERIES|SESSION/g, (m) => ids[m]);
}

/**
 * The fields of a new series of open sessions in the steering group, monthly on the first Wednesday from three days
 * from now, open to the organisation with a rule for staff: the form's own create key, then `changes` (name → value)
 * in place of the defaults.
 */
export function seriesFields(createKey, changes = {}) {
  const first = new Date(Date.now() + 3 * 86400 * 1000);
  const fields = {
    create_key: createKey,
    title: "Welcome tea",
    purpose: "Meet the strategy group.",
    frequency: "monthly",
    weekday: "3",
    week_of_month: "1",
    start: "10:00",
    length: "60",
    "first-day": String(first.getUTCDate()),
    "first-month": String(first.getUTCMonth() + 1),
    "first-year": String(first.getUTCFullYear()),
    venue: "Community Hub",
    open: "yes",
    rule_type: "staff",
    rule_months: "3",
    ...changes,
  };
  return Object.entries(fields).filter(([, value]) => value !== undefined);
}
