-- Invitations to join an organisation. token_hash is a hash of the secret in the emailed link (a new secret each
-- time it is sent again). An invitation is open until it is accepted, revoked or expires.
CREATE TABLE invitations (
  {{id}},
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
  revoked_at BIGINT
);
CREATE INDEX invitations_org ON invitations (org_id, email);
