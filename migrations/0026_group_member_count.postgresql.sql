-- Every group's page and every line of the list of groups say how many people are in it. Counting them was a
-- subquery per group, and the list computes its columns for every group it sorts (500 in the bench) before it keeps
-- a page of them (docs/PERFORMANCE.md). The count is kept by a trigger, so every way a member comes or goes (joining,
-- leaving, removal, an erased account's cascade) keeps it right.
ALTER TABLE org_groups ADD COLUMN member_count BIGINT NOT NULL DEFAULT 0;
UPDATE org_groups SET member_count = (SELECT COUNT(*) FROM group_members m WHERE m.group_id = org_groups.id);
CREATE FUNCTION group_members_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN UPDATE org_groups SET member_count = member_count + 1 WHERE id = NEW.group_id; ELSE UPDATE org_groups SET member_count = member_count - 1 WHERE id = OLD.group_id; END IF; RETURN NULL; END $$;
CREATE TRIGGER group_members_counted AFTER INSERT OR DELETE ON group_members FOR EACH ROW EXECUTE FUNCTION group_members_count();
