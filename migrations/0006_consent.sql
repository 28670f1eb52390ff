-- What each person agreed to, one row per decision: the purpose, the version and the exact wording they saw,
-- and whether they gave or withdrew consent. The newest row per purpose is the one in force.
CREATE TABLE consents (
  {{id}},
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('store_data', 'contact', 'public_use')),
  version INTEGER NOT NULL,
  lang TEXT NOT NULL,
  wording TEXT NOT NULL,
  given INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX consents_user ON consents (user_id, purpose, id);
