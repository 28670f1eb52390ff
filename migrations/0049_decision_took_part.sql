-- How many took part in a proposal, kept when it closes or is withdrawn (src/decisions, ADR 0029): the group's list of
-- decisions shows it for every proposal, and counting a closed poll's voters on each visit cost one row per voter
-- (40,000 for a big poll). NULL while open: the list counts an open proposal's voters, which are few and changing.
ALTER TABLE decisions ADD COLUMN took_part BIGINT;
UPDATE decisions SET took_part = (SELECT COUNT(*) FROM decision_voters v WHERE v.decision_id = decisions.id)
WHERE closed_at IS NOT NULL OR withdrawn_at IS NOT NULL;
