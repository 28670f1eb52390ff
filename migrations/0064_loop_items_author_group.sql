-- "What happened to what I said" (/account/what-happened) lists a person's contributions, newest change first, only
-- in the groups they are still in. It reads loop_items_author backwards and joins each entry to the person's
-- membership of its group; the group was in the table's row, so every entry in a group the person has left cost a
-- seek into the table before it could be skipped. With 4,000 newer entries in a group they left (bench/), that was
-- most of the page (975 µs of the server's CPU a request on SQLite). With the group in the index, SQLite tests the
-- membership from the index entry and reads the row only of the entries it shows (docs/PERFORMANCE.md).
DROP INDEX loop_items_author;
CREATE INDEX loop_items_author ON loop_items (author_id, changed_at, id, group_id);
