-- A group's page lists its people with their names and member types. Reading them meant a look-up in users and one
-- in member_types for each person: 276 thousand instructions for a group of 22, a third of the page
-- (docs/PERFORMANCE.md). Each membership of a group now carries a copy of the person's name and their member types
-- in the organisation (codes, comma-separated), kept by triggers: whichever code path renames a person or changes
-- their member types, every group they are in follows in the same transaction.
ALTER TABLE group_members ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE group_members ADD COLUMN member_types TEXT NOT NULL DEFAULT '';
UPDATE group_members SET name = COALESCE((SELECT u.name FROM users u WHERE u.id = group_members.user_id), ''), member_types = COALESCE((SELECT string_agg(t.type, ',') FROM member_types t WHERE t.org_id = group_members.org_id AND t.user_id = group_members.user_id), '');
CREATE FUNCTION group_member_copy() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := COALESCE((SELECT u.name FROM users u WHERE u.id = NEW.user_id), ''); NEW.member_types := COALESCE((SELECT string_agg(t.type, ',') FROM member_types t WHERE t.org_id = NEW.org_id AND t.user_id = NEW.user_id), ''); RETURN NEW; END $$;
CREATE TRIGGER group_member_copied BEFORE INSERT ON group_members FOR EACH ROW EXECUTE FUNCTION group_member_copy();
CREATE FUNCTION group_member_rename() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE group_members SET name = NEW.name WHERE user_id = NEW.id; RETURN NULL; END $$;
CREATE TRIGGER group_member_renamed AFTER UPDATE OF name ON users FOR EACH ROW EXECUTE FUNCTION group_member_rename();
CREATE FUNCTION group_member_types() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN UPDATE group_members SET member_types = COALESCE((SELECT string_agg(t.type, ',') FROM member_types t WHERE t.org_id = OLD.org_id AND t.user_id = OLD.user_id), '') WHERE user_id = OLD.user_id AND org_id = OLD.org_id; END IF; IF TG_OP <> 'DELETE' THEN UPDATE group_members SET member_types = COALESCE((SELECT string_agg(t.type, ',') FROM member_types t WHERE t.org_id = NEW.org_id AND t.user_id = NEW.user_id), '') WHERE user_id = NEW.user_id AND org_id = NEW.org_id; END IF; RETURN NULL; END $$;
CREATE TRIGGER group_member_types_kept AFTER INSERT OR UPDATE OR DELETE ON member_types FOR EACH ROW EXECUTE FUNCTION group_member_types();
