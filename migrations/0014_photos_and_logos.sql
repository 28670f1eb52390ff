-- An optional photo on a person's profile, so others recognise them at meetings. The file is in uploads (purpose
-- profile_photo); if its row goes, the profile simply has no photo.
ALTER TABLE profiles ADD COLUMN photo_upload_id BIGINT REFERENCES uploads (id) ON DELETE SET NULL;

-- An organisation's logo, shown to its members. The file belongs to the organisation (uploads.org_id), not to the
-- admin who uploaded it, so it stays when they leave or erase their account.
ALTER TABLE organisations ADD COLUMN logo_upload_id BIGINT REFERENCES uploads (id) ON DELETE SET NULL;
