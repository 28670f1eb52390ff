-- A discussion topic may have one attachment (src/discussions): a picture with the alternative text its author
-- wrote, or an audio recording, or a video. The file is an upload with purpose 'discussion_topic', owned by the
-- topic's author; whoever may see the topic may fetch it while its opening post is neither hidden nor deleted.
-- Changing the opening post can add, replace or remove it (the replaced file is deleted); deleting the opening post
-- deletes it. attachment_change on an earlier version says what happened to the attachment when that version was
-- replaced: 'added', 'replaced', 'removed' or '' (nothing).
ALTER TABLE discussion_topics ADD COLUMN attachment_upload_id BIGINT REFERENCES uploads (id) ON DELETE SET NULL;
ALTER TABLE discussion_topics ADD COLUMN attachment_alt TEXT NOT NULL DEFAULT '';
CREATE INDEX discussion_topics_attachment ON discussion_topics (attachment_upload_id);
ALTER TABLE discussion_post_versions ADD COLUMN attachment_change TEXT NOT NULL DEFAULT '';
