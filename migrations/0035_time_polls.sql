-- "Find a time" (src/meetings): an availability poll for a group's meeting. The people who run the group offer
-- candidate times (UTC unix seconds, entered and shown as Europe/London time); the group's members answer each one
-- (yes, if I have to, no) until the poll closes, by hand or at its closing time (compared with now whenever it is read
-- or answered, so nothing has to run at that moment). The meeting scheduled from it is kept on the poll.
CREATE TABLE meeting_time_polls (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  -- Plain words: what the meeting is for.
  purpose TEXT NOT NULL DEFAULT '',
  -- When answers stop (UTC; the end of the chosen London day); NULL: open until closed by hand.
  closes_at BIGINT,
  closed_at BIGINT,
  -- The meeting scheduled from it (NULL: none yet, or it was deleted).
  meeting_id BIGINT REFERENCES meetings (id) ON DELETE SET NULL,
  -- The random key of the form that opened it: the same form sent twice makes one poll.
  create_key TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (org_id, create_key)
);
CREATE INDEX meeting_time_polls_group ON meeting_time_polls (group_id, created_at);

-- The times on offer, in the order they were given.
CREATE TABLE meeting_time_poll_options (
  {{id}},
  poll_id BIGINT NOT NULL REFERENCES meeting_time_polls (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL
);
CREATE INDEX meeting_time_poll_options_poll ON meeting_time_poll_options (poll_id, position);

-- One answer per person per time (the same answer sent twice changes nothing). Leaving the organisation (or being
-- erased) takes it away.
CREATE TABLE meeting_time_poll_answers (
  option_id BIGINT NOT NULL REFERENCES meeting_time_poll_options (id) ON DELETE CASCADE,
  poll_id BIGINT NOT NULL REFERENCES meeting_time_polls (id) ON DELETE CASCADE,
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('yes', 'if_need_be', 'no')),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (option_id, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
CREATE INDEX meeting_time_poll_answers_poll ON meeting_time_poll_answers (poll_id, user_id);
CREATE INDEX meeting_time_poll_answers_user ON meeting_time_poll_answers (user_id);
