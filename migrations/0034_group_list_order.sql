-- The list of an organisation's groups is read a page at a time in this order (open before archived, then by
-- name), after the last group of the page before: an index in that order lets a page start where the last one
-- ended, however many groups there are.
CREATE INDEX org_groups_listed ON org_groups (org_id, (CASE WHEN archived_at IS NULL THEN 0 ELSE 1 END), lower(name), id);
