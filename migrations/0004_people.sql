-- Organisations (tenants). Nothing is shared between them unless it is public.
CREATE TABLE organisations (
  {{id}},
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  -- Languages offered, comma-separated codes in order of preference, e.g. 'en,cy'.
  languages TEXT NOT NULL DEFAULT 'en,cy',
  signup_mode TEXT NOT NULL DEFAULT 'invitation' CHECK (signup_mode IN ('invitation', 'open')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- People with an account. email is stored trimmed and lower-cased.
CREATE TABLE users (
  {{id}},
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT,
  lang TEXT NOT NULL DEFAULT 'en',
  platform_admin INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- Who belongs to which organisation, with one role there.
CREATE TABLE memberships (
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('org_admin', 'facilitator', 'finance', 'member')),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

-- How a member takes part; several allowed.
CREATE TABLE member_types (
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('lived_experience', 'unpaid_carer', 'staff', 'partner_organisation')),
  PRIMARY KEY (org_id, user_id, type),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);

-- Sensitive actions. Never holds the sensitive data itself; user ids are kept when a person is erased
-- (they then show as "former member").
CREATE TABLE audit_log (
  {{id}},
  org_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
  actor_user_id BIGINT,
  subject_user_id BIGINT,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX audit_log_org ON audit_log (org_id, id);
CREATE INDEX audit_log_subject ON audit_log (subject_user_id);

-- Failed sign-ins, for rate limits per account and per address. key is a hash, never the address itself.
CREATE TABLE sign_in_failures (
  key TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures (key, at);

CREATE INDEX sessions_user ON sessions (user_id);
