// Every HTML page of the route table in one language: zero axe violations (WCAG 2.2 AA), valid HTML (Nu checker), no
// CSP violations or console errors, nothing wider than a 320 px screen. Imported as "./pages.mjs?lang=en" by
// a11y_pages_en.test.mjs and "?lang=cy" by a11y_pages_cy.test.mjs: two test files, each with its own server, mail sink
// and browser, run side by side (a page's visit mostly waits on the browser or the server, so the two languages
// together take little longer than one). The names start "a11y_" so the runner, which takes files in name order,
// starts these two, the longest, first.
import { test, describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, axeViolations, nuErrors, routeTable, signIn } from "./support.mjs";
import { startSmtpSink, plainText } from "../integration/smtp.mjs";
import { Visitor } from "../integration/harness.mjs";
import { totp, secretFrom, recoveryCodesFrom } from "../integration/totp.mjs";

const lang = new URL(import.meta.url).searchParams.get("lang");
if (!["en", "cy"].includes(lang)) throw new Error(`import pages.mjs?lang=en or ?lang=cy, not ${import.meta.url}`);

const admin = "admin@roundtable.example"; // platform admin
const orgAdmin = "tom@demo.example"; // facilitator in "demo"
const sian = "sian@demo.example"; // org admin of "demo"
const member = "gareth@demo.example";

// Pages to visit for each HTML GET route, by route name, with who is signed in (as). A new route without an entry
// here fails the test. submit: also send the page's form emptied, and check the page that shows the errors.
const visits = {
  home: [{ path: "/" }, { path: "/", as: member }],
  search: [
    { path: "/search" },
    { path: "/search?q=coffee" },
    { path: "/search?q=walking", as: member },
    { path: "/search?q=zzzznothing" },
    { path: `/search?q=${"long".repeat(60)}` },
  ],
  accessibility: [{ path: "/accessibility" }],
  story: [{ path: "/stories/demo-1" }, { path: "/stories/demo-4" }],
  accessibility_org: [{ path: "/accessibility/demo" }],
  accessibility_edit: [
    { path: "/o/demo/accessibility", as: sian, submit: true },
    { path: "/o/demo/accessibility", as: sian, resubmit: true },
  ],
  sign_in_form: [{ path: "/sign-in" }, { path: "/sign-in", submit: true }],
  email_sign_in_form: [{ path: "/sign-in/email", submit: true }],
  // Asked for in the browser first (the code page needs the browser's cookie); no account, so no email.
  email_sign_in_code_form: [{ path: "SIGN_IN_CODE", submit: true }],
  // A real emailed link, opened in the browser that asked, and in another one (409); and a made-up one.
  email_sign_in_link: [
    { path: "SIGN_IN_LINK" },
    { path: "SIGN_IN_LINK_ELSEWHERE", status: 409 },
    { path: "/sign-in/link/not-a-real-link", status: 410 },
  ],
  account: [{ path: "/account", as: orgAdmin }, { path: "/account", as: admin }],
  account_data: [{ path: "/account/data", as: member }],
  // Two-step sign-in: off (Gareth), on (Mair, signed in with a recovery code), setting up, and the second step.
  two_step_settings: [
    { path: "/account/two-step", as: member },
    { path: "/account/two-step?required=1", as: member },
    { path: "TWO_STEP_ON" },
  ],
  two_step_setup_form: [{ path: "TWO_STEP_SETUP", as: member, submit: true }],
  two_step_challenge_form: [{ path: "TWO_STEP_CHALLENGE", submit: true }],
  // Gareth sees the form (sent empty: the tick is missing); Siân, the only admin of "demo", is asked to hand over.
  account_delete_form: [{ path: "/account/delete", as: member, submit: true }, { path: "/account/delete", as: sian }],
  account_deleted: [{ path: "/account-deleted" }],
  admin_organisations: [{ path: "/admin/organisations", as: admin }],
  admin_organisation_new: [{ path: "/admin/organisations/new", as: admin, submit: true }],
  org_home: [{ path: "/o/demo", as: sian }, { path: "/o/demo", as: member }],
  // "north" is open to anyone: the form for someone new (sent empty), and the one button for someone signed in.
  organisations_open: [{ path: "/organisations" }, { path: "/organisations", as: member }],
  org_join_form: [{ path: "/o/north/join", submit: true }, { path: "/o/north/join", as: member }],
  // resubmit: the form sent as it is, and the page it leads to, with its success message.
  org_settings: [{ path: "/o/demo/settings", as: sian, submit: true }, { path: "/o/demo/settings", as: sian, resubmit: true }],
  org_audit: [{ path: "/o/demo/audit", as: sian }],
  org_logo: [{ path: "/o/demo/logo", as: sian, submit: true }],
  profile_about: [{ path: "/account/about", as: member, submit: true }],
  // Sent without a file: refused. (Pages with a photo are checked in about_me_journeys.test.mjs.)
  profile_photo: [{ path: "/account/photo", as: member, submit: true }],
  profile_bring: [{ path: "/account/strengths", as: member }],
  profile_needs: [{ path: "/account/needs", as: member }],
  profile_contact: [{ path: "/account/contact", as: member, submit: true }],
  // Demo ids on a fresh database: 5 Gareth (needs not shared), 6 Mair (needs shared).
  forgot_password_form: [{ path: "/forgot-password", submit: true }],
  // A real link: asked for in the browser, read from the email the server sent (see resetLink).
  reset_password_form: [{ path: "RESET_LINK", submit: true }, { path: "/reset-password/not-a-real-link", status: 410 }],
  invitations: [{ path: "/o/demo/invitations", as: sian }],
  invitation_new: [{ path: "/o/demo/invitations/new", as: sian, submit: true }],
  // A real invitation for someone new (see invitationLink); and one that cannot be used.
  invitation: [{ path: "INVITE_LINK", submit: true }, { path: "/invitations/not-a-real-link", status: 410 }],
  consent: [{ path: "/account/consent", as: member, submit: true }],
  org_directory: [
    { path: "/o/demo/people", as: member },
    { path: "/o/demo/people?q=gardening&type=unpaid_carer", as: orgAdmin },
    { path: "/o/demo/people?q=zzzznothing", as: member },
    // A list's page past its end (an address kept from before people left): it says so and links to the first page.
    { path: "/o/demo/people?after=999999", as: member },
  ],
  member_remove_form: [{ path: "/o/demo/people/5/remove", as: sian }],
  // About Me: Gareth's demo page (items 1 and 2 words, 3 a photo; seen by facilitators), Priya's empty one, Mair's
  // Welsh page (seen by everyone in "demo").
  about_me: [
    { path: "/account/about-me", as: member },
    { path: "/account/about-me", as: "priya@demo.example" },
  ],
  // Gareth names nobody (sent as it is: saved, with its success message); Ngozi named Tom (ticked).
  about_me_visibility: [
    { path: "/account/about-me/visibility", as: member, resubmit: true },
    { path: "/account/about-me/visibility", as: "ngozi@demo.example" },
  ],
  about_me_intro: [{ path: "/account/about-me/intro", as: member }, { path: "/account/about-me/intro", as: member, resubmit: true }],
  about_me_add: [
    { path: "/account/about-me/add/text", as: member, submit: true },
    { path: "/account/about-me/add/photo", as: member, submit: true },
    { path: "/account/about-me/add/audio", as: member },
    { path: "/account/about-me/add/video", as: member },
  ],
  about_me_item: [{ path: "/account/about-me/items/1", as: member }, { path: "/account/about-me/items/3", as: member }],
  about_me_item_delete_form: [{ path: "/account/about-me/items/3/delete", as: member }],
  about_me_shared: [
    { path: "/o/demo/people/5/about-me", as: orgAdmin },
    { path: "/o/demo/people/6/about-me", as: member },
  ],
  org_member: [
    { path: "/o/demo/people/5", as: sian },
    { path: "/o/demo/people/6", as: orgAdmin },
    { path: "/o/demo/people/5", as: orgAdmin },
    { path: "/o/demo/people/6", as: member },
  ],
  // Groups (demo ids on a fresh database: 1 the co-production board, 2 the members-only steering group, 3 a project in
  // Discover with Mair's request waiting, 4 in Define, 5 in Develop (Gareth a facilitator), 6 in Deliver, 7 the
  // coffee mornings, 8 archived). Tom leads them all; Gareth is in 1, 3, 5 and 7; Siân reads them in Welsh.
  groups: [{ path: "/o/demo/groups", as: member }, { path: "/o/demo/groups", as: orgAdmin }],
  group_new: [{ path: "/o/demo/groups/new", as: orgAdmin, submit: true }],
  group: [
    { path: "/o/demo/groups/1", as: member },
    { path: "/o/demo/groups/2", as: sian },
    { path: "/o/demo/groups/3", as: orgAdmin },
    { path: "/o/demo/groups/4", as: member },
    { path: "/o/demo/groups/8", as: orgAdmin },
  ],
  group_edit: [{ path: "/o/demo/groups/1/edit", as: orgAdmin, submit: true }],
  // The board has a picture (the form emptied keeps it and lacks its words); the steering group has none.
  group_picture: [
    { path: "/o/demo/groups/1/picture", as: orgAdmin, submit: true },
    { path: "/o/demo/groups/2/picture", as: orgAdmin },
  ],
  group_stage: [
    { path: "/o/demo/groups/5/stage", as: orgAdmin, submit: true },
    { path: "/o/demo/groups/6/stage", as: member },
  ],
  group_join: [{ path: "/o/demo/groups/4/join", as: member }],
  group_requests: [{ path: "/o/demo/groups/3/requests", as: orgAdmin }],
  group_leave: [{ path: "/o/demo/groups/1/leave", as: member }],
  group_members: [{ path: "/o/demo/groups/1/members", as: member }, { path: "/o/demo/groups/1/members", as: orgAdmin }],
  group_member: [{ path: "/o/demo/groups/1/members/5", as: orgAdmin }],
  group_activity: [{ path: "/o/demo/groups/1/activity", as: member }],
  group_invite: [{ path: "/o/demo/groups/2/invite", as: orgAdmin }, { path: "/o/demo/groups/2/invite?name=ga", as: orgAdmin }],
  group_public: [{ path: "/groups/demo/6" }, { path: "/groups/demo/7", as: member }],
  group_support: [{ path: "/o/demo/groups/1/support", as: orgAdmin }, { path: "/o/demo/groups/1/support", as: sian }],
  // Opportunities (demo ids on a fresh database: 1 the newly-diagnosed project's, open and public, in group 3; 2 an
  // open one Gareth applied for; 3 a draft; 4 closed by its date; 5 filled, Ngozi selected). Tom runs their groups.
  opportunities: [{ path: "/o/demo/opportunities", as: member }, { path: "/o/demo/opportunities", as: orgAdmin }],
  group_opportunities: [
    { path: "/o/demo/groups/3/opportunities", as: orgAdmin },
    { path: "/o/demo/groups/6/opportunities", as: member },
    { path: "/o/demo/groups/7/opportunities", as: member },
  ],
  opportunity_new: [{ path: "/o/demo/groups/3/opportunities/new", as: orgAdmin, submit: true }],
  opportunity: [
    { path: "/o/demo/opportunities/1", as: orgAdmin },
    { path: "/o/demo/opportunities/2", as: member },
    { path: "/o/demo/opportunities/3", as: orgAdmin },
    { path: "/o/demo/opportunities/4", as: member },
    { path: "/o/demo/opportunities/5", as: "ngozi@demo.example" },
    // Ngozi's interest in the first one has a recording (demo data): she sees it in a player.
    { path: "/o/demo/opportunities/1", as: "ngozi@demo.example" },
  ],
  opportunity_edit: [{ path: "/o/demo/opportunities/1/edit", as: orgAdmin, submit: true }],
  opportunity_interest: [
    { path: "/o/demo/opportunities/1/interest", as: "priya@demo.example", submit: true },
    // Changing an interest with a recording: it plays, and can be replaced or removed.
    { path: "/o/demo/opportunities/1/interest", as: "ngozi@demo.example" },
    { path: "/o/demo/opportunities/2/interest", as: member },
  ],
  opportunity_applicants: [
    { path: "/o/demo/opportunities/1/applicants", as: orgAdmin },
    { path: "/o/demo/opportunities/5/applicants", as: orgAdmin },
  ],
  opportunity_outcome: [{ path: "/o/demo/opportunities/4/outcome", as: orgAdmin }],
  opportunity_public: [{ path: "/opportunities/demo/1" }, { path: "/opportunities/demo/5" }],
  // Discussions (demo ids on a fresh database: topics 1 to 3 in the board, group 1 — 1 "Can board meetings be in the
  // evening?" with a picture and an easy-read summary, raised for the next meeting, replies 2 (Gareth's) and 3 (Tom's); 3 "Papers",
  // whose reply 3 (Gareth's) Mair reported; topic 4 in the steering group). Siân has not written in the board yet: she
  // is shown its ground rules, in Welsh.
  discussion: [
    { path: "/o/demo/groups/1/discussion", as: member },
    { path: "/o/demo/groups/1/discussion", as: sian },
    { path: "/o/demo/groups/1/discussion?show=raised", as: orgAdmin },
    { path: "/o/demo/groups/1/discussion?show=following", as: member },
  ],
  topic_new: [
    { path: "/o/demo/groups/1/discussion/new", as: member, submit: true },
    { path: "/o/demo/groups/1/discussion/new", as: sian },
  ],
  discussion_reports: [{ path: "/o/demo/groups/1/discussion/reports", as: orgAdmin }],
  topic: [
    { path: "/o/demo/topics/1", as: member },
    { path: "/o/demo/topics/1", as: sian },
    { path: "/o/demo/topics/3", as: orgAdmin },
    { path: "/o/demo/topics/4", as: "ngozi@demo.example" },
    { path: "/o/demo/topics/1?after=51", as: member },
  ],
  topic_easy_read: [{ path: "/o/demo/topics/1/easy-read", as: orgAdmin }],
  // Gareth changes his reply, and his topic (2, about booking respite: the form sent empty loses its title).
  post_edit: [
    { path: "/o/demo/topics/1/posts/2/edit", as: member },
    { path: "/o/demo/topics/2/posts/1/edit", as: member, submit: true },
  ],
  post_delete_form: [{ path: "/o/demo/topics/1/posts/2/delete", as: member }],
  post_history: [{ path: "/o/demo/topics/1/posts/2/history", as: member }],
  post_report: [{ path: "/o/demo/topics/1/posts/2/report", as: orgAdmin, submit: true }],
  post_hide: [{ path: "/o/demo/topics/1/posts/2/hide", as: orgAdmin, submit: true }],
  // Meetings (demo ids on a fresh database: 1 the board's next meeting, with replies; 2 the board's past one; 3 the
  // board's called-off away day; 4 the steering group's next one; 5 a coffee morning). Tom runs the board, Gareth is
  // in it, Siân helps run it and reads in Welsh.
  group_meetings: [
    { path: "/o/demo/groups/1/meetings", as: member },
    { path: "/o/demo/groups/1/meetings", as: sian },
    { path: "/o/demo/groups/4/meetings", as: member },
  ],
  meeting_new: [{ path: "/o/demo/groups/1/meetings/new", as: orgAdmin, submit: true }],
  meeting: [
    { path: "/o/demo/meetings/1", as: orgAdmin },
    { path: "/o/demo/meetings/1", as: member },
    { path: "/o/demo/meetings/2", as: member },
    { path: "/o/demo/meetings/3", as: sian },
    { path: "/o/demo/meetings/4", as: "ngozi@demo.example" },
  ],
  meeting_edit: [{ path: "/o/demo/meetings/1/edit", as: orgAdmin, submit: true }],
  meeting_cancel_form: [{ path: "/o/demo/meetings/1/cancel", as: orgAdmin, submit: true }],
  // Gareth changes his reply (what he needs is ticked); Tom has not replied to the steering group's meeting.
  meeting_reply: [
    { path: "/o/demo/meetings/1/reply", as: member },
    { path: "/o/demo/meetings/1/reply", as: sian },
    { path: "/o/demo/meetings/4/reply", as: orgAdmin, submit: true },
  ],
  meeting_checklist: [
    { path: "/o/demo/meetings/1/checklist", as: orgAdmin },
    { path: "/o/demo/meetings/1/checklist", as: sian },
  ],
  // A person's calendar feed: getting an address shows it once, in a read-only box with how to add it.
  calendar_feed: [
    { path: "/account/calendar", as: member, resubmit: true },
    { path: "/account/calendar", as: sian },
  ],
  // The board's next meeting has an agenda from the discussion space, an idea waiting and the papers sent; its past
  // one has published minutes, who came, decisions and actions. Tom runs it (forms and buttons); Gareth reads.
  meeting_agenda: [
    { path: "/o/demo/meetings/1/agenda", as: orgAdmin },
    { path: "/o/demo/meetings/1/agenda", as: member, submit: true },
    { path: "/o/demo/meetings/1/agenda", as: sian },
  ],
  agenda_item_edit: [{ path: "/o/demo/meetings/1/agenda/items/3/edit", as: orgAdmin, submit: true }],
  meeting_minutes: [
    { path: "/o/demo/meetings/2/minutes", as: member },
    { path: "/o/demo/meetings/2/minutes", as: orgAdmin },
    { path: "/o/demo/meetings/2/minutes", as: sian },
    { path: "/o/demo/meetings/1/minutes", as: member },
  ],
  // "Find a time" (demo ids on a fresh database: poll 1 the steering group's open one, with evenings and a weekend
  // among its times and some answers; poll 2 its closed one, which led to meeting 4). Tom runs the steering group;
  // Ngozi is in it and answers.
  poll_new: [{ path: "/o/demo/groups/2/polls/new", as: orgAdmin, submit: true }],
  poll: [
    { path: "/o/demo/polls/1", as: orgAdmin },
    { path: "/o/demo/polls/1", as: "ngozi@demo.example" },
    { path: "/o/demo/polls/2", as: orgAdmin },
  ],
  poll_edit: [{ path: "/o/demo/polls/1/edit", as: orgAdmin, submit: true }],
  poll_delete_form: [{ path: "/o/demo/polls/1/delete", as: orgAdmin }],
  // Decisions (demo ids on a fresh database: group 1 the co-production board; decision 1 its closed consent decision
  // with a resolved objection and a record, decision 2 its open named poll, in which Gareth and Mair voted). Siân reads
  // in Welsh; Ngozi observes; Tom runs the board.
  decisions: [
    { path: "/o/demo/groups/1/decisions", as: member },
    { path: "/o/demo/groups/1/decisions", as: sian },
  ],
  decision_new: [{ path: "/o/demo/groups/1/decisions/new", as: member, submit: true }],
  decision: [
    { path: "/o/demo/decisions/1", as: orgAdmin },
    { path: "/o/demo/decisions/1", as: sian },
    { path: "/o/demo/decisions/2", as: member },
    { path: "/o/demo/decisions/2", as: orgAdmin },
    { path: "/o/demo/decisions/2", as: "ngozi@demo.example" },
    // Decision 3: the board's closed ranked-choice decision (every round, its verdict under the board's rules);
    // decision 4: its open dot vote (Gareth has not voted: the form).
    { path: "/o/demo/decisions/3", as: member },
    { path: "/o/demo/decisions/3", as: sian },
    { path: "/o/demo/decisions/4", as: member },
    { path: "/o/demo/decisions/4", as: sian },
    // Decision 5: its open meeting-time decision (Gareth has not answered: a row of radios per time; Siân has).
    { path: "/o/demo/decisions/5", as: member },
    { path: "/o/demo/decisions/5", as: sian },
  ],
  // The rules form sent as it is (an empty one is a valid "no rules", and would change the board's rules).
  decision_rules: [
    { path: "/o/demo/groups/1/decisions/rules", as: orgAdmin },
    { path: "/o/demo/groups/1/decisions/rules", as: orgAdmin, resubmit: true },
  ],
  // Who chose what in the board's closed ranked-choice decision, by name (Siân reads in Welsh).
  decision_who_chose: [
    { path: "/o/demo/decisions/3/who-chose-what", as: member },
    { path: "/o/demo/decisions/3/who-chose-what", as: sian },
  ],
  decision_record: [{ path: "/o/demo/decisions/1/record", as: orgAdmin }],
  decision_withdraw_form: [{ path: "/o/demo/decisions/2/withdraw", as: orgAdmin }],
  // Boards (demo ids on a fresh database: board 1 the co-production board's "Respite booking ideas", with cards 1 to
  // 8, card 1 with a label, a person and dots). Gareth works on it; Siân reads in Welsh; Tom runs it; Ngozi observes.
  // Board 2 is group 4's "The problems we heard", for its stage now (Define): the boards by stage, and the form's
  // choice of stage.
  boards: [
    { path: "/o/demo/groups/1/boards", as: member },
    { path: "/o/demo/groups/1/boards", as: orgAdmin, submit: true },
    { path: "/o/demo/groups/4/boards", as: orgAdmin, submit: true },
    { path: "/o/demo/groups/4/boards", as: sian },
  ],
  board: [
    { path: "/o/demo/boards/2", as: orgAdmin },
    { path: "/o/demo/boards/1", as: member },
    { path: "/o/demo/boards/1", as: sian },
    { path: "/o/demo/boards/1?sort=dots&mine=yes", as: member },
    { path: "/o/demo/boards/1", as: "ngozi@demo.example" },
  ],
  // A list's own page (list 1 is "Ideas"): Gareth moves and gives dots there, Siân reads it in Welsh, Ngozi observes.
  board_list: [
    { path: "/o/demo/boards/1/lists/1", as: member },
    { path: "/o/demo/boards/1/lists/1", as: sian },
    { path: "/o/demo/boards/1/lists/1", as: "ngozi@demo.example" },
  ],
  board_results: [{ path: "/o/demo/boards/1/results", as: member }],
  board_print: [{ path: "/o/demo/boards/1/print", as: member }],
  board_settings: [
    { path: "/o/demo/boards/1/settings", as: orgAdmin, submit: true },
    { path: "/o/demo/boards/2/settings", as: orgAdmin, submit: true },
  ],
  // And from a topic's "Put it on the board" (topic 2 is in the board's group): it says where the card comes from.
  card_new: [
    { path: "/o/demo/boards/1/cards/new?list=1", as: member, submit: true },
    { path: "/o/demo/boards/1/cards/new?from=topic-2", as: member, submit: true },
  ],
  card: [
    { path: "/o/demo/cards/1", as: member },
    { path: "/o/demo/cards/1", as: "ngozi@demo.example" },
  ],
  card_edit: [{ path: "/o/demo/cards/1/edit", as: member, submit: true }],
  // Card 1's comments: 1 Mair's, 2 Tom's. Tom changes or deletes his own, and removes Mair's (the form sent without a
  // reason comes back asking for one).
  card_comment_edit: [{ path: "/o/demo/cards/1/comments/2/edit", as: orgAdmin }],
  card_comment_delete_form: [{ path: "/o/demo/cards/1/comments/2/delete", as: orgAdmin }],
  // Tom's comment, changed in the demo: its earlier words (Siân, who runs the group, reads them in Welsh).
  card_comment_history: [
    { path: "/o/demo/cards/1/comments/2/history", as: orgAdmin },
    { path: "/o/demo/cards/1/comments/2/history", as: sian },
  ],
  card_comment_remove_form: [{ path: "/o/demo/cards/1/comments/1/remove", as: orgAdmin, submit: true }],
  // Consensus finder (demo ids on a fresh database: conversation 1 the co-production board's "What matters most about
  // respite care?", with statements 1 to 12 that Tom, Siân, Gareth and Mair answered). Gareth takes part; Siân reads in
  // Welsh; Tom runs it (the new-conversation form sent empty); Ngozi observes.
  conversations: [
    { path: "/o/demo/groups/1/conversations", as: member },
    { path: "/o/demo/groups/1/conversations", as: orgAdmin, submit: true },
  ],
  conversation: [
    { path: "/o/demo/conversations/1", as: member },
    { path: "/o/demo/conversations/1", as: sian },
    { path: "/o/demo/conversations/1", as: "ngozi@demo.example" },
  ],
  conversation_results: [
    { path: "/o/demo/conversations/1/results", as: member },
    { path: "/o/demo/conversations/1/results", as: sian },
  ],
  statement: [
    { path: "/o/demo/statements/1", as: member },
    { path: "/o/demo/statements/1", as: orgAdmin },
  ],
  // Closing the loop (demo ids on a fresh database: topic 1 the board's evening meetings, with a status that changed;
  // decision 2 a proposal of the board; group 6 "Carers' emergency card", public, with no statuses). Tom runs
  // the board; Siân reads in Welsh; Gareth wrote the respite topic, which has a status.
  loop_timeline: [
    { path: "/o/demo/loop/topic/1", as: member },
    { path: "/o/demo/loop/topic/1", as: sian },
    { path: "/o/demo/loop/proposal/2", as: orgAdmin },
  ],
  loop_status: [
    { path: "/o/demo/loop/topic/1/status", as: orgAdmin, submit: true },
    { path: "/o/demo/loop/topic/1/status", as: sian },
  ],
  loop_group: [
    { path: "/o/demo/groups/1/you-said-we-did", as: member },
    { path: "/o/demo/groups/1/you-said-we-did", as: sian },
    { path: "/o/demo/groups/6/you-said-we-did", as: member },
  ],
  loop_group_public: [{ path: "/groups/demo/6/you-said-we-did" }],
  loop_mine: [
    { path: "/account/what-happened", as: member },
    { path: "/account/what-happened", as: sian },
  ],
  // Their easy-read versions (the board's has a status that changed and two under way, with pictures).
  loop_group_easy_read: [
    { path: "/o/demo/groups/1/you-said-we-did/easy-read", as: member },
    { path: "/o/demo/groups/1/you-said-we-did/easy-read", as: sian },
  ],
  loop_group_public_easy_read: [{ path: "/groups/demo/6/you-said-we-did/easy-read" }],
  loop_mine_easy_read: [
    { path: "/account/what-happened/easy-read", as: member },
    { path: "/account/what-happened/easy-read", as: sian },
  ],
  // Measures (group 1 the co-production board, with statuses and closed decisions; group 6 a public project). Tom is a
  // facilitator of the organisation; Siân reads in Welsh.
  measures_group: [
    { path: "/o/demo/groups/1/measures", as: member },
    { path: "/o/demo/groups/1/measures", as: sian },
    { path: "/o/demo/groups/6/measures", as: member },
  ],
  measures_org: [
    { path: "/o/demo/measures", as: orgAdmin },
    { path: "/o/demo/measures", as: sian },
  ],
  // Series of open sessions (demo ids on a fresh database: group 7 "Monday coffee mornings", run by Tom; series 1 its
  // monthly coffee morning, open to the organisation, with new staff who have and have not come). Siân reads in
  // Welsh; Priya is not in the group.
  group_series: [{ path: "/o/demo/groups/7/series", as: orgAdmin }],
  series_new: [{ path: "/o/demo/groups/7/series/new", as: orgAdmin, submit: true }],
  series: [
    { path: "/o/demo/series/1", as: orgAdmin },
    { path: "/o/demo/series/1", as: sian },
    { path: "/o/demo/series/1", as: "priya@demo.example" },
  ],
  series_edit: [{ path: "/o/demo/series/1/edit", as: orgAdmin, submit: true }],
  series_report: [
    { path: "/o/demo/series/1/report", as: orgAdmin },
    // The filter (a GET form) and a later page (keyset: after the person with id 1), with previous and next links.
    { path: "/o/demo/series/1/report?show=not_yet", as: orgAdmin },
    { path: "/o/demo/series/1/report?after=1", as: orgAdmin },
  ],
  open_sessions: [
    { path: "/o/demo/open-sessions", as: member },
    { path: "/o/demo/open-sessions", as: sian },
  ],
  // Notifications: Gareth's notices (from the demo's discussion and meetings) and his choices, for the organisation and
  // from the board's page; Ngozi hears about hers once a week. The stop page a real email's link opens.
  notifications: [
    { path: "/o/demo/notifications", as: member },
    { path: "/o/demo/notifications", as: "ngozi@demo.example" },
  ],
  notification_settings: [
    { path: "/o/demo/notifications/settings", as: member },
    { path: "/o/demo/notifications/settings", as: "ngozi@demo.example" },
    // Priya stopped the coffee mornings' emails, a group she is not in: listed apart, to change back.
    { path: "/o/demo/notifications/settings", as: "priya@demo.example" },
  ],
  group_notification_settings: [{ path: "/o/demo/groups/1/notifications", as: member }],
  notification_stop: [{ path: "STOP_LINK" }, { path: "/stop/1.1.1.forged", status: 404 }],
};
const errorPages = [{ path: "/this-page-does-not-exist" }, { path: "/o/north", as: member }];

let server, browser, sink;
before(async () => {
  sink = await startSmtpSink();
  server = await startServer(["--smtp-url", sink.url]);
  browser = await launchBrowser();
  mairCodes = await turnOnTwoStep(mair);
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await sink?.stop();
});

/**
 * Waits for an email to this address that arrived after the first `seen` ones (the sink numbers them in order) and
 * returns its text. Picked by address rather than "the last one", so an email for another page cannot be taken.
 */
async function emailTo(address, seen) {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const mail = sink
      .messages()
      .slice(seen)
      .find((m) => {
        const to = m.match(/^To: (.*)$/m)?.[1].trim();
        return to === address || to?.endsWith(`<${address}>`);
      });
    if (mail) return plainText(mail);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no email to ${address}`);
}

/** Asks for a password reset for a demo member and returns the path of the link in the email. */
async function resetLink(page) {
  const before = sink.messages().length;
  await page.goto(`${server.url}/forgot-password`);
  await page.fill("#email", "ngozi@demo.example");
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  const text = await emailTo("ngozi@demo.example", before);
  return new URL(text.match(/http:\/\/\S+\/reset-password\/\S+/)[0]).pathname;
}

/** Asks for a sign-in email in this page's browser; returns the path of the emailed link (when the account exists). */
async function askForSignInEmail(page, email) {
  const before = sink.messages().length;
  await page.goto(`${server.url}/sign-in/email`);
  await page.fill("#email", email);
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  if (email.endsWith("@example.org")) return "/sign-in/code";
  return new URL((await emailTo(email, before)).match(/http:\/\/\S+\/sign-in\/link\/\S+/)[0]).pathname;
}

/** A sign-in link asked for by another browser (over HTTP). */
async function signInLinkElsewhere() {
  const before = sink.messages().length;
  const v = new Visitor(server.url);
  await v.get("/sign-in/email");
  await v.post("/sign-in/email", { email: mair });
  return new URL((await emailTo(mair, before)).match(/http:\/\/\S+\/sign-in\/link\/\S+/)[0]).pathname;
}

/** The one-click stop address of a real email: Tom names Gareth in the board's first topic (over HTTP). */
async function stopLink() {
  const before = sink.messages().length;
  const v = new Visitor(server.url);
  await v.signIn(orgAdmin);
  const topic = await v.get("/o/demo/topics/1");
  const key = topic.text.match(/name="create_key" value="([^"]+)"/)?.[1];
  if (!key) throw new Error(`no reply form on topic 1 for Tom: ${topic.status} ${topic.text.slice(0, 300)}`);
  await v.post("/o/demo/topics/1/replies", { create_key: key, body: "@Gareth Jones, does 7pm suit?", agree_rules: "yes" });
  // Other email to Gareth may arrive meanwhile (the outbox sends in its own time): the one with the header.
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    for (const m of sink.messages().slice(before)) {
      const link = m.includes(`<${member}>`) && m.match(/^List-Unsubscribe: <([^>]+)>/m);
      if (link) return new URL(link[1]).pathname;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no email with a one-click stop reached Gareth");
}

const mair = "mair@demo.example"; // has two-step sign-in on (see turnOnTwoStep)
let mairCodes = [];

/** Turns two-step sign-in on for someone (over HTTP); returns their recovery codes. */
async function turnOnTwoStep(email) {
  const v = new Visitor(server.url);
  await v.signIn(email);
  await v.post("/account/two-step/start", {});
  const secret = secretFrom((await v.get("/account/two-step/setup")).text);
  const codes = recoveryCodesFrom((await v.post("/account/two-step/setup", { code: totp(secret) })).text);
  if (codes.length !== 10) throw new Error("two-step sign-in did not turn on");
  return codes;
}

/** Signs in with Mair's password in this page's browser, so it waits for the second step. */
async function passwordStepInPage(page) {
  await page.goto(`${server.url}/sign-in`);
  await page.fill("#email", mair);
  await page.fill("#password", "roundtable-demo");
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  if (!page.url().endsWith("/sign-in/two-step")) throw new Error(`no second step: ${page.url()}`);
  return "/sign-in/two-step";
}

/** Mair signs in with a recovery code; lands on her two-step page (on). */
async function twoStepOn(page, lang) {
  await passwordStepInPage(page);
  await page.fill("#code", mairCodes.shift());
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  // Mair prefers Welsh; pages follow that until the switcher says otherwise.
  if ((await page.getAttribute("html", "lang")) !== lang) {
    await Promise.all([page.waitForNavigation(), page.click(".rt-language-switcher__button")]);
  }
  return "/account/two-step?recovery_used=1";
}

/** Starts setting up two-step sign-in in this (signed-in) page. */
async function twoStepSetup(page) {
  await page.goto(`${server.url}/account/two-step`);
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  return "/account/two-step/setup";
}

let invited = 0;
/** Invites someone new to "demo" (as its admin, over HTTP) and returns the path of the link in the email. */
async function invitationLink() {
  const email = `new${++invited}@example.org`;
  const v = new Visitor(server.url);
  await v.signIn(sian);
  await v.post("/o/demo/invitations", { email, role: "member", lang: "en", message: "Croeso! Welcome." });
  return new URL((await emailTo(email, 0)).match(/http:\/\/\S+\/invitations\/\S+/)[0]).pathname;
}

// Checked once, in the English file (the Welsh file visits the same paths).
if (lang === "en") {
  test("every HTML GET route has pages to visit", () => {
    const htmlGets = routeTable().filter((r) => r.method === "GET" && r.html);
    assert.ok(htmlGets.length >= 3);
    for (const r of htmlGets) assert.ok(visits[r.name], `route ${r.name} (${r.pattern}) has no entry in visits`);
  });
}

const paths = [...Object.values(visits).flat(), ...errorPages];
const collected = [];

// Pages are visited a few at a time, each in its own browser context of the one browser: a visit spends much of
// its time waiting on the browser or the server, so on two cores a few at once finish sooner than one by one.
// PAGES_AT_ONCE=1 visits them one by one, as when looking into a failure.
const atOnce = Number(process.env.PAGES_AT_ONCE ?? 3);

// The pages reached through an emailed link or a sign-in step (paths in capitals) change what other pages show
// (invitations, two-step set-up, sign-ins in the audit log) and use up one-time codes, so they are visited one at
// a time after the others, in the order they are listed; the other pages only look.
const stepByStep = (visit) => /^[A-Z_]+$/.test(visit.path);

// One language per server: each person's visits share one session, and the server keeps the language in it.
describe(`${lang}: pages, ${atOnce} at a time`, { concurrency: atOnce }, () => {
  for (const visit of paths.filter((v) => !stepByStep(v))) checkPage(visit, lang);
});
describe(`${lang}: pages reached by email or a sign-in step, one at a time`, { concurrency: 1 }, () => {
  for (const visit of paths.filter(stepByStep)) checkPage(visit, lang);
});

/**
 * The few browser pages that the visits in a language take turns with (atOnce of them, made as needed): one context
 * and one page each, kept from visit to visit, with the visitor's cookies put in for each. A new context for every
 * visit cost a new renderer process, the page's styles, script and fonts fetched and compiled again and axe-core sent
 * and compiled again: more than half of Chromium's time. Pages that sign in within the page or follow an emailed link
 * (stepByStep) still get a context of their own.
 */
const tabs = new Map();
function tabsFor(lang) {
  if (!tabs.has(lang)) tabs.set(lang, { free: [], count: 0, waiting: [] });
  return tabs.get(lang);
}
async function newTab(lang) {
  const context = await browser.newContext({ locale: lang === "cy" ? "cy-GB" : "en-GB", viewport: { width: 320, height: 800 } });
  return { context, page: await context.newPage() };
}
async function takeTab(lang) {
  const pool = tabsFor(lang);
  if (pool.free.length) return pool.free.pop();
  if (pool.count < atOnce) {
    pool.count++;
    try {
      return await newTab(lang);
    } catch (e) {
      pool.count--;
      throw e;
    }
  }
  return new Promise((resolve) => pool.waiting.push(resolve));
}
/** Gives a page back after a visit; one whose visit failed is closed (it may be anywhere) and made again when needed. */
async function giveBack(lang, tab, failed) {
  const pool = tabsFor(lang);
  if (failed) {
    await tab.context.close().catch(() => {});
    pool.count--;
    const next = pool.waiting.shift();
    if (next) {
      pool.count++;
      next(await newTab(lang));
    }
    return;
  }
  const next = pool.waiting.shift();
  if (next) next(tab);
  else pool.free.push(tab);
}
after(async () => {
  for (const pool of tabs.values()) for (const tab of pool.free) await tab.context.close().catch(() => {});
});

/** A test that visits one page in lang and checks it; its name names the page. */
function checkPage(visit, lang) {
  const { path, as, submit } = visit;
  const name = `${lang} ${path}${as ? ` as ${as}` : ""}${submit ? " (form sent empty)" : ""}${visit.resubmit ? " (form sent as it is)" : ""}`;
  it(`${name}: axe, CSP, 320 px`, { timeout: 60_000 }, async () => {
    if (stepByStep(visit)) {
      const context = await browser.newContext({
        locale: lang === "cy" ? "cy-GB" : "en-GB",
        viewport: { width: 320, height: 800 },
      });
      // Closed however the test ends, so a failed page does not leave its context open beside the others.
      try {
        await checkPageIn(await context.newPage(), visit, lang, name, false);
      } finally {
        await context.close();
      }
      return;
    }
    const tab = await takeTab(lang);
    let failed = true;
    try {
      // Whoever visited before is forgotten; signIn puts this visitor's session in (or signs them in).
      await tab.context.clearCookies();
      await checkPageIn(tab.page, visit, lang, name, true);
      failed = false;
    } finally {
      await giveBack(lang, tab, failed);
    }
  });
}

/** Visits one page in `page` and checks it; kept: the page is used for other visits after this one. */
async function checkPageIn(page, visit, lang, name, kept) {
  const { path, as, submit } = visit;
  if (as) await signIn(page, server.url, as, lang);
  const problems = [];
  const listeners = {
    console: (msg) => {
      // A 4xx page reports its own status on the console; sub-resources are checked below instead.
      if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) problems.push(`console: ${msg.text()}`);
    },
    response: (res) => {
      if (res.request().resourceType() !== "document" && res.status() >= 400) problems.push(`${res.status()} for ${res.url()}`);
    },
    // A request cut short because the page moved on (ERR_ABORTED) is not a problem; anything else is.
    requestfailed: (req) => {
      if (req.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`failed: ${req.url()} ${req.failure()?.errorText}`);
    },
    pageerror: (err) => problems.push(`page error: ${err.message}`),
  };
  for (const [event, listener] of Object.entries(listeners)) page.on(event, listener);
  try {
    await checkVisit(page, visit, lang, name, kept, problems);
  } finally {
    for (const [event, listener] of Object.entries(listeners)) page.off(event, listener);
  }
}

async function checkVisit(page, visit, lang, name, kept, problems) {
  const { path, submit } = visit;
  const links = {
    RESET_LINK: () => resetLink(page),
    INVITE_LINK: () => invitationLink(),
    SIGN_IN_CODE: () => askForSignInEmail(page, "nobody@example.org"),
    SIGN_IN_LINK: () => askForSignInEmail(page, "priya@demo.example"),
    SIGN_IN_LINK_ELSEWHERE: () => signInLinkElsewhere(),
    TWO_STEP_ON: () => twoStepOn(page, lang),
    TWO_STEP_SETUP: () => twoStepSetup(page),
    TWO_STEP_CHALLENGE: () => passwordStepInPage(page),
    STOP_LINK: () => stopLink(),
  };
  const target = links[path] ? await links[path]() : path;
  let response = await page.goto(server.url + target);
  assert.ok(response, "no response");
  if (errorPages.includes(visit)) assert.equal(response.status(), 404);
  else if (visit.status) assert.equal(response.status(), visit.status);
  else assert.equal(response.status() < 400 || path.startsWith("/search?q=long"), true, `status ${response.status()}`);
  if (submit) {
    // Empty the visible fields and untick every box in one step inside the page. (A field revealed by a ticked box,
    // a conditional, is hidden while the box is not ticked, and keeps its value.) Field by field through Playwright,
    // each field cost round trips to the browser and each box waited to stand still over two frames: a fifth of this
    // file's time went on these 58 forms. Typing and ticking by keyboard are tested in the journeys; here only what
    // is sent matters.
    await page.evaluate(() => {
      for (const input of document.querySelectorAll("main input[type=text], main input[type=email], main input[type=password]")) {
        if (input.checkVisibility()) input.value = "";
      }
      for (const box of document.querySelectorAll("main input[type=checkbox]")) box.checked = false;
    });
    [response] = await Promise.all([page.waitForNavigation(), page.locator("main form button[type=submit]").first().click()]);
    assert.equal(response.status(), 400, "an empty form was not refused");
    assert.equal(await page.locator(".govuk-error-summary").count(), 1);
    assert.match(await page.title(), /^(Error|Gwall):/);
  }
  if (visit.resubmit) {
    [response] = await Promise.all([page.waitForNavigation(), page.locator("main form button[type=submit]").first().click()]);
    assert.equal(response.status(), 200, "the form sent as it was did not lead to a page");
    assert.equal(await page.locator(".govuk-notification-banner--success").count(), 1, "no success message");
  }
  // What the page says about itself, read in one step (each step is a round trip to the browser).
  const seen = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    width: document.documentElement.scrollWidth,
    // The stylesheet and script must have loaded under the CSP.
    supported: document.body.classList.contains("govuk-frontend-supported"),
    font: getComputedStyle(document.querySelector("h1")).fontFamily,
  }));
  assert.equal(seen.lang, lang);
  const violations = await axeViolations(page, { keep: kept });
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  assert.ok(seen.width <= 320, `page is ${seen.width}px wide at a 320px viewport`);
  assert.equal(seen.supported, true);
  assert.match(seen.font, /Atkinson Hyperlegible Next/);
  assert.deepEqual(problems, []);
  collected.push({ name, html: await response.text() });
}

test(`${lang}: Nu HTML checker finds no errors on any page`, () => {
  assert.equal(collected.length, paths.length, "every page was collected");
  const errors = nuErrors(collected);
  assert.deepEqual(errors, []);
});
