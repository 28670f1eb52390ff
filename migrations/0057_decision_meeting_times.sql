-- Decisions decided by "find a meeting time" (src/decisions, ADR 0041, issue #15): a proposal's options are candidate
-- times, answered yes, if need be or no (decision_ballots.value 2, 1, 0). An option that is a time keeps it here, UTC
-- seconds, entered and shown as Europe/London time; its text is '' (it is said in the reader's language). NULL for
-- the options of every other process.
ALTER TABLE decision_options ADD COLUMN starts_at BIGINT;
ALTER TABLE decision_options ADD COLUMN ends_at BIGINT;
