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
CREATE FUNCTION unread_notices_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' AND OLD.read_at IS NULL THEN UPDATE unread_notices SET unread = unread - 1 WHERE user_id = OLD.user_id AND org_id = OLD.org_id; END IF; IF TG_OP <> 'DELETE' AND NEW.read_at IS NULL THEN INSERT INTO unread_notices (user_id, org_id, unread) VALUES (NEW.user_id, NEW.org_id, 1) ON CONFLICT (user_id, org_id) DO UPDATE SET unread = unread_notices.unread + 1; END IF; RETURN NULL; END $$;
CREATE TRIGGER unread_notice_added AFTER INSERT ON notices FOR EACH ROW WHEN (NEW.read_at IS NULL) EXECUTE FUNCTION unread_notices_count();
CREATE TRIGGER unread_notice_read AFTER UPDATE OF read_at ON notices FOR EACH ROW WHEN ((OLD.read_at IS NULL) <> (NEW.read_at IS NULL)) EXECUTE FUNCTION unread_notices_count();
CREATE TRIGGER unread_notice_removed AFTER DELETE ON notices FOR EACH ROW WHEN (OLD.read_at IS NULL) EXECUTE FUNCTION unread_notices_count();
