-- identity module: users, sessions
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE users (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),

  -- Auth
  email VARCHAR(255) UNIQUE NOT NULL,
  email_verified BOOLEAN NOT NULL DEFAULT FALSE,
  password_hash VARCHAR(255),

  -- Profile
  name VARCHAR(255),
  username VARCHAR(100) UNIQUE,
  avatar TEXT,
  bio TEXT,

  -- Web3
  wallet_address VARCHAR(255) UNIQUE,
  modo_tokens INTEGER NOT NULL DEFAULT 0,

  -- OAuth
  google_id VARCHAR(255) UNIQUE,
  github_id VARCHAR(255) UNIQUE,
  discord_id VARCHAR(255) UNIQUE,

  -- Settings
  preferences JSONB NOT NULL DEFAULT '{}',
  notification_settings JSONB NOT NULL DEFAULT '{}',

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'active', -- active, suspended, deleted
  platform_role VARCHAR(20) NOT NULL DEFAULT 'user', -- added: platform-wide role (not in the ERD)
  last_login_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_users_status CHECK (status IN ('active', 'suspended', 'deleted')),
  CONSTRAINT ck_users_platform_role CHECK (platform_role IN ('user', 'admin', 'superadmin')),
  CONSTRAINT ck_users_modo_tokens CHECK (modo_tokens >= 0)
);
CREATE INDEX idx_users_email ON users (email);
CREATE INDEX idx_users_wallet ON users (wallet_address);
CREATE UNIQUE INDEX ux_users_email_lower ON users (lower(email));

CREATE TABLE sessions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,

  token_hash VARCHAR(255) UNIQUE NOT NULL,
  device_info JSONB,
  ip_address VARCHAR(50),
  user_agent TEXT,

  expires_at TIMESTAMPTZ NOT NULL,
  last_active_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_sessions_user_id ON sessions (user_id);
