-- A series' attendance report (src/meetings/series_report_pages.cpp) says how many people its rule covers: everyone
-- of a member type who joined the organisation since a date. That count read every member of the type on each view
-- (2,504 of 10,000 in bench/: 1.5 ms of the server's CPU a page on SQLite). members_versions is a number per
-- organisation that goes up in the same transaction as any change to who is a member, when they joined, or their
-- member types; each server keeps the counts it worked out with the number they were worked out at, and counts again
-- when the number in the database has moved (as measures_versions does for the measures, migration 0054).
CREATE TABLE members_versions (org_id BIGINT NOT NULL PRIMARY KEY, version BIGINT NOT NULL DEFAULT 0);
CREATE TRIGGER memberships_versioned_insert AFTER INSERT ON memberships BEGIN INSERT OR IGNORE INTO members_versions (org_id, version) VALUES (NEW.org_id, 0); UPDATE members_versions SET version = version + 1 WHERE org_id = NEW.org_id; END;
CREATE TRIGGER memberships_versioned_delete AFTER DELETE ON memberships BEGIN INSERT OR IGNORE INTO members_versions (org_id, version) VALUES (OLD.org_id, 0); UPDATE members_versions SET version = version + 1 WHERE org_id = OLD.org_id; END;
CREATE TRIGGER memberships_versioned_update AFTER UPDATE OF org_id, user_id, created_at ON memberships BEGIN INSERT OR IGNORE INTO members_versions (org_id, version) VALUES (NEW.org_id, 0); INSERT OR IGNORE INTO members_versions (org_id, version) VALUES (OLD.org_id, 0); UPDATE members_versions SET version = version + 1 WHERE org_id IN (NEW.org_id, OLD.org_id); END;
CREATE TRIGGER member_types_versioned_insert AFTER INSERT ON member_types BEGIN INSERT OR IGNORE INTO members_versions (org_id, version) VALUES (NEW.org_id, 0); UPDATE members_versions SET version = version + 1 WHERE org_id = NEW.org_id; END;
CREATE TRIGGER member_types_versioned_delete AFTER DELETE ON member_types BEGIN INSERT OR IGNORE INTO members_versions (org_id, version) VALUES (OLD.org_id, 0); UPDATE members_versions SET version = version + 1 WHERE org_id = OLD.org_id; END;
CREATE TRIGGER member_types_versioned_update AFTER UPDATE ON member_types BEGIN INSERT OR IGNORE INTO members_versions (org_id, version) VALUES (NEW.org_id, 0); INSERT OR IGNORE INTO members_versions (org_id, version) VALUES (OLD.org_id, 0); UPDATE members_versions SET version = version + 1 WHERE org_id IN (NEW.org_id, OLD.org_id); END;
