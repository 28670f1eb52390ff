-- The member directory and a series' attendance report read an organisation's memberships in name order along
-- memberships_directory, and each row they read was then looked up in the table for its role, when the person joined
-- and their member types (migration 0068). With those in the index, a page is one range of it: the report steps over
-- about four memberships for each one it shows (those its rule does not cover), and each was a search of the table.
DROP INDEX memberships_directory;
CREATE INDEX memberships_directory ON memberships (org_id, sort_name, user_id, role, created_at, member_types);
