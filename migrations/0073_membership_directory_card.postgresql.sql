-- The member directory showed each person on its page with a look-up in users for their name, one in profiles (its
-- index, then its table) for their pronouns, and a second statement that read the page's people again for their
-- interests: about half of the page's CPU on SQLite (docs/PERFORMANCE.md). Each membership now carries a copy of the
-- person's name, pronouns and interests (tags, comma-separated: a tag never holds a comma, parse_interests splits on
-- them), kept by triggers as its member types are (migration 0068): whichever code path renames a person, changes
-- their profile or joins them to an organisation, their memberships follow in the same transaction. The directory's
-- index carries them, so a page is one range of it. sort_name (migration 0015) is now kept the same way.
ALTER TABLE memberships ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE memberships ADD COLUMN pronouns TEXT NOT NULL DEFAULT '';
ALTER TABLE memberships ADD COLUMN interests TEXT NOT NULL DEFAULT '';
UPDATE memberships SET name = COALESCE((SELECT u.name FROM users u WHERE u.id = memberships.user_id), ''), pronouns = COALESCE((SELECT p.pronouns FROM profiles p WHERE p.user_id = memberships.user_id), ''), interests = COALESCE((SELECT string_agg(i.tag, ',' ORDER BY i.tag) FROM profile_interests i WHERE i.user_id = memberships.user_id), '');
UPDATE memberships SET sort_name = lower(name);
DROP INDEX memberships_directory;
CREATE INDEX memberships_directory ON memberships (org_id, sort_name, user_id, role, created_at, member_types, name, pronouns, interests);
CREATE FUNCTION membership_card_copy() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := COALESCE((SELECT u.name FROM users u WHERE u.id = NEW.user_id), ''); NEW.sort_name := lower(NEW.name); NEW.pronouns := COALESCE((SELECT p.pronouns FROM profiles p WHERE p.user_id = NEW.user_id), ''); NEW.interests := COALESCE((SELECT string_agg(i.tag, ',' ORDER BY i.tag) FROM profile_interests i WHERE i.user_id = NEW.user_id), ''); RETURN NEW; END $$;
CREATE TRIGGER membership_card_copied BEFORE INSERT ON memberships FOR EACH ROW EXECUTE FUNCTION membership_card_copy();
CREATE FUNCTION membership_card_rename() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE memberships SET name = NEW.name, sort_name = lower(NEW.name) WHERE user_id = NEW.id; RETURN NULL; END $$;
CREATE TRIGGER membership_card_renamed AFTER UPDATE OF name ON users FOR EACH ROW EXECUTE FUNCTION membership_card_rename();
CREATE FUNCTION membership_card_pronouns() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' THEN UPDATE memberships SET pronouns = '' WHERE user_id = OLD.user_id; ELSE UPDATE memberships SET pronouns = NEW.pronouns WHERE user_id = NEW.user_id; END IF; RETURN NULL; END $$;
CREATE TRIGGER membership_card_pronouns_kept AFTER INSERT OR DELETE OR UPDATE OF pronouns ON profiles FOR EACH ROW EXECUTE FUNCTION membership_card_pronouns();
CREATE FUNCTION membership_card_interests() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN UPDATE memberships SET interests = COALESCE((SELECT string_agg(i.tag, ',' ORDER BY i.tag) FROM profile_interests i WHERE i.user_id = OLD.user_id), '') WHERE user_id = OLD.user_id; END IF; IF TG_OP <> 'DELETE' THEN UPDATE memberships SET interests = COALESCE((SELECT string_agg(i.tag, ',' ORDER BY i.tag) FROM profile_interests i WHERE i.user_id = NEW.user_id), '') WHERE user_id = NEW.user_id; END IF; RETURN NULL; END $$;
CREATE TRIGGER membership_card_interests_kept AFTER INSERT OR UPDATE OR DELETE ON profile_interests FOR EACH ROW EXECUTE FUNCTION membership_card_interests();
