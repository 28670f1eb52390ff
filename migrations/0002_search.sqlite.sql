-- Documents that can be found by full-text search; org_id NULL means public.
CREATE TABLE search_documents (
  id INTEGER PRIMARY KEY,
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
CREATE INDEX search_documents_org ON search_documents (org_id);
CREATE VIRTUAL TABLE search_fts USING fts5(
  title, body,
  content = 'search_documents', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
