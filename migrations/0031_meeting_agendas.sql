-- Agendas, attendance, minutes, decisions and actions of a group's meetings (src/meetings). An agenda item comes from
-- a member's proposal or from a discussion topic members asked to raise at the next meeting; the people who run the
-- group accept, order, change and remove items, record who came, write the minutes and a decision per item, and set
-- actions. Publishing the minutes tells everyone who raised or supported a topic on the agenda what the meeting did
-- with it, once.
ALTER TABLE meetings ADD COLUMN papers_sent_at BIGINT;
-- Markdown; read by the group once published.
ALTER TABLE meetings ADD COLUMN minutes TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN minutes_published_at BIGINT;

CREATE TABLE meeting_agenda_items (
  {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  -- 'proposed' (waiting for the people who run the group) or 'accepted' (on the agenda, in position order).
  status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted')),
  position BIGINT NOT NULL,
  -- The discussion topic it was raised from (NULL: proposed by someone, or the topic was deleted).
  topic_id BIGINT REFERENCES discussion_topics (id) ON DELETE SET NULL,
  -- Who proposed it (or promoted the topic); NULL once they are erased ("former member").
  proposed_by BIGINT,
  -- What the meeting decided about it.
  decision TEXT NOT NULL DEFAULT '',
  -- The random key of the form that made it ("topic-<id>" for a promoted topic): the same form sent twice makes one.
  create_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (meeting_id, create_key)
);
CREATE INDEX meeting_agenda_items_meeting ON meeting_agenda_items (meeting_id, status, position);
CREATE INDEX meeting_agenda_items_topic ON meeting_agenda_items (topic_id);
CREATE INDEX meeting_agenda_items_proposed_by ON meeting_agenda_items (proposed_by);

-- Who came: one row per person and meeting.
CREATE TABLE meeting_attendance (
  meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent')),
  recorded_at BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
CREATE INDEX meeting_attendance_user ON meeting_attendance (user_id);

-- What someone in the group will do, by when, for an agenda item (and so for the topic that raised it).
CREATE TABLE meeting_actions (
  {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  item_id BIGINT NOT NULL REFERENCES meeting_agenda_items (id) ON DELETE CASCADE,
  what TEXT NOT NULL,
  -- A member of the group; NULL once they are erased ("former member").
  owner_id BIGINT,
  -- A local date, YYYY-MM-DD.
  due_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
  create_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (meeting_id, create_key)
);
CREATE INDEX meeting_actions_meeting ON meeting_actions (meeting_id, item_id, id);
CREATE INDEX meeting_actions_owner ON meeting_actions (owner_id);

-- Papers for a meeting, sent in advance: a file (through the uploads rules; owned by the organisation, so it stays
-- when the person who added it leaves) and, optionally, an easy-read or large-print version of it.
CREATE TABLE meeting_papers (
  {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  upload_id BIGINT NOT NULL REFERENCES uploads (id),
  -- The easy-read or large-print version (NULL: none), and which it is ('' with none).
  accessible_upload_id BIGINT REFERENCES uploads (id),
  accessible_kind TEXT NOT NULL DEFAULT '' CHECK (accessible_kind IN ('', 'easy_read', 'large_print')),
  added_by BIGINT,
  create_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (meeting_id, create_key)
);
CREATE INDEX meeting_papers_meeting ON meeting_papers (meeting_id, id);
CREATE INDEX meeting_papers_upload ON meeting_papers (upload_id);
CREATE INDEX meeting_papers_accessible ON meeting_papers (accessible_upload_id);
