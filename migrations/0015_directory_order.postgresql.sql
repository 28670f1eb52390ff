-- The member directory lists an organisation's members by name, a page at a time. With the sort key on the
-- membership and an index in that order, a page is read straight from the index (20 rows), whatever the size of the
-- organisation; sorting every member on every page cost milliseconds at 10,000 members (docs/PERFORMANCE.md).
-- sort_name is lower(users.name), kept by the code that writes memberships and names.
ALTER TABLE memberships ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';
UPDATE memberships SET sort_name = (SELECT lower(u.name) FROM users u WHERE u.id = memberships.user_id);
CREATE INDEX memberships_directory ON memberships (org_id, sort_name, user_id);
-- The directory says how many members there are on every page; counting 10,000 index entries each time cost more
-- than the rest of the page. The count is kept by a trigger, so every way a membership comes or goes (joining,
-- removal, an erased account's cascade) keeps it right.
ALTER TABLE organisations ADD COLUMN member_count BIGINT NOT NULL DEFAULT 0;
UPDATE organisations SET member_count = (SELECT COUNT(*) FROM memberships m WHERE m.org_id = organisations.id);
CREATE FUNCTION memberships_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN UPDATE organisations SET member_count = member_count + 1 WHERE id = NEW.org_id; ELSE UPDATE organisations SET member_count = member_count - 1 WHERE id = OLD.org_id; END IF; RETURN NULL; END $$;
CREATE TRIGGER memberships_counted AFTER INSERT OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION memberships_count();
