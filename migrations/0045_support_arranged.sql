-- The facilitators' checklist ticks (src/meetings, issue #14 item 6): a support request someone made in their reply to
-- a meeting (a need, as meeting_rsvps.needs names it) that the people who run the group have arranged. One row per
-- meeting, person and need; a changed reply that no longer asks for the need drops its row. Decisions read what is
-- not arranged yet for the power-sharing rule "no decision while a member's support request is unmet".
CREATE TABLE meeting_support_arranged (
  meeting_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  need TEXT NOT NULL,
  arranged_by BIGINT,
  arranged_at BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, user_id, need),
  -- A tick belongs to the reply: when the reply goes (the person left the organisation, or was erased), so does it.
  FOREIGN KEY (meeting_id, user_id) REFERENCES meeting_rsvps (meeting_id, user_id) ON DELETE CASCADE
);
CREATE INDEX meeting_support_arranged_user ON meeting_support_arranged (user_id);
