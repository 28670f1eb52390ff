-- Closing the loop (src/loop, ADR 0032): what happened next to a contribution (a topic, a reply, a proposal...), set
-- by the people who run its group, and every change to it, so a contribution has a timeline.
-- One row per contribution with a status: its latest status, and what the lists need without asking the module that
-- owns it (the group's "You said, we did" page and "What happened to what I said" read this table alone).
CREATE TABLE loop_items (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  -- A module::ContributionKind ("topic", "reply", "proposal", ...) and the contribution's id in its module (no
  -- foreign key: the module owns it; its page answers 404 once it is gone).
  kind TEXT NOT NULL,
  contribution_id BIGINT NOT NULL,
  -- Who wrote it, and its title or excerpt, when the status was last set (for the author's own list).
  author_id BIGINT,
  title TEXT NOT NULL,
  -- Its page, below the organisation's address.
  href TEXT NOT NULL,
  -- "You said": what it asked for, in the words of the people who run the group (shown to whoever may see the
  -- group, without anyone's name).
  you_said TEXT NOT NULL,
  -- The latest change (copied from loop_changes).
  status TEXT NOT NULL CHECK (status IN ('under_way', 'changed', 'decided_against', 'not_now')),
  detail TEXT NOT NULL DEFAULT '',
  until_day TEXT,
  changed_at BIGINT NOT NULL,
  UNIQUE (org_id, kind, contribution_id)
);
-- The group's page, newest change first, and the author's own list.
CREATE INDEX loop_items_group ON loop_items (group_id, changed_at, id);
CREATE INDEX loop_items_author ON loop_items (author_id, changed_at, id);

-- Every change of status, with who made it and when: the timeline.
CREATE TABLE loop_changes (
  {{id}},
  item_id BIGINT NOT NULL REFERENCES loop_items (id) ON DELETE CASCADE,
  org_id BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('under_way', 'changed', 'decided_against', 'not_now')),
  -- What changed (changed), why (decided_against), or more words ('' for none).
  detail TEXT NOT NULL DEFAULT '',
  -- Until when (not_now): a day, YYYY-MM-DD.
  until_day TEXT,
  changed_by BIGINT,
  changed_at BIGINT NOT NULL,
  -- The random key of the form that made it: the same form sent twice makes one change.
  change_key TEXT NOT NULL,
  UNIQUE (org_id, change_key)
);
CREATE INDEX loop_changes_item ON loop_changes (item_id, changed_at);
