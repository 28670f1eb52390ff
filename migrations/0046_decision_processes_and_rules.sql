-- Decisions (src/decisions, ADR 0031): ranked choice, dot vote and score (their ballots are more rows of
-- decision_ballots: the rank, the dots or the score in `value`), and a group's power-sharing rules.
-- A dot vote's budget of dots per person and the most one option may take (0: no limit); a score poll's highest
-- score (0 for the other processes).
ALTER TABLE decisions ADD COLUMN dot_budget BIGINT NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN dot_most BIGINT NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN score_highest BIGINT NOT NULL DEFAULT 0;
-- The group's rules as they were when the proposal opened (a later change of the rules does not change an earlier
-- decision's verdict). rule_at_least: NULL for no such rule.
ALTER TABLE decisions ADD COLUMN rule_at_least BIGINT;
ALTER TABLE decisions ADD COLUMN rule_half INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN rule_support INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN rule_carers INTEGER NOT NULL DEFAULT 1;

-- A group's power-sharing rules for its decisions, set by the people who run the group (no row: no rules).
CREATE TABLE decision_group_rules (
  group_id BIGINT PRIMARY KEY REFERENCES org_groups (id) ON DELETE CASCADE,
  -- "At least N lived-experience members take part" (NULL: no such rule).
  at_least_lived_experience BIGINT CHECK (at_least_lived_experience IS NULL OR at_least_lived_experience > 0),
  -- "Lived-experience members are at least half of those deciding."
  lived_experience_half INTEGER NOT NULL DEFAULT 0,
  -- "No decision while a support request for the meeting it came from is unmet."
  no_unmet_support INTEGER NOT NULL DEFAULT 0,
  -- Unpaid carers count as lived-experience members for these rules.
  carers_count INTEGER NOT NULL DEFAULT 1,
  updated_by BIGINT,
  updated_at BIGINT NOT NULL
);
