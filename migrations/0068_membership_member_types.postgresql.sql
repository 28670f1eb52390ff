-- The member directory (and a series' attendance report) list a page of an organisation's members with their member
-- types; those were a second query, a search of member_types for each person on the page (18 µs of the directory's
-- 58 µs on SQLite, bench/). Each membership now carries a copy of its member types (codes, comma-separated, in no
-- particular order), kept by triggers as group_members' copy is (migration 0025): whichever code path changes a
-- person's member types, their membership follows in the same transaction.
ALTER TABLE memberships ADD COLUMN member_types TEXT NOT NULL DEFAULT '';
UPDATE memberships SET member_types = COALESCE((SELECT string_agg(t.type, ',') FROM member_types t WHERE t.org_id = memberships.org_id AND t.user_id = memberships.user_id), '');
CREATE FUNCTION membership_member_types() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN UPDATE memberships SET member_types = COALESCE((SELECT string_agg(t.type, ',') FROM member_types t WHERE t.org_id = OLD.org_id AND t.user_id = OLD.user_id), '') WHERE org_id = OLD.org_id AND user_id = OLD.user_id; END IF; IF TG_OP <> 'DELETE' THEN UPDATE memberships SET member_types = COALESCE((SELECT string_agg(t.type, ',') FROM member_types t WHERE t.org_id = NEW.org_id AND t.user_id = NEW.user_id), '') WHERE org_id = NEW.org_id AND user_id = NEW.user_id; END IF; RETURN NULL; END $$;
CREATE TRIGGER membership_member_types_kept AFTER INSERT OR UPDATE OR DELETE ON member_types FOR EACH ROW EXECUTE FUNCTION membership_member_types();
