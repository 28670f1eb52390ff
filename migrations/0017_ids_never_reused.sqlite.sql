-- roundtable: foreign keys off
-- Ids are never given out twice (issue #12 item 2). Without AUTOINCREMENT, SQLite numbers a new row max(id) + 1, so
-- after the newest account was erased the next person to join got its id: the audit log showed the erased person's
-- "Account deleted" under the new person's name, and the new person's data download held the erased person's audit
-- entries. With AUTOINCREMENT, SQLite keeps the highest id ever used in sqlite_sequence and never goes below it.
-- Tables made before this migration are rebuilt with AUTOINCREMENT, keeping every row, id, index and trigger; the
-- migrator runs this one with foreign keys off (the first line) and checks every foreign key before it commits.
-- Tables made by later migrations get AUTOINCREMENT from the id placeholder itself (db/migrator.cpp).
-- Ids erased before this migration cannot all be known. The audit log keeps the ids of erased people, so the
-- account numbers start above every id it names; other tables start above their highest id still there.

CREATE TABLE search_documents_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id BIGINT,
  kind TEXT NOT NULL,
  ref TEXT NOT NULL,
  lang TEXT NOT NULL DEFAULT 'en',
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  UNIQUE (kind, ref)
);
INSERT INTO search_documents_rebuilt (id, org_id, kind, ref, lang, title, body, url, updated_at)
  SELECT id, org_id, kind, ref, lang, title, body, url, updated_at FROM search_documents;
DROP TABLE search_documents;
ALTER TABLE search_documents_rebuilt RENAME TO search_documents;
CREATE INDEX search_documents_org ON search_documents (org_id);

CREATE TABLE mail_outbox_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  to_address TEXT NOT NULL,
  to_name TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT 'en',
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  sent_at BIGINT
);
INSERT INTO mail_outbox_rebuilt (id, to_address, to_name, lang, subject, text_body, html_body, status, attempts,
    next_attempt_at, lease_until, last_error, created_at, sent_at)
  SELECT id, to_address, to_name, lang, subject, text_body, html_body, status, attempts, next_attempt_at, lease_until,
    last_error, created_at, sent_at FROM mail_outbox;
DROP TABLE mail_outbox;
ALTER TABLE mail_outbox_rebuilt RENAME TO mail_outbox;
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);

-- The membership count triggers name organisations, and SQLite will not rename a table while a trigger names a table
-- that is not there: they are dropped here and made again, as migration 15 wrote them, once organisations is back.
DROP TRIGGER memberships_counted;
DROP TRIGGER memberships_uncounted;
CREATE TABLE organisations_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  languages TEXT NOT NULL DEFAULT 'en,cy',
  signup_mode TEXT NOT NULL DEFAULT 'invitation' CHECK (signup_mode IN ('invitation', 'open')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  logo_upload_id BIGINT REFERENCES uploads (id) ON DELETE SET NULL,
  member_count BIGINT NOT NULL DEFAULT 0
);
INSERT INTO organisations_rebuilt (id, slug, name, languages, signup_mode, created_at, updated_at, logo_upload_id,
    member_count)
  SELECT id, slug, name, languages, signup_mode, created_at, updated_at, logo_upload_id, member_count FROM organisations;
DROP TABLE organisations;
ALTER TABLE organisations_rebuilt RENAME TO organisations;
CREATE TRIGGER memberships_counted AFTER INSERT ON memberships BEGIN UPDATE organisations SET member_count = member_count + 1 WHERE id = NEW.org_id; END;
CREATE TRIGGER memberships_uncounted AFTER DELETE ON memberships BEGIN UPDATE organisations SET member_count = member_count - 1 WHERE id = OLD.org_id; END;

CREATE TABLE users_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT,
  lang TEXT NOT NULL DEFAULT 'en',
  platform_admin INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
INSERT INTO users_rebuilt (id, email, name, password_hash, lang, platform_admin, created_at, updated_at)
  SELECT id, email, name, password_hash, lang, platform_admin, created_at, updated_at FROM users;
DROP TABLE users;
ALTER TABLE users_rebuilt RENAME TO users;

CREATE TABLE audit_log_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
  actor_user_id BIGINT,
  subject_user_id BIGINT,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
INSERT INTO audit_log_rebuilt (id, org_id, actor_user_id, subject_user_id, action, detail, created_at)
  SELECT id, org_id, actor_user_id, subject_user_id, action, detail, created_at FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_rebuilt RENAME TO audit_log;
CREATE INDEX audit_log_org ON audit_log (org_id, id);
CREATE INDEX audit_log_subject ON audit_log (subject_user_id);

CREATE TABLE consents_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('store_data', 'contact', 'public_use')),
  version INTEGER NOT NULL,
  lang TEXT NOT NULL,
  wording TEXT NOT NULL,
  given INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);
INSERT INTO consents_rebuilt (id, user_id, purpose, version, lang, wording, given, created_at)
  SELECT id, user_id, purpose, version, lang, wording, given, created_at FROM consents;
DROP TABLE consents;
ALTER TABLE consents_rebuilt RENAME TO consents;
CREATE INDEX consents_user ON consents (user_id, purpose, id);

CREATE TABLE invitations_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('org_admin', 'facilitator', 'finance', 'member')),
  member_types TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT 'en',
  token_hash TEXT NOT NULL UNIQUE,
  invited_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  sent_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  accepted_at BIGINT,
  revoked_at BIGINT,
  self_requested INTEGER NOT NULL DEFAULT 0
);
INSERT INTO invitations_rebuilt (id, org_id, email, name, role, member_types, message, lang, token_hash, invited_by,
    created_at, sent_at, expires_at, accepted_at, revoked_at, self_requested)
  SELECT id, org_id, email, name, role, member_types, message, lang, token_hash, invited_by, created_at, sent_at,
    expires_at, accepted_at, revoked_at, self_requested FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_rebuilt RENAME TO invitations;
CREATE INDEX invitations_org ON invitations (org_id, email);

CREATE TABLE sign_in_links_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  code_hash TEXT NOT NULL,
  browser_hash TEXT NOT NULL,
  next_path TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  wrong_codes INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sign_in_links_rebuilt (id, user_id, token_hash, code_hash, browser_hash, next_path, created_at,
    expires_at, used_at, wrong_codes)
  SELECT id, user_id, token_hash, code_hash, browser_hash, next_path, created_at, expires_at, used_at, wrong_codes
  FROM sign_in_links;
DROP TABLE sign_in_links;
ALTER TABLE sign_in_links_rebuilt RENAME TO sign_in_links;
CREATE INDEX sign_in_links_browser ON sign_in_links (browser_hash, created_at);
CREATE INDEX sign_in_links_user ON sign_in_links (user_id, created_at);

CREATE TABLE two_step_recovery_codes_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  used_at BIGINT
);
INSERT INTO two_step_recovery_codes_rebuilt (id, user_id, code_hash, created_at, used_at)
  SELECT id, user_id, code_hash, created_at, used_at FROM two_step_recovery_codes;
DROP TABLE two_step_recovery_codes;
ALTER TABLE two_step_recovery_codes_rebuilt RENAME TO two_step_recovery_codes;
CREATE INDEX two_step_recovery_codes_user ON two_step_recovery_codes (user_id);

CREATE TABLE two_step_challenges_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  next_path TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  wrong_codes INTEGER NOT NULL DEFAULT 0
);
INSERT INTO two_step_challenges_rebuilt (id, user_id, token_hash, next_path, created_at, expires_at, wrong_codes)
  SELECT id, user_id, token_hash, next_path, created_at, expires_at, wrong_codes FROM two_step_challenges;
DROP TABLE two_step_challenges;
ALTER TABLE two_step_challenges_rebuilt RENAME TO two_step_challenges;
CREATE INDEX two_step_challenges_user ON two_step_challenges (user_id);

CREATE TABLE uploads_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO uploads_rebuilt (id, public_id, owner_user_id, org_id, purpose, mime, kind, bytes, width, height,
    original_name, storage_key, created_at)
  SELECT id, public_id, owner_user_id, org_id, purpose, mime, kind, bytes, width, height, original_name, storage_key,
    created_at FROM uploads;
DROP TABLE uploads;
ALTER TABLE uploads_rebuilt RENAME TO uploads;
CREATE INDEX uploads_owner ON uploads (owner_user_id);
CREATE INDEX uploads_org ON uploads (org_id);

CREATE TABLE about_me_items_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO about_me_items_rebuilt (id, user_id, position, kind, title, body, upload_id, caption, transcript,
    created_at, updated_at)
  SELECT id, user_id, position, kind, title, body, upload_id, caption, transcript, created_at, updated_at
  FROM about_me_items;
DROP TABLE about_me_items;
ALTER TABLE about_me_items_rebuilt RENAME TO about_me_items;
CREATE INDEX about_me_items_user ON about_me_items (user_id, position);

-- Account numbers start above every id the audit log names, including people erased before this migration.
INSERT INTO sqlite_sequence (name, seq) SELECT 'users', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'users');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(actor_user_id) FROM audit_log), 0), coalesce((SELECT max(subject_user_id) FROM audit_log), 0)) WHERE name = 'users';
