-- What a comment on a board's card said before its author changed or deleted it (issue #16: "comments, history"; as
-- discussion_post_versions keeps a post's). Its author and the people who run the group read them; the words go with
-- the comment when its card or board is deleted, and are kept as "former member" when the author's data is erased.
CREATE TABLE board_card_comment_versions (
  {{id}},
  comment_id BIGINT NOT NULL REFERENCES board_card_comments (id) ON DELETE CASCADE,
  -- The comment's author, as the comment has it (NULL once erased).
  author_id BIGINT,
  body TEXT NOT NULL,
  -- When the change or deletion that ended this version was made.
  replaced_at BIGINT NOT NULL
);
CREATE INDEX board_card_comment_versions_comment ON board_card_comment_versions (comment_id, replaced_at);
CREATE INDEX board_card_comment_versions_author ON board_card_comment_versions (author_id) WHERE author_id IS NOT NULL;
