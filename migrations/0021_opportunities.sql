-- Recruitment (src/opportunities): an opportunity advertises a place in a group, to the organisation's members or to
-- everyone; people express interest in their own words; the group's facilitators shortlist, select, and tell everyone
-- the outcome. Whether an open opportunity has closed is worked out from closes_on when it is read (no job).
CREATE TABLE opportunities (
  {{id}},
  org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES org_groups (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  -- Markdown.
  description TEXT NOT NULL,
  time_asked TEXT NOT NULL DEFAULT '',
  payment TEXT NOT NULL DEFAULT '',
  support TEXT NOT NULL DEFAULT '',
  -- The last day to express interest, YYYY-MM-DD (local date).
  closes_on TEXT NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('members', 'public')),
  state TEXT NOT NULL CHECK (state IN ('draft', 'open', 'closed', 'filled')),
  -- The random key of the form that created it: the same form sent twice makes one opportunity.
  create_key TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  -- When everyone who applied was told the outcome.
  outcome_told_at BIGINT,
  UNIQUE (org_id, create_key)
);
CREATE INDEX opportunities_org ON opportunities (org_id, state, closes_on);
CREATE INDEX opportunities_group ON opportunities (group_id, id);

-- One expression of interest per person per opportunity, in their own words. Leaving the organisation (or being
-- erased) takes it away.
CREATE TABLE opportunity_interest (
  opportunity_id BIGINT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
  org_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  message TEXT NOT NULL,
  -- What would help them take part.
  help TEXT NOT NULL DEFAULT '',
  shortlisted INTEGER NOT NULL DEFAULT 0,
  selected INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  -- When they were told the outcome (never twice).
  told_at BIGINT,
  PRIMARY KEY (opportunity_id, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) ON DELETE CASCADE
);
CREATE INDEX opportunity_interest_user ON opportunity_interest (user_id);
