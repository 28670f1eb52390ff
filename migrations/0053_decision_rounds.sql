-- A closed ranked-choice poll's count, kept when it closes (src/decisions, ADR 0037, issues #10 and #15): its ballots
-- can no longer change, so its page reads these few rows instead of every ballot (40,000 for a big poll) and counting
-- the instant run-off again on every view. Rows, not a serialised text, so there is nothing new to parse. A poll
-- closed before this migration has none: its page counts it on the first view and keeps it then.

-- One row per counted poll (written first: its key says the count is kept, so two servers keep it once).
-- ballots: how many ballots were counted; winner_option_id: the option that won (NULL: a tie, or no ballots).
CREATE TABLE decision_ranked_results (
  decision_id BIGINT PRIMARY KEY REFERENCES decisions (id) ON DELETE CASCADE,
  ballots BIGINT NOT NULL,
  winner_option_id BIGINT,
  counted_at BIGINT NOT NULL
);

-- Each round, from 1: the ballots that ranked none of the options still in, and why the options at the bottom went
-- out at its end ('none' in the last round, 'fewest', 'earlier_round', 'all_tied').
CREATE TABLE decision_rounds (
  decision_id BIGINT NOT NULL REFERENCES decision_ranked_results (decision_id) ON DELETE CASCADE,
  round BIGINT NOT NULL,
  exhausted BIGINT NOT NULL,
  why TEXT NOT NULL,
  PRIMARY KEY (decision_id, round)
);

-- Each option still in during a round, in the poll's order (place, from 1), with its votes; eliminated: 1 when it went
-- out at the end of that round; tied: 1 (last round only) when nobody won and it shares the tie.
CREATE TABLE decision_round_counts (
  decision_id BIGINT NOT NULL,
  round BIGINT NOT NULL,
  place BIGINT NOT NULL,
  option_id BIGINT NOT NULL REFERENCES decision_options (id) ON DELETE CASCADE,
  votes BIGINT NOT NULL,
  eliminated INTEGER NOT NULL DEFAULT 0,
  tied INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (decision_id, round, place),
  FOREIGN KEY (decision_id, round) REFERENCES decision_rounds (decision_id, round) ON DELETE CASCADE
);
