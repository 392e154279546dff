-- identity: what accounts need beyond the ERD (see docs/schema.md, "Added for features").

-- Optimistic locking for the User aggregate.
ALTER TABLE users ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- Single-use tokens for email verification and password reset. Only the SHA-256 of a token is
-- stored; the token itself exists only in the mail sent to the user.
CREATE TABLE one_time_tokens (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose VARCHAR(30) NOT NULL,
  token_hash VARCHAR(64) NOT NULL UNIQUE,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  CONSTRAINT ck_one_time_tokens_purpose CHECK (purpose IN ('verify_email', 'password_reset'))
);
CREATE INDEX idx_one_time_tokens_user_id ON one_time_tokens (user_id);
CREATE INDEX idx_one_time_tokens_expires_at ON one_time_tokens (expires_at);

-- Sessions expire by idle time as well as absolutely; listing a user's sessions newest first.
CREATE INDEX idx_sessions_user_last_active ON sessions (user_id, last_active_at DESC);
CREATE INDEX idx_sessions_expires_at ON sessions (expires_at);
