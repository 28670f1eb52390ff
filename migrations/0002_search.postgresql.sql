-- Documents that can be found by full-text search; org_id NULL means public.
-- The 'simple' configuration: no stemming, so English and Welsh are treated alike.
CREATE TABLE search_documents (
  id BIGSERIAL PRIMARY KEY,
  org_id BIGINT,
  kind TEXT NOT NULL,
  ref TEXT NOT NULL,
  lang TEXT NOT NULL DEFAULT 'en',
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')
  ) STORED,
  UNIQUE (kind, ref)
);
CREATE INDEX search_documents_org ON search_documents (org_id);
CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv);
