-- "What happened to what I said" (/account/what-happened) lists a person's contributions in the groups they are
-- still in, newest change first. Migration 0064 let it skip the entries of groups they have left from the index, but
-- it still stepped over each of them on every view: 4,000 newer entries in a group the bench's member is not in cost
-- 270 µs of the server's CPU a page (docs/PERFORMANCE.md). author_in_group says on the entry whether its author is in
-- its group now; it is kept by triggers when an entry is made or moved and when anyone joins or leaves a group (rare,
-- and only that person's entries in that group change), so the page reads one range of the index and stops after a
-- page.
ALTER TABLE loop_items ADD COLUMN author_in_group INTEGER NOT NULL DEFAULT 0;
UPDATE loop_items SET author_in_group = CASE WHEN EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = loop_items.group_id AND gm.user_id = loop_items.author_id) THEN 1 ELSE 0 END;
CREATE TRIGGER loop_items_author_in_group_insert AFTER INSERT ON loop_items BEGIN UPDATE loop_items SET author_in_group = CASE WHEN EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = NEW.group_id AND gm.user_id = NEW.author_id) THEN 1 ELSE 0 END WHERE id = NEW.id; END;
CREATE TRIGGER loop_items_author_in_group_update AFTER UPDATE OF author_id, group_id ON loop_items BEGIN UPDATE loop_items SET author_in_group = CASE WHEN EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = NEW.group_id AND gm.user_id = NEW.author_id) THEN 1 ELSE 0 END WHERE id = NEW.id; END;
CREATE TRIGGER group_members_loop_items_insert AFTER INSERT ON group_members BEGIN UPDATE loop_items SET author_in_group = 1 WHERE author_id = NEW.user_id AND group_id = NEW.group_id; END;
CREATE TRIGGER group_members_loop_items_delete AFTER DELETE ON group_members BEGIN UPDATE loop_items SET author_in_group = 0 WHERE author_id = OLD.user_id AND group_id = OLD.group_id; END;
CREATE TRIGGER group_members_loop_items_update AFTER UPDATE OF group_id, user_id ON group_members BEGIN UPDATE loop_items SET author_in_group = 0 WHERE author_id = OLD.user_id AND group_id = OLD.group_id; UPDATE loop_items SET author_in_group = 1 WHERE author_id = NEW.user_id AND group_id = NEW.group_id; END;
DROP INDEX loop_items_author;
CREATE INDEX loop_items_author ON loop_items (author_id, author_in_group, changed_at, id);
