-- The unread count a person sees on their notifications page (src/notifications, notification_store unread_count)
-- read every notice they ever had (through notices_person), read or not: 2,000 notices cost 2 million instructions a
-- page. With read_at in the index the count reads only the unread ones' index entries (read_at IS NULL is an equality
-- for the index, so both databases choose it whatever their statistics say; a partial index was passed over for
-- notices_person on SQLite with old statistics).
CREATE INDEX notices_unread ON notices (user_id, org_id, read_at);
