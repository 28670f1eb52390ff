-- Stand-ins for a password reset link and its email, written when "Forgot your password?" sends nothing (no account
-- has the address, or it asked too often). The request then does the same database work as one that sends a link (a
-- count, a write transaction with two rows and an audit entry, a commit), so the time it takes does not tell whether
-- an account exists. No personal data: a hash of a random token that is never sent, and when. Housekeeping deletes
-- them after a day.
CREATE TABLE password_reset_decoys (
  {{id}},
  token_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX password_reset_decoys_created ON password_reset_decoys (created_at);
