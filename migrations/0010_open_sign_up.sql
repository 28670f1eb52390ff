-- Open sign-up: someone asks to join an organisation whose sign-up is open, and gets an invitation link by email
-- (which proves the address is theirs). Such invitations are marked, so pages and email say "you asked to join".
ALTER TABLE invitations ADD COLUMN self_requested INTEGER NOT NULL DEFAULT 0;
