-- An expression of interest may be a recording (audio, or a video) instead of, or as well as, the person's words
-- (src/opportunities). The file is an upload with purpose 'opportunity_interest', owned by the person; only they and
-- the people who may see the opportunity's applicants may fetch it. Changing the interest can replace or remove it,
-- taking it back deletes it; the message may then be empty (one of the two is required, checked by the form).
ALTER TABLE opportunity_interest ADD COLUMN recording_upload_id BIGINT REFERENCES uploads (id) ON DELETE SET NULL;
CREATE INDEX opportunity_interest_recording ON opportunity_interest (recording_upload_id);
