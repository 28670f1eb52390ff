-- Uploaded files. The bytes live in storage under storage_key; this row says what the file is, whom it belongs to
-- and what it is for (which decides who may see it). public_id is the random part of its address /files/{public_id}.
-- owner_user_id becomes NULL when the person erases their account but the file belongs to an organisation.
CREATE TABLE uploads (
  {{id}},
  public_id TEXT NOT NULL UNIQUE,
  owner_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  org_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL,
  mime TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('image', 'audio', 'video')),
  bytes BIGINT NOT NULL,
  width INTEGER NOT NULL DEFAULT 0,
  height INTEGER NOT NULL DEFAULT 0,
  original_name TEXT NOT NULL DEFAULT '',
  storage_key TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX uploads_owner ON uploads (owner_user_id);
CREATE INDEX uploads_org ON uploads (org_id);
