-- A search document may belong to a group (a discussion's topics and replies): only the group's members find it,
-- whatever its org_id says (db/search.cpp, scope_clause). NULL: not tied to a group, found as before.
ALTER TABLE search_documents ADD COLUMN group_id BIGINT;
-- A group's documents are found by group (to take them all out when the group goes); most documents have no group,
-- so the index holds only those that do.
CREATE INDEX search_documents_group ON search_documents (group_id) WHERE group_id IS NOT NULL;
