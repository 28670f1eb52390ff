-- Work due at a time (src/notifications/due_worker.*, ADR 0028): each server's due worker ticks every minute, and
-- whichever server first inserts the row for a job's due time does the job, in the same transaction; the others'
-- inserts do nothing (ON CONFLICT DO NOTHING). job: 'digest_daily', 'digest_weekly'; due_at: the 07:00 London time
-- it was due (unix seconds).
CREATE TABLE due_runs (
  job TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  ran_at BIGINT NOT NULL,
  PRIMARY KEY (job, due_at)
);

-- A meeting reminder sent (src/meetings/meeting_reminders.*): one per person and meeting, claimed in the transaction
-- that queues it, so two servers never both send it.
CREATE TABLE meeting_reminders (
  meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX meeting_reminders_user ON meeting_reminders (user_id);
