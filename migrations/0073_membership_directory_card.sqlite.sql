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
UPDATE memberships SET name = COALESCE((SELECT u.name FROM users u WHERE u.id = memberships.user_id), ''), pronouns = COALESCE((SELECT p.pronouns FROM profiles p WHERE p.user_id = memberships.user_id), ''), interests = COALESCE((SELECT group_concat(i.tag, ',') FROM profile_interests i WHERE i.user_id = memberships.user_id), '');
UPDATE memberships SET sort_name = lower(name);
DROP INDEX memberships_directory;
CREATE INDEX memberships_directory ON memberships (org_id, sort_name, user_id, role, created_at, member_types, name, pronouns, interests);
CREATE TRIGGER membership_card_copied AFTER INSERT ON memberships BEGIN UPDATE memberships SET name = COALESCE((SELECT u.name FROM users u WHERE u.id = NEW.user_id), ''), sort_name = lower(COALESCE((SELECT u.name FROM users u WHERE u.id = NEW.user_id), '')), pronouns = COALESCE((SELECT p.pronouns FROM profiles p WHERE p.user_id = NEW.user_id), ''), interests = COALESCE((SELECT group_concat(i.tag, ',') FROM profile_interests i WHERE i.user_id = NEW.user_id), '') WHERE org_id = NEW.org_id AND user_id = NEW.user_id; END;
CREATE TRIGGER membership_card_renamed AFTER UPDATE OF name ON users BEGIN UPDATE memberships SET name = NEW.name, sort_name = lower(NEW.name) WHERE user_id = NEW.id; END;
CREATE TRIGGER membership_card_profile_added AFTER INSERT ON profiles BEGIN UPDATE memberships SET pronouns = NEW.pronouns WHERE user_id = NEW.user_id; END;
CREATE TRIGGER membership_card_pronouns AFTER UPDATE OF pronouns ON profiles BEGIN UPDATE memberships SET pronouns = NEW.pronouns WHERE user_id = NEW.user_id; END;
CREATE TRIGGER membership_card_profile_removed AFTER DELETE ON profiles BEGIN UPDATE memberships SET pronouns = '' WHERE user_id = OLD.user_id; END;
CREATE TRIGGER membership_card_interest_added AFTER INSERT ON profile_interests BEGIN UPDATE memberships SET interests = COALESCE((SELECT group_concat(i.tag, ',') FROM profile_interests i WHERE i.user_id = NEW.user_id), '') WHERE user_id = NEW.user_id; END;
CREATE TRIGGER membership_card_interest_removed AFTER DELETE ON profile_interests BEGIN UPDATE memberships SET interests = COALESCE((SELECT group_concat(i.tag, ',') FROM profile_interests i WHERE i.user_id = OLD.user_id), '') WHERE user_id = OLD.user_id; END;
CREATE TRIGGER membership_card_interest_changed AFTER UPDATE ON profile_interests BEGIN UPDATE memberships SET interests = COALESCE((SELECT group_concat(i.tag, ',') FROM profile_interests i WHERE i.user_id = OLD.user_id), '') WHERE user_id = OLD.user_id; UPDATE memberships SET interests = COALESCE((SELECT group_concat(i.tag, ',') FROM profile_interests i WHERE i.user_id = NEW.user_id), '') WHERE user_id = NEW.user_id; END;
