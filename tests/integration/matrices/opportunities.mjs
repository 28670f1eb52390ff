// The opportunities module's rows of the authorisation matrix (run by opportunities.test.mjs; people.test.mjs checks
// that every route of the route table is in some matrix). Placeholders name demo opportunities, groups and people
// (see opportunityIds):
//   OPEN     Join the newly-diagnosed project: open, public; in "Newly diagnosed" (Tom lead, Gareth member)
//   RESPITE  Test the new respite booking on your phone: open, members only; Gareth applied
//   DRAFT    Help write the booking guide: a draft
//   CLOSED   Try three designs of the emergency card: its closing date has passed (still "open" in the table)
//   FILLED   Share your story of coming home from hospital: public; the outcome was told
//   GROUP    Newly diagnosed: the first six months (organisation-wide)
//   STEERING Carers Strategy Steering Group: members only; Tom lead; not Gareth, Siân or Priya
//   ARCHIVED Leaflet review 2025: archived
//   RECORDING the public id of Ngozi's recording, given with her interest in OPEN
// Visitors, in order: anonymous, another organisation's admin, member (Gareth), facilitator (Tom), finance (Priya),
// organisation admin (Siân, two-step), platform admin.
//                                                                anon other member facil finance orgAdmin platform
export const rows = [
  ["GET", "/o/demo/opportunities", /*                       */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/groups/GROUP/opportunities", /*          */ [303, 404, 200, 200, 200, 200, 404]],
  // A members-only group's opportunities are as hidden as the group.
  ["GET", "/o/demo/groups/STEERING/opportunities", /*       */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/999999/opportunities", /*         */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/groups/GROUP/opportunities/new", /*      */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/groups/ARCHIVED/opportunities/new", /*   */ [303, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/groups/GROUP/opportunities", /*         */ [401, 404, 404, 400, 404, 400, 404]],
  ["GET", "/o/demo/opportunities/OPEN", /*                  */ [303, 404, 200, 200, 200, 200, 404]],
  ["GET", "/o/demo/opportunities/CLOSED", /*                */ [303, 404, 200, 200, 200, 200, 404]],
  // A draft is seen only by the people who run the group (and the organisation's admins).
  ["GET", "/o/demo/opportunities/DRAFT", /*                 */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/opportunities/999999", /*                */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/opportunities/not-a-number", /*          */ [303, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/opportunities/OPEN/edit", /*             */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/opportunities/FILLED/edit", /*           */ [303, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/opportunities/OPEN/edit", /*            */ [401, 404, 404, 400, 404, 400, 404]],
  // Publishing an open one, and closing one whose closing date has passed, are not things anyone can do.
  ["POST", "/o/demo/opportunities/OPEN/open", /*            */ [401, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/opportunities/CLOSED/close", /*         */ [401, 404, 404, 404, 404, 404, 404]],
  // Gareth and Tom are in the group already; everyone else in the organisation may apply while it is open.
  ["GET", "/o/demo/opportunities/OPEN/interest", /*         */ [303, 404, 404, 404, 200, 200, 404]],
  ["GET", "/o/demo/opportunities/RESPITE/interest", /*      */ [303, 404, 200, 404, 200, 200, 404]],
  ["GET", "/o/demo/opportunities/CLOSED/interest", /*       */ [303, 404, 404, 404, 404, 404, 404]],
  // Without their words: the form comes back with the problem.
  ["POST", "/o/demo/opportunities/RESPITE/interest", /*     */ [401, 404, 400, 404, 400, 400, 404]],
  ["POST", "/o/demo/opportunities/CLOSED/interest/withdraw", [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/opportunities/OPEN/applicants", /*       */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/opportunities/DRAFT/applicants", /*      */ [303, 404, 404, 404, 404, 404, 404]],
  // The same list as a spreadsheet, for the same people.
  ["GET", "/o/demo/opportunities/OPEN/applicants.csv", /*   */ [401, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/opportunities/DRAFT/applicants.csv", /*  */ [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/opportunities/999999/applicants.csv", /* */ [401, 404, 404, 404, 404, 404, 404]],
  // Ngozi's recording with her interest in OPEN: only she (not a visitor here) and the people who see the applicants
  // (Tom, who runs the group, and Siân); not Gareth, who is in the group, nor anyone else.
  ["GET", "/files/RECORDING", /*                            */ [404, 404, 404, 200, 404, 200, 404]],
  // Nobody named: nothing to mark.
  ["POST", "/o/demo/opportunities/OPEN/applicants", /*      */ [401, 404, 404, 404, 404, 404, 404]],
  ["POST", "/o/demo/opportunities/FILLED/applicants", /*    */ [401, 404, 404, 404, 404, 404, 404]],
  ["GET", "/o/demo/opportunities/CLOSED/outcome", /*        */ [303, 404, 404, 200, 404, 200, 404]],
  ["GET", "/o/demo/opportunities/FILLED/outcome", /*        */ [303, 404, 404, 404, 404, 404, 404]],
  // Told already: nobody is told twice.
  ["POST", "/o/demo/opportunities/FILLED/outcome", /*       */ [401, 404, 404, 404, 404, 404, 404]],
  // The public page: anyone, but only for one advertised to everyone, and under its own organisation.
  ["GET", "/opportunities/demo/OPEN", /*                    */ [200, 200, 200, 200, 200, 200, 200]],
  ["GET", "/opportunities/demo/FILLED", /*                  */ [200, 200, 200, 200, 200, 200, 200]],
  ["GET", "/opportunities/demo/RESPITE", /*                 */ [404, 404, 404, 404, 404, 404, 404]],
  ["GET", "/opportunities/demo/DRAFT", /*                   */ [404, 404, 404, 404, 404, 404, 404]],
  ["GET", "/opportunities/north/OPEN", /*                   */ [404, 404, 404, 404, 404, 404, 404]],
];

/** A row's path as a route pattern ("/o/{org}/opportunities/{opportunity}/interest"). */
export function patternOf(path) {
  return path
    .replace(/^\/files\/[^/]+$/, "/files/{public_id}")
    .replace(/^\/opportunities\/(demo|north)\//, "/opportunities/{org}/")
    .replace("/o/demo", "/o/{org}")
    .replace(/\/groups\/(GROUP|STEERING|ARCHIVED|999999)/, "/groups/{group}")
    .replace(/\/(OPEN|RESPITE|DRAFT|CLOSED|FILLED|999999|not-a-number)(?=\/|$)/, "/{opportunity}");
}

/** The demo ids the placeholders stand for, read from the server's database. */
export function opportunityIds(server) {
  const one = (sql) => server.database.sql(sql).trim();
  const opportunity = (title) => one(`SELECT id FROM opportunities WHERE title = '${title}'`);
  const group = (name) => one(`SELECT id FROM org_groups WHERE name = '${name}'`);
  return {
    OPEN: opportunity("Join the newly-diagnosed project: share your first six months"),
    RESPITE: opportunity("Test the new respite booking on your phone"),
    DRAFT: opportunity("Help write the booking guide"),
    CLOSED: opportunity("Try three designs of the emergency card"),
    FILLED: opportunity("Share your story of coming home from hospital"),
    GROUP: group("Newly diagnosed: the first six months"),
    STEERING: group("Carers Strategy Steering Group"),
    ARCHIVED: group("Leaflet review 2025"),
    RECORDING: one(
      "SELECT u.public_id FROM uploads u JOIN opportunity_interest i ON i.recording_upload_id = u.id JOIN users p ON " +
        "p.id = i.user_id JOIN opportunities o ON o.id = i.opportunity_id WHERE p.email = 'ngozi@demo.example' AND " +
        "o.title = 'Join the newly-diagnosed project: share your first six months'",
    ),
  };
}

export function fill(path, ids) {
  return path.replace(/RECORDING|OPEN|RESPITE|DRAFT|CLOSED|FILLED|GROUP|STEERING|ARCHIVED/g, (m) => ids[m]);
}
