-- Series of open sessions (coffee mornings; src/meetings/series*): a recurring pattern whose sessions are ordinary
-- meetings rows (meetings.series_id), made some months ahead and more on request. An open series' sessions are
-- seen, replied to and attended by everyone in the organisation, not only the group. An attendance rule ("staff who
-- joined in the last 3 months must come to one session") drives a report of who has not come yet.
CREATE TABLE meeting_series (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  -- Markdown.
  purpose TEXT NOT NULL,
  frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'fortnightly', 'monthly')),
  -- 0 Sunday ... 6 Saturday.
  weekday INTEGER NOT NULL,
  -- For monthly: 1 to 4, or 5 for the last.
  week_of_month INTEGER NOT NULL DEFAULT 1,
  -- Europe/London clock time, minutes after midnight, and how long each session lasts, in minutes.
  start_minute INTEGER NOT NULL,
  length_minutes INTEGER NOT NULL,
  online_url TEXT NOT NULL DEFAULT '',
  venue TEXT NOT NULL DEFAULT '',
  access TEXT NOT NULL DEFAULT '',
  access_notes TEXT NOT NULL DEFAULT '',
  -- London dates, YYYY-MM-DD; last_date '' when the series has no end.
  first_date TEXT NOT NULL,
  last_date TEXT NOT NULL DEFAULT '',
  open_to_org INTEGER NOT NULL DEFAULT 1,
  -- The attendance rule: people of rule_member_type who joined in the last rule_months months ('' and 0: none).
  rule_member_type TEXT NOT NULL DEFAULT '',
  rule_months INTEGER NOT NULL DEFAULT 0,
  create_key TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (org_id, create_key)
);
CREATE INDEX meeting_series_group ON meeting_series (group_id);

ALTER TABLE meetings ADD COLUMN series_id BIGINT REFERENCES meeting_series (id) ON DELETE SET NULL;
-- Copied from the series whenever its sessions are made or changed, so reading a meeting needs no join.
ALTER TABLE meetings ADD COLUMN open_to_org INTEGER NOT NULL DEFAULT 0;
CREATE INDEX meetings_series ON meetings (series_id, starts_at);
