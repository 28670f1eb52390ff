-- Measures (src/measures, issue #15): a closed decision's verdict, kept when it closes, so a dashboard counts a group's
-- decisions in one read instead of checking each one's rules again (the "no unmet support" rule needs the meeting's
-- checklist, one more read per decision). lived_took_part: how many of those who took part count as lived-experience
-- members under its rules; rules_met: 1 when it met every rule it opened under. NULL while open or withdrawn.
ALTER TABLE decisions ADD COLUMN lived_took_part BIGINT;
ALTER TABLE decisions ADD COLUMN rules_met INTEGER;
-- Decisions closed before this migration: counted from who took part (member types are stored as a comma-separated
-- list of codes). Their support checklist is not looked at again: the "no unmet support" rule counts as met for them.
UPDATE decisions SET lived_took_part = (SELECT COUNT(*) FROM decision_voters v WHERE v.decision_id = decisions.id AND
  (v.member_types LIKE '%lived_experience%' OR (decisions.rule_carers = 1 AND v.member_types LIKE '%unpaid_carer%')))
WHERE closed_at IS NOT NULL;
UPDATE decisions SET rules_met = CASE WHEN (rule_at_least IS NOT NULL AND lived_took_part < rule_at_least) OR
  (rule_half = 1 AND (COALESCE(took_part, 0) = 0 OR lived_took_part * 2 < took_part)) THEN 0 ELSE 1 END
WHERE closed_at IS NOT NULL;
-- The measures read a group's closed decisions by when they closed.
CREATE INDEX decisions_group_closed ON decisions (group_id, closed_at) WHERE closed_at IS NOT NULL;
