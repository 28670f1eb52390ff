-- What a topic's page and the groups' pages read, kept where one range of one index gives it (docs/PERFORMANCE.md,
-- "Topic and group pages: counts kept, indexes that cover").
--
-- Reactions: each post's count of each kind is kept on the post by a trigger, so every way a reaction comes or goes
-- (pressing a button, an erased account's cascade, a post deleted) keeps it right, and a page no longer counts every
-- reaction to its posts. Whose they are is read by the person and the post (discussion_reactions_mine, which also
-- serves erasing a person's reactions, as discussion_reactions_user did).
ALTER TABLE discussion_posts ADD COLUMN agree_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE discussion_posts ADD COLUMN thanks_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE discussion_posts ADD COLUMN me_too_count BIGINT NOT NULL DEFAULT 0;
UPDATE discussion_posts SET agree_count = (SELECT COUNT(*) FROM discussion_reactions r WHERE r.post_id = discussion_posts.id AND r.kind = 'agree'), thanks_count = (SELECT COUNT(*) FROM discussion_reactions r WHERE r.post_id = discussion_posts.id AND r.kind = 'thanks'), me_too_count = (SELECT COUNT(*) FROM discussion_reactions r WHERE r.post_id = discussion_posts.id AND r.kind = 'me_too');
CREATE FUNCTION discussion_reactions_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN UPDATE discussion_posts SET agree_count = agree_count + (CASE WHEN NEW.kind = 'agree' THEN 1 ELSE 0 END), thanks_count = thanks_count + (CASE WHEN NEW.kind = 'thanks' THEN 1 ELSE 0 END), me_too_count = me_too_count + (CASE WHEN NEW.kind = 'me_too' THEN 1 ELSE 0 END) WHERE id = NEW.post_id; ELSE UPDATE discussion_posts SET agree_count = agree_count - (CASE WHEN OLD.kind = 'agree' THEN 1 ELSE 0 END), thanks_count = thanks_count - (CASE WHEN OLD.kind = 'thanks' THEN 1 ELSE 0 END), me_too_count = me_too_count - (CASE WHEN OLD.kind = 'me_too' THEN 1 ELSE 0 END) WHERE id = OLD.post_id; END IF; RETURN NULL; END $$;
CREATE TRIGGER discussion_reactions_counted AFTER INSERT OR DELETE ON discussion_reactions FOR EACH ROW EXECUTE FUNCTION discussion_reactions_count();
DROP INDEX discussion_reactions_user;
CREATE INDEX discussion_reactions_mine ON discussion_reactions (user_id, post_id, kind);
--
-- The list of groups: on SQLite a group's row holds its long texts, and the list's order index now carries the
-- columns the list shows. PostgreSQL keeps long texts out of the row already, and a purpose may be longer than its
-- index entries may be: it keeps 0034's org_groups_listed.
--
-- A group's first people (its home page), in the order the page shows them: who runs it first, then by name. A
-- range of this index instead of every member sorted; it carries what the page shows of each.
CREATE INDEX group_members_listed ON group_members (group_id, (CASE role WHEN 'lead' THEN 0 WHEN 'facilitator' THEN 1 WHEN 'member' THEN 2 ELSE 3 END), name, user_id, role, joined_at, member_types);
