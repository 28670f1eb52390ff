-- Whether this session passed the second step of two-step sign-in (issue #12 item 1: a password reset signed an
-- organisation admin straight in). Sessions from before start without it: an admin signs in again once.
ALTER TABLE sessions ADD COLUMN second_step INTEGER NOT NULL DEFAULT 0;
