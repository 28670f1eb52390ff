-- Every signed-in request needs the person: their name, language, organisations, roles, member types and whether
-- two-step sign-in is on. Reading that took a six-table join on every request (docs/PERFORMANCE.md). Servers now keep
-- it in memory beside this stamp, read with the session, and read the person again only when the stamp moved. The
-- triggers move it on every change to what the person is made of, whatever module or command makes the change, so
-- no code path can forget to, and every server sharing the database sees it on the next request.
ALTER TABLE users ADD COLUMN principal_stamp BIGINT NOT NULL DEFAULT 0;
CREATE FUNCTION principal_user_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.principal_stamp := OLD.principal_stamp + 1; RETURN NEW; END $$;
CREATE TRIGGER principal_user BEFORE UPDATE OF email, name, password_hash, lang, platform_admin ON users FOR EACH ROW EXECUTE FUNCTION principal_user_stamp();
CREATE FUNCTION principal_row_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id = OLD.user_id; END IF; IF TG_OP <> 'DELETE' THEN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id = NEW.user_id; END IF; RETURN NULL; END $$;
CREATE TRIGGER principal_membership AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION principal_row_stamp();
CREATE TRIGGER principal_member_type AFTER INSERT OR UPDATE OR DELETE ON member_types FOR EACH ROW EXECUTE FUNCTION principal_row_stamp();
CREATE TRIGGER principal_two_step AFTER INSERT OR DELETE OR UPDATE OF user_id, enabled_at ON two_step FOR EACH ROW EXECUTE FUNCTION principal_row_stamp();
-- An organisation's name, address or logo is part of each member's person: all of them move.
CREATE FUNCTION principal_org_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE users SET principal_stamp = principal_stamp + 1 WHERE id IN (SELECT user_id FROM memberships WHERE org_id = NEW.id); RETURN NULL; END $$;
CREATE TRIGGER principal_organisation AFTER UPDATE OF slug, name, logo_upload_id ON organisations FOR EACH ROW EXECUTE FUNCTION principal_org_stamp();
