-- What a board's pages show of each card, kept on the card (src/boards; docs/PERFORMANCE.md, "Board pages"): its dots
-- from everyone, its comments still standing (neither deleted nor removed), and how many labels and people it has (so
-- a page looks up the labels and people only of the cards that have any). Kept by triggers, so every way a dot, a
-- comment, a label or a person comes or goes (the forms, an erased account's cascade, a label or a card deleted) keeps
-- them right in the same transaction, and a page no longer counts them for every card. Filled from what is there.
ALTER TABLE board_cards ADD COLUMN dot_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE board_cards ADD COLUMN comment_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE board_cards ADD COLUMN label_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE board_cards ADD COLUMN person_count BIGINT NOT NULL DEFAULT 0;
UPDATE board_cards SET dot_count = COALESCE((SELECT SUM(d.dots) FROM board_dots d WHERE d.card_id = board_cards.id), 0), comment_count = (SELECT COUNT(*) FROM board_card_comments m WHERE m.card_id = board_cards.id AND m.deleted_at IS NULL AND m.removed_at IS NULL), label_count = (SELECT COUNT(*) FROM board_card_labels cl WHERE cl.card_id = board_cards.id), person_count = (SELECT COUNT(*) FROM board_card_people p WHERE p.card_id = board_cards.id);
CREATE FUNCTION board_dots_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE board_cards SET dot_count = dot_count - OLD.dots WHERE id = OLD.card_id; END IF; IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE board_cards SET dot_count = dot_count + NEW.dots WHERE id = NEW.card_id; END IF; RETURN NULL; END $$;
CREATE TRIGGER board_dots_counted AFTER INSERT OR UPDATE OF card_id, dots OR DELETE ON board_dots FOR EACH ROW EXECUTE FUNCTION board_dots_count();
CREATE FUNCTION board_card_comments_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE board_cards SET comment_count = comment_count - 1 WHERE id = OLD.card_id AND OLD.deleted_at IS NULL AND OLD.removed_at IS NULL; END IF; IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE board_cards SET comment_count = comment_count + 1 WHERE id = NEW.card_id AND NEW.deleted_at IS NULL AND NEW.removed_at IS NULL; END IF; RETURN NULL; END $$;
CREATE TRIGGER board_card_comments_counted AFTER INSERT OR UPDATE OF card_id, deleted_at, removed_at OR DELETE ON board_card_comments FOR EACH ROW EXECUTE FUNCTION board_card_comments_count();
CREATE FUNCTION board_card_labels_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN UPDATE board_cards SET label_count = label_count + 1 WHERE id = NEW.card_id; ELSE UPDATE board_cards SET label_count = label_count - 1 WHERE id = OLD.card_id; END IF; RETURN NULL; END $$;
CREATE TRIGGER board_card_labels_counted AFTER INSERT OR DELETE ON board_card_labels FOR EACH ROW EXECUTE FUNCTION board_card_labels_count();
CREATE FUNCTION board_card_people_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN UPDATE board_cards SET person_count = person_count + 1 WHERE id = NEW.card_id; ELSE UPDATE board_cards SET person_count = person_count - 1 WHERE id = OLD.card_id; END IF; RETURN NULL; END $$;
CREATE TRIGGER board_card_people_counted AFTER INSERT OR DELETE ON board_card_people FOR EACH ROW EXECUTE FUNCTION board_card_people_count();
--
-- The board sorted by dots: each list's cards in play by dots (most first), then by position, so each list's first
-- few are a range of this index, not every card with dots read and sorted; it carries what the page shows of them.
CREATE INDEX board_cards_by_dots ON board_cards (list_id, dot_count DESC, position, id, title, due_date, comment_count, label_count, person_count) WHERE archived_at IS NULL;
--
-- Each list's cards in play (0061's index) now also carries what the board's page shows of each card (its counts, title
-- and due date), so the page reads each list's first cards, and finds which of them have labels or people, from one
-- range of it without reading the cards' rows. (A title is at most 120 characters.)
DROP INDEX board_cards_in_play;
CREATE INDEX board_cards_in_play ON board_cards (board_id, list_id, archived_at, position, label_count, person_count, dot_count, comment_count, id, title, due_date);
