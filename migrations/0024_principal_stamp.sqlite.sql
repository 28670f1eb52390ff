-- Every signed-in request needs the person: their name, language, organisations, roles, member types and whether
-- two-step sign-in is on. Reading that took a six-table join on every request (docs/PERFORMANCE.md). Servers now keep
-- it in memory beside this stamp, read with the session, and read the person again only when the stamp moved. The
-- triggers move it on every change to what the person is made of, whatever module or command makes the change, so
-- no code path can forget to, and every server sharing the database sees it on the next request.
ALTER TABLE users ADD COLUMN principal_stamp BIGINT NOT NULL DEFAULT 0;
CREATE TRIGGER principal_user AFTER UPDATE OF email, name, password_hash, lang, platform_admin ON users BEGIN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id = NEW.id; END;
CREATE TRIGGER principal_membership_added AFTER INSERT ON memberships BEGIN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id = NEW.user_id; END;
CREATE TRIGGER principal_membership_removed AFTER DELETE ON memberships BEGIN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id = OLD.user_id; END;
CREATE TRIGGER principal_membership_changed AFTER UPDATE ON memberships BEGIN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id IN (OLD.user_id, NEW.user_id); END;
CREATE TRIGGER principal_member_type_added AFTER INSERT ON member_types BEGIN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id = NEW.user_id; END;
CREATE TRIGGER principal_member_type_removed AFTER DELETE ON member_types BEGIN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id = OLD.user_id; END;
CREATE TRIGGER principal_member_type_changed AFTER UPDATE ON member_types BEGIN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id IN (OLD.user_id, NEW.user_id); END;
CREATE TRIGGER principal_two_step_added AFTER INSERT ON two_step BEGIN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id = NEW.user_id; END;
CREATE TRIGGER principal_two_step_removed AFTER DELETE ON two_step BEGIN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id = OLD.user_id; END;
CREATE TRIGGER principal_two_step_changed AFTER UPDATE OF user_id, enabled_at ON two_step BEGIN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id IN (OLD.user_id, NEW.user_id); END;
-- An organisation's name, address or logo is part of each member's person: all of them move.
CREATE TRIGGER principal_organisation AFTER UPDATE OF slug, name, logo_upload_id ON organisations BEGIN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id IN (SELECT user_id FROM memberships WHERE org_id = NEW.id); END;
