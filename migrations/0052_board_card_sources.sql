-- Where a card came from (src/boards, #16): a contribution another module owns, by its kind as the loop knows it
-- (module::ContributionKind: "topic", "reply", "proposal", "agenda_item", "meeting_action", ...) and its id; found
-- again through that kind's resolver for each viewer, so a card never shows what its viewer may not see.
-- '' and 0: the card came from nowhere in particular.
ALTER TABLE board_cards ADD COLUMN source_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE board_cards ADD COLUMN source_id BIGINT NOT NULL DEFAULT 0;
CREATE INDEX board_cards_source ON board_cards (org_id, source_kind, source_id) WHERE source_kind <> '';
