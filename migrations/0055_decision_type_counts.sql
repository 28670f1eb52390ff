-- Who took part in a closed or withdrawn decision, by member types, kept when it closes (src/decisions, ADR 0037,
-- issue #15): nobody can take part any more, so its page reads these few rows instead of grouping every voter's row
-- (40,000 for a big poll) on every view. member_types: the set of types as decision_voters keeps it (a comma-separated
-- list of codes, '' for none); people: how many took part with that set. Counts only: no one is named.
CREATE TABLE decision_type_counts (
  decision_id BIGINT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  member_types TEXT NOT NULL,
  people BIGINT NOT NULL,
  PRIMARY KEY (decision_id, member_types)
);
-- When the counts were kept (NULL: not yet), so "nobody took part" (kept, no rows) is told from "not kept yet". A
-- decision closed before this migration, or made closed in SQL, has none: its page counts it on its first view and
-- keeps it then; this column's "only if NULL" update decides between two servers doing it at once.
ALTER TABLE decisions ADD COLUMN types_kept_at BIGINT;

-- A closed poll's counts by option (simple poll, dot vote, score), kept when it closes, for the same reason: its page
-- read them with a GROUP BY over every ballot on each view. value: 1 for a simple poll's votes; the dots or the score
-- given; ballots: how many ballot rows gave the option that value. options_kept_at marks them kept, as above (a poll
-- with no ballots keeps no row). Ranked-choice polls keep their rounds instead (migration 0053).
CREATE TABLE decision_option_counts (
  decision_id BIGINT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  option_id BIGINT NOT NULL REFERENCES decision_options (id) ON DELETE CASCADE,
  value BIGINT NOT NULL,
  ballots BIGINT NOT NULL,
  PRIMARY KEY (decision_id, option_id, value)
);
ALTER TABLE decisions ADD COLUMN options_kept_at BIGINT;
