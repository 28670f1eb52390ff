-- Groups and projects inside an organisation, where co-production happens (src/groups). A group's members must be
-- members of its organisation: leaving the organisation (or being erased) takes a person out of its groups.
CREATE TABLE org_groups (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  purpose TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('standing', 'project', 'series')),
  level TEXT NOT NULL CHECK (level IN ('individual', 'group', 'strategic')),
  visibility TEXT NOT NULL CHECK (visibility IN ('members', 'organisation', 'public')),
  -- The double diamond's stage; NULL for a group without stages.
  stage TEXT CHECK (stage IN ('discover', 'define', 'develop', 'deliver')),
  terms TEXT NOT NULL DEFAULT '',
  terms_easy TEXT NOT NULL DEFAULT '',
  ground_rules TEXT NOT NULL DEFAULT '',
  ground_rules_easy TEXT NOT NULL DEFAULT '',
  principles TEXT NOT NULL DEFAULT '',
  principles_easy TEXT NOT NULL DEFAULT '',
  archived_at BIGINT,
  -- The random key of the form that created it: the same form sent twice makes one group.
  create_key TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (org_id, create_key)
);
CREATE INDEX org_groups_org ON org_groups (org_id, name);

CREATE TABLE group_members (
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('lead', 'facilitator', 'member', 'observer')),
  joined_at BIGINT NOT NULL,
  PRIMARY KEY (group_id, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
CREATE INDEX group_members_user ON group_members (user_id, org_id);

-- Requests to join a group (waiting for an answer, or turned down: the person sees that, and may ask again), and
-- invitations from the people who run it (invited_by), waiting for the person's answer.
CREATE TABLE group_requests (
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('pending', 'declined', 'invited')),
  invited_by BIGINT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (group_id, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
CREATE INDEX group_requests_user ON group_requests (user_id);

-- Every move of a project's stage, who moved it and why. moved_by is kept when the person is erased.
CREATE TABLE group_stage_changes (
  {{id}},
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  from_stage TEXT,
  to_stage TEXT,
  reason TEXT NOT NULL,
  moved_by BIGINT,
  moved_at BIGINT NOT NULL
);
CREATE INDEX group_stage_changes_group ON group_stage_changes (group_id, id);

-- What happened in a group, for its activity feed (newest first, paged by id). Ids of people are kept when they are
-- erased (they then show as "former member").
CREATE TABLE group_activity (
  {{id}},
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  actor_id BIGINT,
  subject_id BIGINT,
  detail TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL
);
CREATE INDEX group_activity_group ON group_activity (group_id, id);

-- How far each member has read a group's activity (the newest entry they saw), and how many entries by others came
-- since (kept as each entry is recorded, so a home page listing 20 groups reads 20 numbers rather than counting), so
-- their home page can say what is new since their last visit. Written when they open the group and there is
-- something new; statements on tables named seen_* record who looked at what, like audit entries (the "no GET route
-- writes" check allows them).
CREATE TABLE seen_groups (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  activity_id BIGINT NOT NULL,
  unread INTEGER NOT NULL DEFAULT 0,
  seen_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, group_id)
);
CREATE INDEX seen_groups_group ON seen_groups (group_id);
