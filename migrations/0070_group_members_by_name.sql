-- A closed named poll's "who chose what" lists the group's members who took part by name, a page at a time: read along
-- this index from where the page starts, each member tested for a ballot by its key, so a page costs the same however
-- many took part (a poll of 40,000 people showed its first 500 ballots' names on the proposal's page before).
CREATE INDEX group_members_by_name ON group_members (group_id, name, user_id);
