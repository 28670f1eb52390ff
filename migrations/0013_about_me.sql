-- About Me pages: a person's own page of words, photos, recordings and videos, and who may see it besides them.
CREATE TABLE about_me_pages (
  user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  visibility TEXT NOT NULL DEFAULT 'only_me' CHECK (visibility IN ('only_me', 'named', 'facilitators', 'organisation')),
  intro TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL
);

-- The items of a page in the owner's order. A photo, recording or video points at its file in uploads; if the
-- file row goes, the item is hidden rather than shown broken.
CREATE TABLE about_me_items (
  {{id}},
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('text', 'photo', 'audio', 'video')),
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  upload_id BIGINT REFERENCES uploads (id) ON DELETE SET NULL,
  caption TEXT NOT NULL DEFAULT '',
  transcript TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX about_me_items_user ON about_me_items (user_id, position);

-- The people an owner named as allowed to see their page.
CREATE TABLE about_me_viewers (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  viewer_user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, viewer_user_id)
);
CREATE INDEX about_me_viewers_viewer ON about_me_viewers (viewer_user_id);
