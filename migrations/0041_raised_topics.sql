-- The topics raised for a group's next meeting (the agenda page's "raised in the discussion space" list, and the
-- discussion list's ?show=raised): with only (group_id, last_post_at, id) to go by, each visit read every topic of
-- the group to find the few with raised_count > 0 and sorted them (3.9 million instructions a visit with 2,000
-- topics). This index gives them in order, most raised first.
CREATE INDEX discussion_topics_raised ON discussion_topics (group_id, raised_count, id);
