-- Notifications (src/notifications): how each person wants to hear about each group they are in, and the notices
-- the features leave for them (listed in the app, and kept for a daily or weekly digest email when they chose one).
-- No row in notification_choices means the default: straight away.
CREATE TABLE notification_choices (
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  -- 'immediate', 'daily', 'weekly' or 'none'.
  choice TEXT NOT NULL CHECK (choice IN ('immediate', 'daily', 'weekly', 'none')),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, group_id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);

-- One notice for one person: what happened in a group (kind: the feature's own code, such as 'discussion_reply'),
-- its title and the page it leads to (a local address). digest is the digest waiting for it ('daily' or 'weekly')
-- until that digest goes, '' otherwise.
CREATE TABLE notices (
  {{id}},
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  url TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  read_at BIGINT,
  digest TEXT NOT NULL DEFAULT '',
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
CREATE INDEX notices_person ON notices (user_id, org_id, id);
CREATE INDEX notices_waiting ON notices (digest, user_id) WHERE digest <> '';

-- The one-click stop of a notification email (RFC 8058): its List-Unsubscribe address, '' for other email.
ALTER TABLE mail_outbox ADD COLUMN list_unsubscribe TEXT NOT NULL DEFAULT '';
