-- Decisions (src/decisions, ADR 0029): a group's proposals, decided by a simple poll or by consent, closed at their
-- time by the due worker (or early by the people who run the group), then recorded with a rationale.
CREATE TABLE decisions (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  -- What is proposed (Markdown), and its easy-read version ('' for none).
  body TEXT NOT NULL,
  easy_read TEXT NOT NULL DEFAULT '',
  -- 'simple_poll' or 'consent' (later 'ranked_choice', 'dot_vote', 'score': no CHECK, so adding one needs no
  -- migration).
  process TEXT NOT NULL,
  -- 1: who voted is kept apart from what they chose (decision_voters, decision_ballots).
  anonymous INTEGER NOT NULL DEFAULT 0,
  -- Who may take part: 'members' (every lead facilitator, facilitator and member) or 'lived_experience' (only those
  -- with lived experience and unpaid carers).
  eligibility TEXT NOT NULL CHECK (eligibility IN ('members', 'lived_experience')),
  opens_at BIGINT NOT NULL,
  closes_at BIGINT NOT NULL,
  -- When it closed (its closing time, or earlier by hand) and what came of it: 'chosen', 'tie', 'no_votes',
  -- 'passed', 'not_passed'; NULL while open.
  closed_at BIGINT,
  outcome TEXT,
  withdrawn_at BIGINT,
  -- The decision record: why, in a facilitator's words, and what led to it.
  rationale TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT,
  recorded_at BIGINT,
  led_from_topic_id BIGINT REFERENCES discussion_topics (id) ON DELETE SET NULL,
  led_from_meeting_id BIGINT REFERENCES meetings (id) ON DELETE SET NULL,
  -- The random key of the form that made it: the same form sent twice makes one proposal.
  create_key TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (org_id, create_key)
);
CREATE INDEX decisions_group ON decisions (group_id, created_at);
-- What the due worker closes: the open ones by closing time.
CREATE INDEX decisions_due ON decisions (closes_at) WHERE closed_at IS NULL AND withdrawn_at IS NULL;
-- A topic's page lists the decisions it led to ("What happened next").
CREATE INDEX decisions_led_from_topic ON decisions (led_from_topic_id) WHERE led_from_topic_id IS NOT NULL;

-- The options of a poll, in order, each with an optional easy-read wording.
CREATE TABLE decision_options (
  {{id}},
  decision_id BIGINT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  text TEXT NOT NULL,
  easy_read TEXT NOT NULL DEFAULT ''
);
CREATE INDEX decision_options_decision ON decision_options (decision_id, position);

-- Who took part (never what they chose), with their member types when they first voted, for "who took part". Kept
-- when the person later leaves (a decided proposal's record stays as it was); leaving drops it from open proposals
-- only (decisions' membership_ended), and erasure removes it.
CREATE TABLE decision_voters (
  decision_id BIGINT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  member_types TEXT NOT NULL DEFAULT '',
  voted_at BIGINT NOT NULL,
  PRIMARY KEY (decision_id, user_id)
);
CREATE INDEX decision_voters_user ON decision_voters (user_id);

-- What was chosen: one row per ballot and option with a value (a simple poll: 1 on the option chosen; ranked choice,
-- dot vote and score later: the rank, the dots, the score). ballot: 'u<user id>' for a named poll (voter_id says
-- who); for an anonymous one a keyed hash of the decision and the person while it is open (so they can change their
-- vote), replaced by a random value when it closes, and voter_id NULL.
CREATE TABLE decision_ballots (
  decision_id BIGINT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  ballot TEXT NOT NULL,
  voter_id BIGINT,
  option_id BIGINT NOT NULL REFERENCES decision_options (id) ON DELETE CASCADE,
  value BIGINT NOT NULL,
  PRIMARY KEY (decision_id, ballot, option_id)
);
CREATE INDEX decision_ballots_voter ON decision_ballots (voter_id) WHERE voter_id IS NOT NULL;

-- Consent: each person's answer (always named: an objection is talked through with the person who made it). Kept
-- as decision_voters is.
CREATE TABLE decision_responses (
  decision_id BIGINT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('agree', 'stand_aside', 'object')),
  member_types TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (decision_id, user_id)
);
CREATE INDEX decision_responses_user ON decision_responses (user_id);

-- Objections with their reasons: open until the proposer or a facilitator marks one resolved (saying how) or the
-- person who made it withdraws it. A proposal decided by consent passes only when none is open at closing.
CREATE TABLE decision_objections (
  {{id}},
  decision_id BIGINT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  reason TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'resolved', 'withdrawn')),
  resolution TEXT NOT NULL DEFAULT '',
  resolved_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX decision_objections_decision ON decision_objections (decision_id, id);
CREATE INDEX decision_objections_user ON decision_objections (user_id);
