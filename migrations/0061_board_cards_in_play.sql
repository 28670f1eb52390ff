-- The cards in play of each list, in order (src/boards, ADR 0046): the board's page counts each list's cards and reads
-- its first few, and a group's page of boards counts each board's cards, on this index alone (`archived_at IS NULL`
-- is a range of it, and it covers the counts: a card's row is read only when the card is shown). board_cards_board
-- (board, list, position) also holds archived cards, so counting on it read every card's row to see whether it was
-- archived.
CREATE INDEX board_cards_in_play ON board_cards (board_id, list_id, archived_at, position);
