// The N+1 guard: the number of SQL statements a page runs must not grow with the data on it. Each page is asked for
// with the demo data, then again after the organisation gains many more members (with member types, profiles and
// interests) and the member more About Me items; the statement count per request must stay the same. Counted by
// SQLite itself (roundtable_db_statements_total on /metrics, every statement whoever runs it); the SQL a page runs
// is the same on PostgreSQL, so this file runs on the SQLite pass only.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";

// Who asks for which page (every signed-in page whose content grows with the data).
const pages = [
  { as: "facilitator", path: "/o/demo" },
  { as: "facilitator", path: "/o/demo/people" },
  { as: "facilitator", path: "/o/demo/people?type=unpaid_carer" },
  { as: "facilitator", path: "/o/demo/people?q=walking" },
  { as: "facilitator", path: "/o/demo/people?interest=walking%20football" },
  // A later page of the list: the people after Gareth (the data gains members after him too).
  { as: "facilitator", path: "/o/demo/people?after=MEMBER" },
  { as: "facilitator", path: "/o/demo/people/MEMBER" },
  { as: "member", path: "/account" },
  // Home: the person's groups (Gareth gains 20 groups and Tom leads 20 more with requests waiting).
  { as: "member", path: "/" },
  { as: "facilitator", path: "/" },
  { as: "member", path: "/account/about-me" },
  { as: "member", path: "/account/about-me/visibility" },
  { as: "orgAdmin", path: "/o/demo/invitations" },
  { as: "orgAdmin", path: "/o/demo/audit" },
  { as: "orgAdmin", path: "/o/demo/accessibility" },
  { as: "member", path: "/accessibility" },
  { as: "member", path: "/accessibility/demo" },
  { as: "member", path: "/organisations" },
  // Groups: the list, and the co-production board's pages (it gains members, requests, stage moves and activity).
  { as: "facilitator", path: "/o/demo/groups" },
  { as: "member", path: "/o/demo/groups" },
  { as: "facilitator", path: "/o/demo/groups/BOARD" },
  { as: "member", path: "/o/demo/groups/BOARD" },
  { as: "facilitator", path: "/o/demo/groups/BOARD/members" },
  { as: "facilitator", path: "/o/demo/groups/BOARD/requests" },
  { as: "facilitator", path: "/o/demo/groups/BOARD/stage" },
  { as: "facilitator", path: "/o/demo/groups/BOARD/activity" },
  { as: "facilitator", path: "/o/demo/groups/BOARD/support" },
  { as: "facilitator", path: "/o/demo/groups/BOARD/picture" },
  // Opportunities: the open ones, the newly-diagnosed project's, and its open opportunity (which gains applicants).
  { as: "facilitator", path: "/o/demo/opportunities" },
  { as: "member", path: "/o/demo/opportunities" },
  { as: "facilitator", path: "/o/demo/groups/NEWLY/opportunities" },
  { as: "facilitator", path: "/o/demo/opportunities/OPPORTUNITY" },
  { as: "member", path: "/o/demo/opportunities/OPPORTUNITY" },
  { as: "facilitator", path: "/o/demo/opportunities/OPPORTUNITY/applicants" },
  { as: "facilitator", path: "/o/demo/opportunities/OPPORTUNITY/outcome" },
  { as: "member", path: "/opportunities/demo/OPPORTUNITY" },
  // Discussions: the board's topics and a topic (they gain topics, replies, reactions and reports).
  { as: "member", path: "/o/demo/groups/BOARD/discussion" },
  { as: "facilitator", path: "/o/demo/groups/BOARD/discussion" },
  { as: "facilitator", path: "/o/demo/groups/BOARD/discussion/reports" },
  { as: "member", path: "/o/demo/topics/TOPIC" },
  { as: "facilitator", path: "/o/demo/topics/TOPIC" },
  // Meetings: the board's (it gains meetings) and its next meeting (which gains replies), with the checklist.
  { as: "facilitator", path: "/o/demo/groups/BOARD/meetings" },
  { as: "member", path: "/o/demo/groups/BOARD/meetings" },
  { as: "facilitator", path: "/o/demo/meetings/MEETING" },
  { as: "member", path: "/o/demo/meetings/MEETING" },
  { as: "member", path: "/o/demo/meetings/MEETING/reply" },
  { as: "member", path: "/account/calendar" },
  { as: "facilitator", path: "/o/demo/meetings/MEETING/checklist" },
  // Its agenda (which gains items, proposals and raised topics) and its minutes (actions and who came).
  { as: "member", path: "/o/demo/meetings/MEETING/agenda" },
  { as: "facilitator", path: "/o/demo/meetings/MEETING/agenda" },
  { as: "member", path: "/o/demo/meetings/MEETING/minutes" },
  { as: "facilitator", path: "/o/demo/meetings/MEETING/minutes" },
  // "Find a time": the steering group's open poll as Tom, who runs it (results and who answered what); the board's
  // meetings page above lists the board's polls, which grow.
  { as: "facilitator", path: "/o/demo/polls/POLL" },
  // Decisions: the board's list (it gains proposals), its open poll as a member (which gains votes) and its closed
  // consent decision as Tom (which gains answers and objections, and shows the results).
  { as: "member", path: "/o/demo/groups/BOARD/decisions" },
  { as: "member", path: "/o/demo/decisions/DECISION" },
  { as: "facilitator", path: "/o/demo/decisions/DECIDED" },
  // Boards: the board's list of boards (it gains boards), the respite board (it gains cards with labels, people and
  // dots; the group gains people to filter by), its results, and a card (which gains dots and history).
  { as: "member", path: "/o/demo/groups/BOARD/boards" },
  { as: "member", path: "/o/demo/boards/RESPITE" },
  { as: "facilitator", path: "/o/demo/boards/RESPITE?sort=dots" },
  { as: "member", path: "/o/demo/boards/RESPITE/results" },
  // A list's own page, with the forms on its cards (the list gains cards).
  { as: "member", path: "/o/demo/boards/RESPITE/lists/RLIST" },
  { as: "member", path: "/o/demo/boards/RESPITE/print" },
  // Consensus finder: the board's conversations, the respite conversation (it gains statements and answers) and its
  // results (worked out again from the grown votes).
  { as: "member", path: "/o/demo/groups/BOARD/conversations" },
  { as: "member", path: "/o/demo/conversations/CONVO" },
  { as: "member", path: "/o/demo/conversations/CONVO/results" },
  { as: "member", path: "/o/demo/cards/RCARD" },
  // ... and as Tom, who runs the group (he sees removed comments' reasons and a "Remove" link on each).
  { as: "facilitator", path: "/o/demo/cards/RCARD" },
  // Its closed ranked-choice decision (which gains ballots; its page reads the rounds kept at closing, ADR 0037) and
  // its power-sharing rules page.
  { as: "member", path: "/o/demo/decisions/RANKED" },
  // Its who chose what, by name (it gains voters who are members of the board).
  { as: "member", path: "/o/demo/decisions/RANKED/who-chose-what" },
  // Its open meeting-time decision (which gains answers to every time; ADR 0041).
  { as: "member", path: "/o/demo/decisions/CAFE" },
  { as: "facilitator", path: "/o/demo/groups/BOARD/decisions/rules" },
  // Closing the loop: the board's "You said, we did" (it gains statuses), the evening topic's timeline (which gains
  // changes and supporters) and the member's own list (his grown contributions with a status).
  { as: "member", path: "/o/demo/groups/BOARD/you-said-we-did" },
  { as: "member", path: "/o/demo/loop/topic/TOPIC" },
  { as: "facilitator", path: "/o/demo/loop/topic/TOPIC/status" },
  { as: "member", path: "/account/what-happened" },
  // Their easy-read versions (one more read for the topics' own easy-read summaries, whatever the number of entries).
  { as: "member", path: "/o/demo/groups/BOARD/you-said-we-did/easy-read" },
  { as: "member", path: "/account/what-happened/easy-read" },
  // Measures: the board's (it gains contributions of every kind, statuses and decisions) and the organisation's as
  // its admin (it gains groups).
  { as: "member", path: "/o/demo/groups/BOARD/measures" },
  { as: "orgAdmin", path: "/o/demo/measures" },
  // Series of open sessions: the demo coffee morning, its attendance report (everyone the rule covers, which grows
  // with the organisation's members) and the organisation's open sessions.
  { as: "member", path: "/o/demo/series/SERIES" },
  { as: "facilitator", path: "/o/demo/series/SERIES/report" },
  { as: "facilitator", path: "/o/demo/series/SERIES/report?show=not_yet" },
  { as: "member", path: "/o/demo/open-sessions" },
  // Notifications: the member's notices (they gain some) and their choices (grown groups they are in).
  { as: "member", path: "/o/demo/notifications" },
  { as: "member", path: "/o/demo/notifications/settings" },
  // Search: the board's discussion and, once grown, a document in each grown group Gareth is in; each result names
  // its group and organisation, read with the results.
  { as: "member", path: "/search?q=board" },
];

if (backendName === "sqlite") {
  let server;
  const visitors = {};
  let memberId;
  let boardId;
  let newlyId;
  let opportunityId;
  let topicId;
  let meetingId;
  let pollId;
  let seriesId;
  let decisionId, decidedId;
  let respiteId, rcardId, rlistId;
  let rankedId;
  let cafeId;
  let convoId;
  before(async () => {
    server = await startServer();
    for (const who of ["facilitator", "member", "orgAdmin"]) {
      visitors[who] = new Visitor(server.url);
      await visitors[who].signIn(demo[who]);
    }
    memberId = server.database.sql(`SELECT id FROM users WHERE email = '${demo.member}'`);
    boardId = server.database.sql("SELECT id FROM org_groups WHERE name = 'Carers Co-production Board'").trim();
    newlyId = server.database.sql("SELECT id FROM org_groups WHERE name = 'Newly diagnosed: the first six months'").trim();
    opportunityId = server.database
      .sql("SELECT id FROM opportunities WHERE title = 'Join the newly-diagnosed project: share your first six months'")
      .trim();
    topicId = server.database.sql("SELECT id FROM discussion_topics WHERE title = 'Can board meetings be in the evening?'").trim();
    meetingId = server.database.sql("SELECT id FROM meetings WHERE title = 'Board meeting: next year''s plan'").trim();
    pollId = server.database.sql("SELECT id FROM meeting_time_polls WHERE title = 'Steering group: talking to carers about the draft'").trim();
    seriesId = server.database.sql("SELECT id FROM meeting_series WHERE title = 'Monthly coffee morning'").trim();
    decisionId = server.database.sql("SELECT id FROM decisions WHERE title = 'Where should the summer event be?'").trim();
    decidedId = server.database.sql("SELECT id FROM decisions WHERE title = 'Hold board meetings in the early evening'").trim();
    respiteId = server.database.sql("SELECT id FROM boards WHERE title = 'Respite booking ideas'").trim();
    rcardId = server.database.sql("SELECT id FROM board_cards WHERE title = 'Show which places are free this month'").trim();
    rlistId = server.database.sql(`SELECT list_id FROM board_cards WHERE id = ${rcardId}`).trim();
    rankedId = server.database.sql("SELECT id FROM decisions WHERE title = 'What should the small grant pay for first?'").trim();
    cafeId = server.database.sql("SELECT id FROM decisions WHERE create_key = 'demo-decision-carers-cafe-time'").trim();
    convoId = server.database.sql("SELECT id FROM consensus_conversations WHERE question = 'What matters most about respite care?'").trim();
  });
  after(async () => {
    await server?.stop();
  });

  async function statements() {
    // Through a Visitor: it sends a GET again, as a browser would, when a kept-alive connection closed under it.
    const res = await new Visitor(server.url).get("/metrics");
    const m = res.text.match(/^roundtable_db_statements_total (\d+)$/m);
    assert.ok(m, "/metrics has no roundtable_db_statements_total");
    return Number(m[1]);
  }

  /** Statements one request for the page runs (the /metrics read in between costs none, checked below). */
  async function statementsFor({ as, path }) {
    const url = path
      .replace("MEMBER", memberId)
      .replace("BOARD", boardId)
      .replace("NEWLY", newlyId)
      .replace("OPPORTUNITY", opportunityId)
      .replace("TOPIC", topicId)
      .replace("MEETING", meetingId)
      .replace("POLL", pollId)
      .replace("SERIES", seriesId)
      .replace("DECISION", decisionId)
      .replace("DECIDED", decidedId)
      .replace("RESPITE", respiteId)
      .replace("RCARD", rcardId)
      .replace("RLIST", rlistId)
      .replace("RANKED", rankedId)
      .replace("CONVO", convoId)
      .replace("CAFE", cafeId);
    await visitors[as].get(url); // once first: the first look may warm caches
    const before = await statements();
    const res = await visitors[as].get(url);
    const after = await statements();
    assert.equal(res.status, 200, `${url} answered ${res.status}`);
    return after - before;
  }

  /** Adds n members to "demo", each with a member type, a profile and interests, n organisations (every other one open
   * to anyone) and n About Me items to Gareth. */
  function growData(n) {
    const now = Math.floor(Date.now() / 1000);
    const rows = [];
    for (let i = 0; i < n; i++) {
      rows.push(
        `INSERT INTO users (email, name, lang, platform_admin, created_at, updated_at) VALUES ('grow${i}@example.org', 'Grow ${i}', 'en', 0, ${now}, ${now})`,
        `INSERT INTO memberships (org_id, user_id, role, created_at) SELECT o.id, u.id, 'member', ${now} FROM organisations o, users u WHERE o.slug = 'demo' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO member_types (org_id, user_id, type) SELECT o.id, u.id, 'unpaid_carer' FROM organisations o, users u WHERE o.slug = 'demo' AND u.email = 'grow${i}@example.org'`,
        // Every third is staff too: the coffee morning's rule covers them, so its report grows (and pages).
        ...(i % 3 ? [] : [`INSERT INTO member_types (org_id, user_id, type) SELECT o.id, u.id, 'staff' FROM organisations o, users u WHERE o.slug = 'demo' AND u.email = 'grow${i}@example.org'`]),
        `INSERT INTO profiles (user_id, updated_at) SELECT id, ${now} FROM users WHERE email = 'grow${i}@example.org'`,
        `INSERT INTO profile_interests (user_id, tag) SELECT id, 'gardening' FROM users WHERE email = 'grow${i}@example.org'`,
        `INSERT INTO profile_interests (user_id, tag) SELECT id, 'walking' FROM users WHERE email = 'grow${i}@example.org'`,
        `INSERT INTO organisations (slug, name, languages, signup_mode, created_at, updated_at) VALUES ('grow${i}', 'Grow ${i}', 'en', '${i % 2 ? "open" : "invitation"}', ${now}, ${now})`,
        // Every other one joins the board, the rest ask to; each makes a group with Gareth in every other one, and
        // the board gains a stage move and activity.
        i % 2
          ? `INSERT INTO group_members (group_id, org_id, user_id, role, joined_at) SELECT g.id, g.org_id, u.id, 'member', ${now} FROM org_groups g, users u WHERE g.name = 'Carers Co-production Board' AND u.email = 'grow${i}@example.org'`
          : `INSERT INTO group_requests (group_id, org_id, user_id, message, state, created_at) SELECT g.id, g.org_id, u.id, 'Please', 'pending', ${now} FROM org_groups g, users u WHERE g.name = 'Carers Co-production Board' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO org_groups (org_id, name, purpose, kind, level, visibility, stage, create_key, created_at, updated_at) SELECT id, 'Grow group ${i}', 'Growing', 'project', 'group', '${i % 3 ? "organisation" : "members"}', 'define', 'grow-${i}', ${now}, ${now} FROM organisations WHERE slug = 'demo'`,
        `INSERT INTO group_members (group_id, org_id, user_id, role, joined_at) SELECT g.id, g.org_id, u.id, '${i % 2 ? "member" : "lead"}', ${now} FROM org_groups g, users u WHERE g.name = 'Grow group ${i}' AND u.email = '${i % 2 ? demo.member : demo.facilitator}'`,
        `INSERT INTO group_stage_changes (group_id, from_stage, to_stage, reason, moved_by, moved_at) SELECT g.id, 'discover', 'define', 'Grown', u.id, ${now} FROM org_groups g, users u WHERE g.name = 'Carers Co-production Board' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO group_activity (group_id, kind, actor_id, subject_id, detail, at) SELECT g.id, 'joined', u.id, u.id, '', ${now} FROM org_groups g, users u WHERE g.name = 'Carers Co-production Board' AND u.email = 'grow${i}@example.org'`,
        // Each applies for the newly-diagnosed project's opportunity (every other one shortlisted), and the project and
        // each grown group advertise another open place.
        `INSERT INTO opportunity_interest (opportunity_id, org_id, user_id, message, help, shortlisted, created_at, updated_at) SELECT o.id, o.org_id, u.id, 'Me please', 'Evenings', ${i % 2}, ${now}, ${now} FROM opportunities o, users u WHERE o.title = 'Join the newly-diagnosed project: share your first six months' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO opportunities (org_id, group_id, title, description, time_asked, payment, support, closes_on, audience, state, create_key, created_at, updated_at) SELECT g.org_id, g.id, 'Grow place ${i}', 'Words', '1 hour', 'None', '', '2099-01-01', 'members', 'open', 'grow-opp-${i}', ${now}, ${now} FROM org_groups g WHERE g.name = '${i % 2 ? "Grow group " + i : "Newly diagnosed: the first six months"}'`,
        // The board's discussion gains a topic; the evening-meetings topic a reply, a reaction and a report.
        `INSERT INTO discussion_topics (org_id, group_id, title, author_id, post_count, last_post_at, create_key, created_at) SELECT g.org_id, g.id, 'Grow topic ${i}', u.id, 1, ${now}, 'grow-t-${i}', ${now} FROM org_groups g, users u WHERE g.name = 'Carers Co-production Board' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO discussion_posts (topic_id, group_id, number, author_id, body, create_key, created_at) SELECT t.id, t.group_id, 1, t.author_id, 'Words', 'grow-p-${i}', ${now} FROM discussion_topics t WHERE t.create_key = 'grow-t-${i}'`,
        `INSERT INTO discussion_posts (topic_id, group_id, number, author_id, body, create_key, created_at) SELECT t.id, t.group_id, t.post_count + 1, u.id, 'Me too', 'grow-r-${i}', ${now} FROM discussion_topics t, users u WHERE t.title = 'Can board meetings be in the evening?' AND u.email = 'grow${i}@example.org'`,
        `UPDATE discussion_topics SET post_count = post_count + 1, last_post_at = ${now} WHERE title = 'Can board meetings be in the evening?'`,
        `INSERT INTO discussion_reactions (post_id, user_id, kind, created_at) SELECT p.id, u.id, 'agree', ${now} FROM discussion_posts p JOIN discussion_topics t ON t.id = p.topic_id, users u WHERE t.title = 'Can board meetings be in the evening?' AND p.number = 1 AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO discussion_reports (post_id, group_id, reporter_id, reason, created_at) SELECT p.id, t.group_id, u.id, 'Please look', ${now} FROM discussion_posts p JOIN discussion_topics t ON t.id = p.topic_id, users u WHERE t.title = 'Can board meetings be in the evening?' AND p.number = 2 AND u.email = 'grow${i}@example.org'`,
        // The member is told about each grown topic (unread), and chooses once a week for each grown group.
        `INSERT INTO notices (org_id, user_id, group_id, kind, title, url, created_at) SELECT g.org_id, u.id, g.id, 'discussion_post', 'Grow notice ${i}', '/o/demo', ${now} FROM org_groups g, users u WHERE g.name = 'Carers Co-production Board' AND u.email = '${demo.member}'`,
        `INSERT INTO notification_choices (org_id, user_id, group_id, choice, updated_at) SELECT gm.org_id, gm.user_id, gm.group_id, 'weekly', ${now} FROM group_members gm JOIN org_groups g ON g.id = gm.group_id JOIN users u ON u.id = gm.user_id WHERE g.name = 'Grow group ${i}' AND u.email = '${demo.member}'`,
        // Each grown group has a document in the search index that mentions the board (only its members find it).
        `INSERT INTO search_documents (org_id, group_id, kind, ref, lang, title, body, url, updated_at) SELECT g.org_id, g.id, 'topic', 'grow-s-${i}', 'en', 'Grow board note ${i}', 'Words for the board', '/o/demo', ${now} FROM org_groups g WHERE g.name = 'Grow group ${i}'`,
        `INSERT INTO search_fts (rowid, title, body) SELECT id, title, body FROM search_documents WHERE kind = 'topic' AND ref = 'grow-s-${i}'`,
        // The board gains a meeting, and every grown member of it replies to its next meeting with needs.
        `INSERT INTO meetings (org_id, group_id, title, purpose, starts_at, ends_at, venue, access, create_key, created_at, updated_at) SELECT g.org_id, g.id, 'Grow meeting ${i}', 'Words', ${now + (i - n / 2) * 86400}, ${now + (i - n / 2) * 86400 + 3600}, 'Hall', 'step_free', 'grow-meeting-${i}', ${now}, ${now} FROM org_groups g WHERE g.name = 'Carers Co-production Board'`,
        `INSERT INTO meeting_rsvps (meeting_id, org_id, user_id, answer, needs, created_at, updated_at) SELECT m.id, m.org_id, u.id, '${i % 3 ? "going" : "maybe"}', 'bsl_interpreter,large_print', ${now}, ${now} FROM meetings m, users u WHERE m.title = 'Board meeting: next year''s plan' AND u.email = 'grow${i}@example.org'`,
        // Its next meeting gains an agenda item (accepted or waiting) with an action from each, who came, and a raised
        // topic to put on the agenda.
        `INSERT INTO meeting_agenda_items (meeting_id, org_id, group_id, title, notes, status, position, proposed_by, create_key, created_at, updated_at) SELECT m.id, m.org_id, m.group_id, 'Grow item ${i}', 'Words', '${i % 2 ? "accepted" : "proposed"}', ${100 + i}, u.id, 'grow-item-${i}', ${now}, ${now} FROM meetings m, users u WHERE m.title = 'Board meeting: next year''s plan' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO meeting_actions (meeting_id, item_id, what, owner_id, due_on, status, create_key, created_at, updated_at) SELECT i.meeting_id, i.id, 'Grow action', i.proposed_by, '2027-01-01', 'open', 'grow-action-${i}', ${now}, ${now} FROM meeting_agenda_items i WHERE i.create_key = 'grow-item-${i}'`,
        `INSERT INTO meeting_attendance (meeting_id, org_id, user_id, status, recorded_at) SELECT m.id, m.org_id, u.id, 'present', ${now} FROM meetings m, users u WHERE m.title = 'Board meeting: next year''s plan' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO discussion_raises (topic_id, user_id, created_at) SELECT t.id, u.id, ${now} FROM discussion_topics t, users u WHERE t.create_key = 'grow-t-${i}' AND u.email = 'grow${i}@example.org'`,
        // The respite conversation gains a statement from each, which the member answers, and each answers the first.
        `INSERT INTO consensus_statements (org_id, conversation_id, body, create_key, created_by, created_at) SELECT c.org_id, c.id, 'Grow statement ${i}', 'grow-st-${i}', u.id, ${now} FROM consensus_conversations c, users u WHERE c.question = 'What matters most about respite care?' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO consensus_votes (statement_id, conversation_id, org_id, user_id, vote, voted_at) SELECT st.id, st.conversation_id, st.org_id, u.id, ${(i % 3) - 1}, ${now} FROM consensus_statements st, users u WHERE st.create_key = 'grow-st-${i}' AND u.email = '${demo.member}'`,
        `INSERT INTO consensus_votes (statement_id, conversation_id, org_id, user_id, vote, voted_at) SELECT MIN(st.id), MIN(st.conversation_id), MIN(st.org_id), u.id, 1, ${now} FROM consensus_statements st JOIN consensus_conversations c ON c.id = st.conversation_id, users u WHERE c.question = 'What matters most about respite care?' AND u.email = 'grow${i}@example.org' GROUP BY u.id`,
        `UPDATE consensus_conversations SET votes_version = votes_version + 1 WHERE question = 'What matters most about respite care?'`,
        `UPDATE discussion_topics SET raised_count = raised_count + 1 WHERE create_key = 'grow-t-${i}'`,
        // The board gains a "find a time" poll (open or closed) with a time each grown member answers.
        `INSERT INTO meeting_time_polls (org_id, group_id, title, purpose, closed_at, create_key, created_at, updated_at) SELECT g.org_id, g.id, 'Grow poll ${i}', 'Words', ${i % 2 ? now : "NULL"}, 'grow-poll-${i}', ${now}, ${now} FROM org_groups g WHERE g.name = 'Carers Co-production Board'`,
        `INSERT INTO meeting_time_poll_options (poll_id, position, starts_at, ends_at) SELECT id, 1, ${now + 86400}, ${now + 90000} FROM meeting_time_polls WHERE create_key = 'grow-poll-${i}'`,
        `INSERT INTO meeting_time_poll_answers (option_id, poll_id, org_id, user_id, answer, updated_at) SELECT o.id, o.poll_id, p.org_id, u.id, 'yes', ${now} FROM meeting_time_poll_options o JOIN meeting_time_polls p ON p.id = o.poll_id, users u WHERE p.create_key = 'grow-poll-${i}' AND u.email = 'grow${i}@example.org'`,
        // The board gains a proposal; each grown member votes in its open poll and answers (or objects to) its closed
        // consent decision.
        `INSERT INTO decisions (org_id, group_id, title, body, process, eligibility, opens_at, closes_at, create_key, created_at, updated_at) SELECT g.org_id, g.id, 'Grow decision ${i}', 'Words', 'simple_poll', 'members', ${now}, ${now + 7 * 86400}, 'grow-decision-${i}', ${now}, ${now} FROM org_groups g WHERE g.name = 'Carers Co-production Board'`,
        `INSERT INTO decision_voters (decision_id, org_id, user_id, member_types, voted_at) SELECT d.id, d.org_id, u.id, 'unpaid_carer', ${now} FROM decisions d, users u WHERE d.title = 'Where should the summer event be?' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO decision_ballots (decision_id, ballot, voter_id, option_id, value) SELECT d.id, 'u' || u.id, u.id, (SELECT MIN(o.id) FROM decision_options o WHERE o.decision_id = d.id), 1 FROM decisions d, users u WHERE d.title = 'Where should the summer event be?' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO decision_voters (decision_id, org_id, user_id, member_types, voted_at) SELECT d.id, d.org_id, u.id, 'unpaid_carer', ${now} FROM decisions d, users u WHERE d.title = 'Hold board meetings in the early evening' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO decision_responses (decision_id, org_id, user_id, answer, member_types, updated_at) SELECT d.id, d.org_id, u.id, '${i % 2 ? "agree" : "object"}', 'unpaid_carer', ${now} FROM decisions d, users u WHERE d.title = 'Hold board meetings in the early evening' AND u.email = 'grow${i}@example.org'`,
        // The board gains a board; the respite board gains a card in Ideas with a label and a grown member on it,
        // and its card "Show which places are free this month" gains a dot and a history entry from each.
        `INSERT INTO boards (org_id, group_id, title, create_key, created_at, updated_at) SELECT g.org_id, g.id, 'Grow board ${i}', 'grow-board-${i}', ${now}, ${now} FROM org_groups g WHERE g.name = 'Carers Co-production Board'`,
        `INSERT INTO board_cards (org_id, board_id, list_id, position, title, create_key, created_at, updated_at) SELECT b.org_id, b.id, l.id, (SELECT COUNT(*) + 1 FROM board_cards c WHERE c.list_id = l.id), 'Grow card ${i}', 'grow-card-${i}', ${now}, ${now} FROM boards b JOIN board_lists l ON l.board_id = b.id AND l.position = 1 WHERE b.create_key = 'demo-board-respite'`,
        `INSERT INTO board_card_labels (card_id, label_id) SELECT c.id, (SELECT MIN(id) FROM board_labels WHERE board_id = c.board_id) FROM board_cards c WHERE c.create_key = 'grow-card-${i}'`,
        `INSERT INTO board_card_people (card_id, board_id, org_id, user_id) SELECT c.id, c.board_id, c.org_id, u.id FROM board_cards c, users u WHERE c.create_key = 'grow-card-${i}' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO board_dots (card_id, board_id, org_id, user_id, dots) SELECT c.id, c.board_id, c.org_id, u.id, 1 FROM board_cards c, users u WHERE c.title = 'Show which places are free this month' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO board_card_history (card_id, user_id, what, detail, number, at) SELECT c.id, u.id, 'moved', 'Doing', 1, ${now} FROM board_cards c, users u WHERE c.title = 'Show which places are free this month' AND u.email = 'grow${i}@example.org'`,
        // Comments: each grown member comments on the card (every third one then removed, every fifth deleted) and on
        // their grown card, so the card's page lists more and the board counts more.
        `INSERT INTO board_card_comments (org_id, board_id, card_id, author_id, body, create_key, created_at, edited_at, deleted_at, removed_at, removed_reason) SELECT c.org_id, c.board_id, c.id, u.id, 'Grow **comment** ${i}', 'grow-comment-${i}', ${now}, ${i % 2 ? now : "NULL"}, ${i % 5 ? "NULL" : now}, ${i % 3 ? "NULL" : now}, 'Off topic' FROM board_cards c, users u WHERE c.title = 'Show which places are free this month' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO board_card_comments (org_id, board_id, card_id, author_id, body, create_key, created_at) SELECT c.org_id, c.board_id, c.id, u.id, 'Grow comment', 'grow-comment-${i}', ${now} FROM board_cards c, users u WHERE c.create_key = 'grow-card-${i}' AND u.email = 'grow${i}@example.org'`,
        // ... and adds a file to it (the card's page lists more files).
        `INSERT INTO uploads (public_id, owner_user_id, org_id, purpose, mime, kind, bytes, original_name, storage_key, created_at) SELECT 'grow-upload-${i}', u.id, o.id, 'board_card', 'image/png', 'image', 100, 'grow.png', 'grow-upload-${i}', ${now} FROM users u, organisations o WHERE u.email = 'grow${i}@example.org' AND o.slug = 'demo'`,
        `INSERT INTO board_card_attachments (org_id, board_id, card_id, upload_id, added_by, created_at) SELECT c.org_id, c.board_id, c.id, up.id, up.owner_user_id, ${now} FROM board_cards c, uploads up WHERE c.title = 'Show which places are free this month' AND up.public_id = 'grow-upload-${i}'`,
        `INSERT INTO decision_voters (decision_id, org_id, user_id, member_types, voted_at) SELECT d.id, d.org_id, u.id, 'lived_experience', ${now} FROM decisions d, users u WHERE d.title = 'What should the small grant pay for first?' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO decision_ballots (decision_id, ballot, voter_id, option_id, value) SELECT d.id, 'u' || u.id, u.id, o.id, o.position FROM decisions d JOIN decision_options o ON o.decision_id = d.id, users u WHERE d.title = 'What should the small grant pay for first?' AND o.position <= 1 + ${i} % 3 AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO decision_voters (decision_id, org_id, user_id, member_types, voted_at) SELECT d.id, d.org_id, u.id, 'unpaid_carer', ${now} FROM decisions d, users u WHERE d.create_key = 'demo-decision-carers-cafe-time' AND u.email = 'grow${i}@example.org'`,
        `INSERT INTO decision_ballots (decision_id, ballot, voter_id, option_id, value) SELECT d.id, 'u' || u.id, u.id, o.id, (o.position + ${i}) % 3 FROM decisions d JOIN decision_options o ON o.decision_id = d.id, users u WHERE d.create_key = 'demo-decision-carers-cafe-time' AND u.email = 'grow${i}@example.org'`,
        // The board gains a status for a contribution of the member's, and the evening topic another change.
        `INSERT INTO loop_items (org_id, group_id, kind, contribution_id, author_id, title, href, you_said, status, detail, changed_at) SELECT g.org_id, g.id, 'topic', ${1000000 + i}, u.id, 'Grow said ${i}', '/topics/1', 'Grow said ${i}', 'changed', 'Grow did', ${now} FROM org_groups g, users u WHERE g.name = 'Carers Co-production Board' AND u.email = '${demo.member}'`,
        `INSERT INTO loop_changes (item_id, org_id, status, detail, changed_by, changed_at, change_key) SELECT i.id, i.org_id, 'under_way', 'Grow change', NULL, ${now}, 'grow-loop-${i}' FROM loop_items i JOIN discussion_topics t ON t.id = i.contribution_id AND i.kind = 'topic' WHERE t.title = 'Can board meetings be in the evening?'`,
        // Every other grown proposal (Tom's) gets a status too, so the board's easy-read page still holds proposals
        // (it reads their easy-read wording in one more query, ADR 0042) once the grown statuses fill its first page.
        ...(i % 2 ? [] : [`INSERT INTO loop_items (org_id, group_id, kind, contribution_id, author_id, title, href, you_said, status, detail, changed_at) SELECT d.org_id, d.group_id, 'proposal', d.id, u.id, 'Grow proposal ${i}', '/decisions/' || d.id, 'Grow proposal ${i}', 'changed', 'Grow did', ${now} FROM decisions d, users u WHERE d.create_key = 'grow-decision-${i}' AND u.email = '${demo.facilitator}'`]),
        ...(i % 2 ? [] : [`INSERT INTO decision_objections (decision_id, org_id, user_id, reason, state, resolution, created_at, updated_at) SELECT d.id, d.org_id, u.id, 'Grow reason', 'resolved', 'Grow answer', ${now}, ${now} FROM decisions d, users u WHERE d.title = 'Hold board meetings in the early evening' AND u.email = 'grow${i}@example.org'`]),
      );
    }
    // One SQLite transaction beside the running server (WAL lets it write while the server reads).
    const script = `BEGIN IMMEDIATE;\n${rows.join(";\n")};\nCOMMIT;`;
    execFileSync("/usr/bin/python3", ["-c", "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)\nc.executescript(sys.stdin.read())", server.database.file], { input: script });
  }

  test(`${backendName}: reading /metrics runs no SQL, so it does not disturb the counts`, async () => {
    const a = await statements();
    const b = await statements();
    assert.equal(b, a);
  });

  test(`${backendName}: every signed-in page runs as many statements with 40 more members and items as without`, async () => {
    const small = {};
    for (const p of pages) small[p.path] = await statementsFor(p);
    for (const p of pages) assert.ok(small[p.path] > 0, `${p.path} ran no SQL?`);

    growData(40);
    const v = visitors.member;
    await v.get("/account/about-me/add/text");
    for (let i = 0; i < 10; i++) {
      const res = await v.postMultipart("/account/about-me/items", { kind: "text", title: `More ${i}`, body: "words" });
      assert.equal(res.status, 303);
    }
    for (let i = 0; i < 10; i++) {
      const res = await visitors.orgAdmin.post("/o/demo/invitations", { email: `grow-invite${i}@example.org`, role: "member", lang: "en" });
      assert.equal(res.status, 303);
    }
    const large = {};
    for (const p of pages) large[p.path] = await statementsFor(p);
    assert.deepEqual(large, small, "a page's statement count grew with the data (an N+1 query?)");
  });

  // The unread count beside "Notifications" (ADR 0045) is read with the session, in its one statement: a page runs
  // as many statements with unread notices in two organisations as with none.
  test(`${backendName}: the navigation's unread count costs no statement`, async () => {
    const counted = [
      { as: "member", path: "/o/demo" },
      { as: "member", path: "/o/demo/groups" },
      { as: "member", path: "/o/demo/notifications/settings" },
      { as: "member", path: "/account" },
    ];
    assert.equal((await visitors.member.post("/o/demo/notifications/read", {})).status, 303);
    assert.doesNotMatch((await visitors.member.get("/o/demo/groups")).text, /rt-nav-count/);
    const none = {};
    for (const p of counted) none[p.path] = await statementsFor(p);
    const now = Math.floor(Date.now() / 1000);
    const other = server.database.sql("SELECT MIN(id) FROM organisations WHERE slug <> 'demo'").trim();
    server.database.sql(`INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (${other}, ${memberId}, 'member', ${now}) ON CONFLICT DO NOTHING`);
    server.database.sql(`INSERT INTO org_groups (org_id, name, purpose, kind, level, visibility, stage, create_key, created_at, updated_at) VALUES (${other}, 'Counted group', 'Words', 'project', 'group', 'organisation', 'define', 'counted-group', ${now}, ${now})`);
    for (const [org, group] of [["(SELECT id FROM organisations WHERE slug = 'demo')", boardId], [other, "(SELECT id FROM org_groups WHERE create_key = 'counted-group')"]]) {
      for (let i = 0; i < 3; i++) {
        server.database.sql(`INSERT INTO notices (org_id, user_id, group_id, kind, title, url, created_at) VALUES (${org}, ${memberId}, ${group}, 'discussion_post', 'Counted ${i}', '/o/demo', ${now})`);
      }
    }
    assert.match((await visitors.member.get("/o/demo/groups")).text, /<span class="govuk-visually-hidden">3 unread<\/span>/);
    const some = {};
    for (const p of counted) some[p.path] = await statementsFor(p);
    assert.deepEqual(some, none, "the unread count added a statement");
  });
}
