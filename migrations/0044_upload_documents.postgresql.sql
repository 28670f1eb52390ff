-- Meeting papers may be documents (PDF, Word, OpenDocument text; issue #14 item 7, ADR 0030): uploads.kind may now be
-- 'document'.
ALTER TABLE uploads DROP CONSTRAINT uploads_kind_check;
ALTER TABLE uploads ADD CONSTRAINT uploads_kind_check CHECK (kind IN ('image', 'audio', 'video', 'document'));
