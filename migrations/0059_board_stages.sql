-- Boards per stage (src/boards, #16): a board may belong to one stage of its project's double diamond, the same codes
-- as org_groups.stage; NULL for a board of no stage (every board before this, and every board of a group without
-- stages). The group's page of boards shows them by stage, the group's current stage first.
ALTER TABLE boards ADD COLUMN stage TEXT CHECK (stage IN ('discover', 'define', 'develop', 'deliver'));
