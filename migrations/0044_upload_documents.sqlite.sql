-- roundtable: foreign keys off
-- Meeting papers may be documents (PDF, Word, OpenDocument text; issue #14 item 7, ADR 0030): uploads.kind may now be
-- 'document'. SQLite cannot change a CHECK constraint, so the table is rebuilt with every row, id and index, and the
-- highest id ever given out is kept (ids are never given out twice, ADR 0017).
CREATE TABLE uploads_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  public_id TEXT NOT NULL UNIQUE,
  owner_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  org_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL,
  mime TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('image', 'audio', 'video', 'document')),
  bytes BIGINT NOT NULL,
  width INTEGER NOT NULL DEFAULT 0,
  height INTEGER NOT NULL DEFAULT 0,
  original_name TEXT NOT NULL DEFAULT '',
  storage_key TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
INSERT INTO uploads_rebuilt (id, public_id, owner_user_id, org_id, purpose, mime, kind, bytes, width, height,
    original_name, storage_key, created_at)
  SELECT id, public_id, owner_user_id, org_id, purpose, mime, kind, bytes, width, height, original_name, storage_key,
    created_at FROM uploads;
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'uploads_rebuilt', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'uploads_rebuilt');
UPDATE sqlite_sequence
  SET seq = max(seq, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'uploads'), 0))
  WHERE name = 'uploads_rebuilt';
DROP TABLE uploads;
ALTER TABLE uploads_rebuilt RENAME TO uploads;
CREATE INDEX uploads_owner ON uploads (owner_user_id);
CREATE INDEX uploads_org ON uploads (org_id);
