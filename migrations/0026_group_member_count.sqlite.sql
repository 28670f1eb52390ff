-- Every group's page and every line of the list of groups say how many people are in it. Counting them was a
-- subquery per group, and the list computes its columns for every group it sorts (500 in the bench) before it keeps
-- a page of them (docs/PERFORMANCE.md). The count is kept by triggers, so every way a member comes or goes (joining,
-- leaving, removal, an erased account's cascade) keeps it right.
ALTER TABLE org_groups ADD COLUMN member_count BIGINT NOT NULL DEFAULT 0;
UPDATE org_groups SET member_count = (SELECT COUNT(*) FROM group_members m WHERE m.group_id = org_groups.id);
CREATE TRIGGER group_members_counted AFTER INSERT ON group_members BEGIN UPDATE org_groups SET member_count = member_count + 1 WHERE id = NEW.group_id; END;
CREATE TRIGGER group_members_uncounted AFTER DELETE ON group_members BEGIN UPDATE org_groups SET member_count = member_count - 1 WHERE id = OLD.group_id; END;
