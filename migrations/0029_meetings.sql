-- Meetings of a group (src/meetings): when (UTC unix seconds; entered and shown as Europe/London time), where (an
-- online link, a venue, or both) with the venue's access details, and why. A called-off meeting keeps its row, with
-- when and why it was called off, and stays listed as cancelled.
CREATE TABLE meetings (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  -- Markdown.
  purpose TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  online_url TEXT NOT NULL DEFAULT '',
  venue TEXT NOT NULL DEFAULT '',
  -- What the venue offers, as codes separated by commas (step_free, hearing_loop, quiet_room, parking,
  -- public_transport).
  access TEXT NOT NULL DEFAULT '',
  access_notes TEXT NOT NULL DEFAULT '',
  -- The random key of the form that scheduled it: the same form sent twice makes one meeting.
  create_key TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  cancelled_at BIGINT,
  cancel_reason TEXT NOT NULL DEFAULT '',
  UNIQUE (org_id, create_key)
);
CREATE INDEX meetings_group ON meetings (group_id, starts_at);

-- One reply per person per meeting (the same reply sent twice changes it): whether they are coming and what they
-- need to take part. Leaving the organisation (or being erased) takes it away.
CREATE TABLE meeting_rsvps (
  meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('going', 'maybe', 'not_going')),
  -- What they need, as codes separated by commas (bsl_interpreter, other_interpreter, easy_read, large_print,
  -- travel_expenses, carer_expenses, dietary, supporter).
  needs TEXT NOT NULL DEFAULT '',
  interpreter_language TEXT NOT NULL DEFAULT '',
  dietary TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
CREATE INDEX meeting_rsvps_user ON meeting_rsvps (user_id);
