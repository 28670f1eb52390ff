-- Sign-in by email, without a password. The email holds a link and a 6-digit code; both only work in the
-- browser that asked (browser_hash is a hash of a secret cookie set there). token_hash and code_hash are
-- hashes: the secrets are never stored. A request works once, for 15 minutes, and dies after 5 wrong codes.
CREATE TABLE sign_in_links (
  {{id}},
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
CREATE INDEX sign_in_links_browser ON sign_in_links (browser_hash, created_at);
CREATE INDEX sign_in_links_user ON sign_in_links (user_id, created_at);
