-- Taking part by email (ADR 0025): a topic's notification carries a Reply-To, a signed address for the person and
-- the topic. Replies come back through `roundtable receive-mail`; a replayed Message-ID is found by the reply's create
-- key (discussion_posts.create_key), so it needs no table of its own.
ALTER TABLE mail_outbox ADD COLUMN reply_to TEXT NOT NULL DEFAULT '';
