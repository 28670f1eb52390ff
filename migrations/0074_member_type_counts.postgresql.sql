-- The member directory filtered by member type says how many people of that type there are on every page; counting
-- them along member_types_by_type (migration 0072) read 2,500 index entries a page for a quarter of 10,000 members,
-- more than the rest of the page (docs/PERFORMANCE.md). The count of each type is kept per organisation by triggers,
-- as the organisation's member count is (migration 0015): every way a member type comes or goes (a form, an
-- import, a membership removed, an erased account's cascade) keeps it right.
CREATE TABLE member_type_counts (
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  members BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, type)
);
INSERT INTO member_type_counts (org_id, type, members) SELECT org_id, type, COUNT(*) FROM member_types GROUP BY org_id, type;
CREATE FUNCTION member_type_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN UPDATE member_type_counts SET members = members - 1 WHERE org_id = OLD.org_id AND type = OLD.type; END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO member_type_counts (org_id, type, members) VALUES (NEW.org_id, NEW.type, 1) ON CONFLICT (org_id, type) DO UPDATE SET members = member_type_counts.members + 1; END IF; RETURN NULL; END $$;
CREATE TRIGGER member_type_counted AFTER INSERT OR DELETE OR UPDATE OF org_id, type ON member_types FOR EACH ROW EXECUTE FUNCTION member_type_count();
