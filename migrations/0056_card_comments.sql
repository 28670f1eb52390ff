-- Comments on a board's cards (src/boards, issue #16): what the group's people say about a card, in Markdown (rendered
-- like a card's description, never raw HTML), oldest first on the card's page.
CREATE TABLE board_card_comments (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  board_id BIGINT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  card_id BIGINT NOT NULL REFERENCES board_cards (id) ON DELETE CASCADE,
  -- NULL once the author's data is erased ("former member").
  author_id BIGINT,
  -- Markdown; emptied when its author deletes it (the row stays as "This comment was deleted").
  body TEXT NOT NULL,
  -- The random key of the form that wrote it: the same comment sent twice makes one.
  create_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  edited_at BIGINT,
  deleted_at BIGINT,
  -- Removed by someone who runs the group, with the reason its author sees (the words are kept for the author).
  removed_at BIGINT,
  removed_by BIGINT,
  removed_reason TEXT NOT NULL DEFAULT '',
  UNIQUE (card_id, create_key)
);
CREATE INDEX board_card_comments_card ON board_card_comments (card_id, created_at);
CREATE INDEX board_card_comments_board ON board_card_comments (board_id);
CREATE INDEX board_card_comments_author ON board_card_comments (author_id) WHERE author_id IS NOT NULL;

-- A card's attachments: files uploaded through src/uploads with its rules (type read from the content, size limits,
-- metadata removed), purpose 'board_card', seen by whoever may see the board. The upload row goes with the
-- attachment.
CREATE TABLE board_card_attachments (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  board_id BIGINT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  card_id BIGINT NOT NULL REFERENCES board_cards (id) ON DELETE CASCADE,
  upload_id BIGINT NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
  -- NULL once the person's data is erased ("former member").
  added_by BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (upload_id)
);
CREATE INDEX board_card_attachments_card ON board_card_attachments (card_id, created_at);
CREATE INDEX board_card_attachments_user ON board_card_attachments (added_by) WHERE added_by IS NOT NULL;
