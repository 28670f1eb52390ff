-- Closing the loop in easy read (src/loop, issue #15 item 6, ADR 0042): what happened next may also be said in an
-- easy-read sentence or two (what changed, why, until when), shown on the easy-read "You said, we did" in place of
-- the standard words. '' for none: the easy-read page then shows the standard words.
ALTER TABLE loop_items ADD COLUMN easy_read TEXT NOT NULL DEFAULT '';
ALTER TABLE loop_changes ADD COLUMN easy_read TEXT NOT NULL DEFAULT '';
