-- Email waiting to be sent, and what happened to it. A message is written in the same transaction as the change
-- that causes it, so none is lost if the server stops or the mail server is down; the outbox worker sends it.
CREATE TABLE mail_outbox (
  {{id}},
  to_address TEXT NOT NULL,
  to_name TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT 'en',
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  -- While 'sending': when another worker may take it over (the first one stopped).
  lease_until BIGINT NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  sent_at BIGINT
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
