-- An organisation's own accessibility statement about the content it adds (one per organisation), shown to everyone
-- at /accessibility/{org} once published. No personal data: the contact details are the organisation's.
CREATE TABLE accessibility_statements (
  org_id BIGINT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
  compliance TEXT NOT NULL CHECK (compliance IN ('full', 'partial', 'none')),
  known_problems TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  reply_days INTEGER NOT NULL,
  published INTEGER NOT NULL DEFAULT 0,
  prepared_at BIGINT NOT NULL,
  reviewed_at BIGINT NOT NULL
);
CREATE INDEX accessibility_statements_published ON accessibility_statements (published);
