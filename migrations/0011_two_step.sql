-- Two-step sign-in (TOTP). secret is the base32 key shared with the person's authenticator app: codes are checked
-- with it, so it cannot be hashed. enabled_at is NULL while the person is still setting it up. last_step is the
-- newest 30-second step whose code was used, so a code works once.
CREATE TABLE two_step (
  user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret TEXT NOT NULL,
  enabled_at BIGINT,
  last_step BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

-- One-time recovery codes for when the phone is lost; only their hashes are kept.
CREATE TABLE two_step_recovery_codes (
  {{id}},
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX two_step_recovery_codes_user ON two_step_recovery_codes (user_id);

-- A sign-in waiting for its second step: the first step (password or email) succeeded in the browser holding the
-- cookie whose hash is token_hash. It works for 10 minutes and dies after 5 wrong codes.
CREATE TABLE two_step_challenges (
  {{id}},
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  next_path TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  wrong_codes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX two_step_challenges_user ON two_step_challenges (user_id);
