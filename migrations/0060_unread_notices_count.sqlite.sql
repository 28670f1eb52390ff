-- The unread count in an organisation's navigation (src/notifications, ADR 0045) is on every page of the organisation
-- a member opens, so it is read with the session, in the same statement (app/session_store.cpp), from a counter per
-- person and organisation rather than by counting notices. Triggers keep the counter with every change to notices,
-- in the same transaction, whatever module, command or cascade makes it (a group deleted takes its notices with it),
-- so no code path can forget to. Rows at 0 stay; the session's read skips them.
CREATE TABLE unread_notices (
  user_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL,
  unread BIGINT NOT NULL,
  PRIMARY KEY (user_id, org_id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
INSERT INTO unread_notices (user_id, org_id, unread) SELECT user_id, org_id, COUNT(*) FROM notices WHERE read_at IS NULL GROUP BY user_id, org_id;
CREATE TRIGGER unread_notice_added AFTER INSERT ON notices WHEN NEW.read_at IS NULL BEGIN INSERT INTO unread_notices (user_id, org_id, unread) VALUES (NEW.user_id, NEW.org_id, 1) ON CONFLICT (user_id, org_id) DO UPDATE SET unread = unread + 1; END;
CREATE TRIGGER unread_notice_read AFTER UPDATE OF read_at ON notices WHEN OLD.read_at IS NULL AND NEW.read_at IS NOT NULL BEGIN UPDATE unread_notices SET unread = unread - 1 WHERE user_id = OLD.user_id AND org_id = OLD.org_id; END;
CREATE TRIGGER unread_notice_unread AFTER UPDATE OF read_at ON notices WHEN OLD.read_at IS NOT NULL AND NEW.read_at IS NULL BEGIN INSERT INTO unread_notices (user_id, org_id, unread) VALUES (NEW.user_id, NEW.org_id, 1) ON CONFLICT (user_id, org_id) DO UPDATE SET unread = unread + 1; END;
CREATE TRIGGER unread_notice_removed AFTER DELETE ON notices WHEN OLD.read_at IS NULL BEGIN UPDATE unread_notices SET unread = unread - 1 WHERE user_id = OLD.user_id AND org_id = OLD.org_id; END;
