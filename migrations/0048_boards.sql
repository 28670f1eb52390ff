-- The shared board (src/boards, ADR 0033): a group's boards, each with ordered lists of cards. Cards have labels,
-- people, a due date and a history of changes; people give dots to the cards they think matter most.
CREATE TABLE boards (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  -- How many dots each person may give on this board (0: no dot voting).
  dot_budget BIGINT NOT NULL DEFAULT 5,
  -- Bumped first by every change to the board's order or dots: the row lock that puts changes to one board in a line
  -- on PostgreSQL (SQLite has one writer anyway), so positions stay 1..n without gaps (ADR 0033).
  version BIGINT NOT NULL DEFAULT 0,
  archived_at BIGINT,
  -- The random key of the form that made it: the same form sent twice makes one board.
  create_key TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (org_id, create_key)
);
CREATE INDEX boards_group ON boards (group_id, created_at);

-- A board's lists, in order (positions 1..n).
CREATE TABLE board_lists (
  {{id}},
  board_id BIGINT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  title TEXT NOT NULL,
  create_key TEXT NOT NULL,
  UNIQUE (board_id, create_key)
);
CREATE INDEX board_lists_board ON board_lists (board_id, position);

-- A board's labels: a name and a colour from the accessible palette (shown with its name, never colour alone).
CREATE TABLE board_labels (
  {{id}},
  board_id BIGINT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  colour TEXT NOT NULL
);
CREATE INDEX board_labels_board ON board_labels (board_id);

-- The cards. A card in play has a position in its list (1..n, no gaps); an archived card keeps its list and has
-- position 0 until it is restored (at the end of its list).
CREATE TABLE board_cards (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  board_id BIGINT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  list_id BIGINT NOT NULL REFERENCES board_lists (id),
  position BIGINT NOT NULL,
  title TEXT NOT NULL,
  -- Markdown, rendered like a topic's (never raw HTML).
  description TEXT NOT NULL DEFAULT '',
  -- A London date, 'YYYY-MM-DD' ('' for none).
  due_date TEXT NOT NULL DEFAULT '',
  archived_at BIGINT,
  create_key TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (org_id, create_key)
);
CREATE INDEX board_cards_board ON board_cards (board_id, list_id, position);

CREATE TABLE board_card_labels (
  card_id BIGINT NOT NULL REFERENCES board_cards (id) ON DELETE CASCADE,
  label_id BIGINT NOT NULL REFERENCES board_labels (id) ON DELETE CASCADE,
  PRIMARY KEY (card_id, label_id)
);

-- The people on a card (members of the group); dropped when their membership of the organisation ends.
CREATE TABLE board_card_people (
  card_id BIGINT NOT NULL REFERENCES board_cards (id) ON DELETE CASCADE,
  board_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  PRIMARY KEY (card_id, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
CREATE INDEX board_card_people_user ON board_card_people (user_id, org_id);
CREATE INDEX board_card_people_board ON board_card_people (board_id);

-- What happened to a card: who (NULL once erased: "former member"), what (a message key's last part), detail (a
-- list's title at the time), number (a position), when.
CREATE TABLE board_card_history (
  {{id}},
  card_id BIGINT NOT NULL REFERENCES board_cards (id) ON DELETE CASCADE,
  user_id BIGINT,
  what TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  number BIGINT NOT NULL DEFAULT 0,
  at BIGINT NOT NULL
);
CREATE INDEX board_card_history_card ON board_card_history (card_id, at);
CREATE INDEX board_card_history_user ON board_card_history (user_id) WHERE user_id IS NOT NULL;

-- Dots: how many a person gave a card (at most the board's budget over all its cards).
CREATE TABLE board_dots (
  card_id BIGINT NOT NULL REFERENCES board_cards (id) ON DELETE CASCADE,
  board_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  dots BIGINT NOT NULL CHECK (dots > 0),
  PRIMARY KEY (card_id, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
CREATE INDEX board_dots_board ON board_dots (board_id, user_id);
CREATE INDEX board_dots_user ON board_dots (user_id, org_id);
