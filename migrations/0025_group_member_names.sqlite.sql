-- A group's page lists its people with their names and member types. Reading them meant a look-up in users and one
-- in member_types for each person: 276 thousand instructions for a group of 22, a third of the page
-- (docs/PERFORMANCE.md). Each membership of a group now carries a copy of the person's name and their member types
-- in the organisation (codes, comma-separated), kept by triggers: whichever code path renames a person or changes
-- their member types, every group they are in follows in the same transaction.
ALTER TABLE group_members ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE group_members ADD COLUMN member_types TEXT NOT NULL DEFAULT '';
UPDATE group_members SET name = COALESCE((SELECT u.name FROM users u WHERE u.id = group_members.user_id), ''), member_types = COALESCE((SELECT group_concat(t.type, ',') FROM member_types t WHERE t.org_id = group_members.org_id AND t.user_id = group_members.user_id), '');
CREATE TRIGGER group_member_copied AFTER INSERT ON group_members BEGIN UPDATE group_members SET name = COALESCE((SELECT u.name FROM users u WHERE u.id = NEW.user_id), ''), member_types = COALESCE((SELECT group_concat(t.type, ',') FROM member_types t WHERE t.org_id = NEW.org_id AND t.user_id = NEW.user_id), '') WHERE group_id = NEW.group_id AND user_id = NEW.user_id; END;
CREATE TRIGGER group_member_renamed AFTER UPDATE OF name ON users BEGIN UPDATE group_members SET name = NEW.name WHERE user_id = NEW.id; END;
CREATE TRIGGER group_member_type_added AFTER INSERT ON member_types BEGIN UPDATE group_members SET member_types = COALESCE((SELECT group_concat(t.type, ',') FROM member_types t WHERE t.org_id = NEW.org_id AND t.user_id = NEW.user_id), '') WHERE user_id = NEW.user_id AND org_id = NEW.org_id; END;
CREATE TRIGGER group_member_type_removed AFTER DELETE ON member_types BEGIN UPDATE group_members SET member_types = COALESCE((SELECT group_concat(t.type, ',') FROM member_types t WHERE t.org_id = OLD.org_id AND t.user_id = OLD.user_id), '') WHERE user_id = OLD.user_id AND org_id = OLD.org_id; END;
CREATE TRIGGER group_member_type_changed AFTER UPDATE ON member_types BEGIN UPDATE group_members SET member_types = COALESCE((SELECT group_concat(t.type, ',') FROM member_types t WHERE t.org_id = OLD.org_id AND t.user_id = OLD.user_id), '') WHERE user_id = OLD.user_id AND org_id = OLD.org_id; UPDATE group_members SET member_types = COALESCE((SELECT group_concat(t.type, ',') FROM member_types t WHERE t.org_id = NEW.org_id AND t.user_id = NEW.user_id), '') WHERE user_id = NEW.user_id AND org_id = NEW.org_id; END;
