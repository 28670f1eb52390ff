-- Calendars (src/meetings/meeting_ics.cpp, meeting_invitation.cpp, calendar_*.cpp).
-- A meeting's iCalendar SEQUENCE: it goes up by one each time its time, place or title changes and when it is called
-- off, so calendar programs take the newer invitation over the older one. Meetings from before start where the
-- calendar file counted them (seconds between creation and the last change), so no calendar sees a lower number.
ALTER TABLE meetings ADD COLUMN ics_sequence BIGINT NOT NULL DEFAULT 0;
UPDATE meetings SET ics_sequence = updated_at - created_at WHERE updated_at > created_at;
-- An invitation's calendar part (text/calendar; its METHOD line says REQUEST or CANCEL); '' for every other email.
-- Cleared with the bodies once sent.
ALTER TABLE mail_outbox ADD COLUMN calendar TEXT NOT NULL DEFAULT '';
-- A person's calendar feed: the hash of the secret in its address (the address itself is never stored), one per
-- person. A new address replaces the row; stopping the feed deletes it.
CREATE TABLE calendar_feeds (
  user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);
