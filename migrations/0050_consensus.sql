-- The consensus finder (src/consensus, ADR 0034): a group's conversations, the short statements its members write
-- and everyone's agree / disagree / pass on each. The groups of people who voted alike are worked out from the votes
-- when the results are asked for, never stored.
CREATE TABLE consensus_conversations (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  question TEXT NOT NULL,
  -- Set while closed: nothing more is written or voted, the results stay.
  closed_at BIGINT,
  -- Bumped by every vote and every statement hidden or added: the results worked out for one version are kept in
  -- memory until the next.
  votes_version BIGINT NOT NULL DEFAULT 0,
  -- The random key of the form that made it: the same form sent twice makes one conversation.
  create_key TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (org_id, create_key)
);
CREATE INDEX consensus_conversations_group ON consensus_conversations (group_id, created_at);

-- Statements (140 characters at most, plain text). A hidden one keeps its text for the facilitators' record, says
-- why, and leaves the voting and the results.
CREATE TABLE consensus_statements (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  conversation_id BIGINT NOT NULL REFERENCES consensus_conversations (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  hidden_at BIGINT,
  hidden_reason TEXT NOT NULL DEFAULT '',
  create_key TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (conversation_id, create_key)
);
CREATE INDEX consensus_statements_conversation ON consensus_statements (conversation_id, id);
CREATE INDEX consensus_statements_author ON consensus_statements (created_by) WHERE created_by IS NOT NULL;

-- One vote per person and statement: 1 agree, -1 disagree, 0 pass. Dropped when the membership ends.
CREATE TABLE consensus_votes (
  statement_id BIGINT NOT NULL REFERENCES consensus_statements (id) ON DELETE CASCADE,
  conversation_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  vote BIGINT NOT NULL CHECK (vote IN (-1, 0, 1)),
  voted_at BIGINT NOT NULL,
  PRIMARY KEY (statement_id, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
CREATE INDEX consensus_votes_conversation ON consensus_votes (conversation_id, user_id);
CREATE INDEX consensus_votes_user ON consensus_votes (user_id, org_id);
