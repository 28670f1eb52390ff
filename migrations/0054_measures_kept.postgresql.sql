-- The measures (src/measures, ADR 0038) cost the same whatever a year of data holds.
-- 1. Each contribution's first response is kept on its loop item: loop_items.first_changed_at, the earliest change
-- of its loop_changes, filled in here and kept by a trigger on every new change (in the change's own transaction,
-- whoever writes it), so the measures join one row per contribution instead of finding MIN(changed_at) for each.
-- 2. measures_versions: a number per organisation that goes up in the same transaction as any change to what the
-- measures count (a contribution of any kind made, moved, hidden or deleted; a loop item given its first status or
-- removed; a decision closed or its verdict kept). Every server keeps the figures it worked out in memory with the
-- number they were worked out at, and works them out again when the number in the database has moved. A table a
-- module's ContributionKind::listing reads needs the same triggers (src/app/modules_test.cpp checks it).

ALTER TABLE loop_items ADD COLUMN first_changed_at BIGINT;
UPDATE loop_items SET first_changed_at = (SELECT MIN(c.changed_at) FROM loop_changes c WHERE c.item_id = loop_items.id);
CREATE FUNCTION loop_first_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE loop_items SET first_changed_at = NEW.changed_at WHERE id = NEW.item_id AND (first_changed_at IS NULL OR first_changed_at > NEW.changed_at); RETURN NULL; END $$;
CREATE TRIGGER loop_changes_first AFTER INSERT ON loop_changes FOR EACH ROW EXECUTE FUNCTION loop_first_change();
-- The replies' listing finds a group's replies by group and time (it read every reply of every group before).
CREATE INDEX discussion_posts_group ON discussion_posts (group_id, created_at);
CREATE TABLE measures_versions (org_id BIGINT NOT NULL PRIMARY KEY, version BIGINT NOT NULL DEFAULT 0);
-- Every table the measures count: its organisation's number goes up on every insert, delete and change of a counted
-- column (the argument says where the organisation is: the row's org_id, its group's or its meeting's).
CREATE FUNCTION measures_changed() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE r jsonb; o BIGINT; BEGIN FOR r IN SELECT x FROM unnest(ARRAY[CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END, CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END]) x WHERE x IS NOT NULL LOOP IF TG_ARGV[0] = 'group' THEN SELECT g.org_id INTO o FROM org_groups g WHERE g.id = (r ->> 'group_id')::BIGINT; ELSIF TG_ARGV[0] = 'meeting' THEN SELECT m.org_id INTO o FROM meetings m WHERE m.id = (r ->> 'meeting_id')::BIGINT; ELSE o := (r ->> 'org_id')::BIGINT; END IF; IF o IS NOT NULL THEN INSERT INTO measures_versions (org_id, version) VALUES (o, 1) ON CONFLICT (org_id) DO UPDATE SET version = measures_versions.version + 1; END IF; END LOOP; RETURN NULL; END $$;
CREATE TRIGGER discussion_topics_measured AFTER INSERT OR DELETE OR UPDATE OF org_id, group_id, created_at ON discussion_topics FOR EACH ROW EXECUTE FUNCTION measures_changed('org');
CREATE TRIGGER discussion_posts_measured AFTER INSERT OR DELETE OR UPDATE OF group_id, topic_id, number, created_at, deleted_at, hidden_at ON discussion_posts FOR EACH ROW EXECUTE FUNCTION measures_changed('group');
CREATE TRIGGER consensus_conversations_measured AFTER INSERT OR DELETE OR UPDATE OF org_id, group_id ON consensus_conversations FOR EACH ROW EXECUTE FUNCTION measures_changed('org');
CREATE TRIGGER consensus_statements_measured AFTER INSERT OR DELETE OR UPDATE OF org_id, conversation_id, created_at, hidden_at ON consensus_statements FOR EACH ROW EXECUTE FUNCTION measures_changed('org');
CREATE TRIGGER meetings_measured AFTER INSERT OR DELETE OR UPDATE OF org_id, group_id ON meetings FOR EACH ROW EXECUTE FUNCTION measures_changed('org');
CREATE TRIGGER meeting_agenda_items_measured AFTER INSERT OR DELETE OR UPDATE OF org_id, group_id, created_at ON meeting_agenda_items FOR EACH ROW EXECUTE FUNCTION measures_changed('org');
CREATE TRIGGER meeting_actions_measured AFTER INSERT OR DELETE OR UPDATE OF meeting_id, created_at ON meeting_actions FOR EACH ROW EXECUTE FUNCTION measures_changed('meeting');
CREATE TRIGGER boards_measured AFTER INSERT OR DELETE OR UPDATE OF org_id, group_id ON boards FOR EACH ROW EXECUTE FUNCTION measures_changed('org');
CREATE TRIGGER board_cards_measured AFTER INSERT OR DELETE OR UPDATE OF org_id, board_id, created_at ON board_cards FOR EACH ROW EXECUTE FUNCTION measures_changed('org');
CREATE TRIGGER decisions_measured AFTER INSERT OR DELETE OR UPDATE OF org_id, group_id, created_at, closed_at, lived_took_part, rules_met ON decisions FOR EACH ROW EXECUTE FUNCTION measures_changed('org');
CREATE TRIGGER loop_items_measured AFTER INSERT OR DELETE OR UPDATE OF org_id, kind, contribution_id, first_changed_at ON loop_items FOR EACH ROW EXECUTE FUNCTION measures_changed('org');
