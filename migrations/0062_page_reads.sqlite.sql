-- What a topic's page and the groups' pages read, kept where one range of one index gives it (docs/PERFORMANCE.md,
-- "Topic and group pages: counts kept, indexes that cover").
--
-- Reactions: each post's count of each kind is kept on the post by triggers, so every way a reaction comes or goes
-- (pressing a button, an erased account's cascade, a post deleted) keeps it right, and a page no longer counts every
-- reaction to its posts. Whose they are is read by the person and the post (discussion_reactions_mine, which also
-- serves erasing a person's reactions, as discussion_reactions_user did).
ALTER TABLE discussion_posts ADD COLUMN agree_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE discussion_posts ADD COLUMN thanks_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE discussion_posts ADD COLUMN me_too_count BIGINT NOT NULL DEFAULT 0;
UPDATE discussion_posts SET agree_count = (SELECT COUNT(*) FROM discussion_reactions r WHERE r.post_id = discussion_posts.id AND r.kind = 'agree'), thanks_count = (SELECT COUNT(*) FROM discussion_reactions r WHERE r.post_id = discussion_posts.id AND r.kind = 'thanks'), me_too_count = (SELECT COUNT(*) FROM discussion_reactions r WHERE r.post_id = discussion_posts.id AND r.kind = 'me_too');
CREATE TRIGGER discussion_reactions_counted AFTER INSERT ON discussion_reactions BEGIN UPDATE discussion_posts SET agree_count = agree_count + (CASE WHEN NEW.kind = 'agree' THEN 1 ELSE 0 END), thanks_count = thanks_count + (CASE WHEN NEW.kind = 'thanks' THEN 1 ELSE 0 END), me_too_count = me_too_count + (CASE WHEN NEW.kind = 'me_too' THEN 1 ELSE 0 END) WHERE id = NEW.post_id; END;
CREATE TRIGGER discussion_reactions_uncounted AFTER DELETE ON discussion_reactions BEGIN UPDATE discussion_posts SET agree_count = agree_count - (CASE WHEN OLD.kind = 'agree' THEN 1 ELSE 0 END), thanks_count = thanks_count - (CASE WHEN OLD.kind = 'thanks' THEN 1 ELSE 0 END), me_too_count = me_too_count - (CASE WHEN OLD.kind = 'me_too' THEN 1 ELSE 0 END) WHERE id = OLD.post_id; END;
DROP INDEX discussion_reactions_user;
CREATE INDEX discussion_reactions_mine ON discussion_reactions (user_id, post_id, kind);
--
-- The list of groups: a group's row holds its long texts (terms, ground rules, principles), so the columns a list
-- shows after them were read from overflow pages, a few per group. The list's order (0034's org_groups_listed) now
-- carries the columns the list shows, so the list reads the index alone. (PostgreSQL keeps long texts out of the row
-- already, and a purpose may be longer than its index entries may be: it keeps 0034's index.)
DROP INDEX org_groups_listed;
CREATE INDEX org_groups_listed ON org_groups (org_id, (CASE WHEN archived_at IS NULL THEN 0 ELSE 1 END), lower(name), id, name, purpose, kind, stage, visibility, archived_at, member_count, picture_upload_id);
--
-- A group's first people (its home page), in the order the page shows them: who runs it first, then by name. A
-- range of this index instead of every member sorted; it carries what the page shows of each.
CREATE INDEX group_members_listed ON group_members (group_id, (CASE role WHEN 'lead' THEN 0 WHEN 'facilitator' THEN 1 WHEN 'member' THEN 2 ELSE 3 END), name, user_id, role, joined_at, member_types);
