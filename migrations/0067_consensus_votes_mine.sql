-- A conversation's page and its results show every statement with the viewer's answer. Joining each statement to
-- the viewer's vote looked up the vote's key and then its row in a table of every vote (a million in bench/: 5,000
-- people x 200 statements), two searches a statement, 400-530 µs a view on SQLite. With the statement and the vote in
-- this index, the viewer's votes in a conversation are one range of it, read without the table.
DROP INDEX consensus_votes_conversation;
CREATE INDEX consensus_votes_conversation ON consensus_votes (conversation_id, user_id, statement_id, vote);
