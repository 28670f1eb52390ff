-- A picture for a group (src/groups), with the words that describe it to someone who cannot see it. The file is in
-- uploads (purpose group_picture) and belongs to the group's organisation, not to the lead who uploaded it, so it
-- stays when they leave; if its row goes, the group simply has no picture.
ALTER TABLE org_groups ADD COLUMN picture_upload_id BIGINT REFERENCES uploads (id) ON DELETE SET NULL;
ALTER TABLE org_groups ADD COLUMN picture_alt TEXT NOT NULL DEFAULT '';
-- Who may see a file is decided from the group it hangs in, found by the upload's id.
CREATE INDEX org_groups_picture ON org_groups (picture_upload_id);
