-- Discussions (src/discussions): every group's always-on discussion space. A topic is a title and its posts; post
-- number 1 is the opening post, the rest are replies, numbered in the order they were written (keyset pages read
-- them by (topic_id, number)). Ids of people are kept when they are erased (their posts then show as "former
-- member"); what a person marked (reactions, follows, raises, reports, what they have read) goes with them.
CREATE TABLE discussion_topics (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  author_id BIGINT,
  -- An easy-read summary a facilitator added ('' when there is none).
  easy_read TEXT NOT NULL DEFAULT '',
  easy_read_by BIGINT,
  -- Posts ever written in it (numbers are never reused, so a deleted post leaves a gap).
  post_count BIGINT NOT NULL DEFAULT 0,
  last_post_at BIGINT NOT NULL,
  -- How many members asked for it to be raised at the next meeting (kept by the service with discussion_raises).
  raised_count BIGINT NOT NULL DEFAULT 0,
  -- The random key of the form that started it: the same form sent twice makes one topic.
  create_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (group_id, create_key)
);
CREATE INDEX discussion_topics_group ON discussion_topics (group_id, last_post_at, id);

CREATE TABLE discussion_posts (
  {{id}},
  topic_id BIGINT NOT NULL REFERENCES discussion_topics (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  number BIGINT NOT NULL,
  author_id BIGINT,
  -- Markdown.
  body TEXT NOT NULL,
  -- The random key of the form that wrote it: the same reply sent twice makes one.
  create_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  edited_at BIGINT,
  -- Deleted by its author: the words are gone from the page (earlier versions stay in discussion_post_versions for
  -- the people who run the group).
  deleted_at BIGINT,
  -- Hidden by someone who runs the group, with the reason its author sees.
  hidden_at BIGINT,
  hidden_by BIGINT,
  hidden_reason TEXT NOT NULL DEFAULT '',
  UNIQUE (topic_id, number),
  UNIQUE (topic_id, create_key)
);
CREATE INDEX discussion_posts_author ON discussion_posts (author_id);

-- Every earlier version of a post (and, for an opening post, of its topic's title), kept when it is changed or
-- deleted.
CREATE TABLE discussion_post_versions (
  {{id}},
  post_id BIGINT NOT NULL REFERENCES discussion_posts (id) ON DELETE CASCADE,
  author_id BIGINT,
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  replaced_at BIGINT NOT NULL
);
CREATE INDEX discussion_post_versions_post ON discussion_post_versions (post_id, id);
CREATE INDEX discussion_post_versions_author ON discussion_post_versions (author_id);

CREATE TABLE discussion_reactions (
  post_id BIGINT NOT NULL REFERENCES discussion_posts (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('agree', 'thanks', 'me_too')),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (post_id, kind, user_id)
);
CREATE INDEX discussion_reactions_user ON discussion_reactions (user_id);

-- Who follows a topic (its author and everyone who replies, unless they chose to stop: following = 0).
CREATE TABLE discussion_follows (
  topic_id BIGINT NOT NULL REFERENCES discussion_topics (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  following INTEGER NOT NULL,
  changed_at BIGINT NOT NULL,
  PRIMARY KEY (topic_id, user_id)
);
CREATE INDEX discussion_follows_user ON discussion_follows (user_id);

-- "Raise this at the next meeting", one mark per member.
CREATE TABLE discussion_raises (
  topic_id BIGINT NOT NULL REFERENCES discussion_topics (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (topic_id, user_id)
);
CREATE INDEX discussion_raises_user ON discussion_raises (user_id);

-- A post someone reported to the people who run the group; dealt with when they hide the post or let it stand.
CREATE TABLE discussion_reports (
  {{id}},
  post_id BIGINT NOT NULL REFERENCES discussion_posts (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  reporter_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  dealt_at BIGINT,
  dealt_by BIGINT,
  UNIQUE (post_id, reporter_id)
);
CREATE INDEX discussion_reports_group ON discussion_reports (group_id, dealt_at, id);
CREATE INDEX discussion_reports_reporter ON discussion_reports (reporter_id);

-- The group's ground rules were shown to the person and they said they would keep them (before their first post).
CREATE TABLE discussion_rules_agreed (
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  agreed_at BIGINT NOT NULL,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX discussion_rules_agreed_user ON discussion_rules_agreed (user_id);

-- How far each person has read each topic (the highest post number they were shown); a seen_* table (marks of who
-- looked, written by GET pages only when there is something new).
CREATE TABLE seen_discussion_topics (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  topic_id BIGINT NOT NULL REFERENCES discussion_topics (id) ON DELETE CASCADE,
  seen_number BIGINT NOT NULL,
  seen_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, topic_id)
);
CREATE INDEX seen_discussion_topics_topic ON seen_discussion_topics (topic_id);
