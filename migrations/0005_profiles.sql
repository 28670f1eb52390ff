-- A person's profile: what they bring, what they need and how to reach them. One row per account.
-- Lists are stored as comma-separated codes; free text is the person's own words.
CREATE TABLE profiles (
  user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  pronouns TEXT NOT NULL DEFAULT '',
  strengths TEXT NOT NULL DEFAULT '',
  skills TEXT NOT NULL DEFAULT '',
  lived_experience TEXT NOT NULL DEFAULT '',
  -- Accessible Information Standard: easy_read, large_print, bsl, audio, supporter, welsh, other.
  needs TEXT NOT NULL DEFAULT '',
  needs_other TEXT NOT NULL DEFAULT '',
  meeting_support TEXT NOT NULL DEFAULT '',
  -- 1 when the person agreed that facilitators of their organisations may see their needs.
  share_needs INTEGER NOT NULL DEFAULT 0,
  -- email, phone, text.
  contact_methods TEXT NOT NULL DEFAULT 'email',
  phone TEXT NOT NULL DEFAULT '',
  -- weekday_daytime, evenings, weekends.
  contact_times TEXT NOT NULL DEFAULT '',
  contact_notes TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL
);

-- Interests as tags, lower-cased, for finding people with shared interests.
CREATE TABLE profile_interests (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (user_id, tag)
);
CREATE INDEX profile_interests_tag ON profile_interests (tag);
