-- organization module: organizations, organization_members, invitations
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE organizations (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name VARCHAR(255) NOT NULL,
  slug VARCHAR(100) UNIQUE NOT NULL, -- untuk subdomain
  logo TEXT,
  banner TEXT,
  description TEXT,
  website VARCHAR(255),

  -- Subscription & Billing
  plan VARCHAR(50) NOT NULL DEFAULT 'free', -- free, starter, pro, team, enterprise, byok
  billing_email VARCHAR(255),
  stripe_customer_id VARCHAR(255),
  stripe_subscription_id VARCHAR(255),

  -- Limits & Usage
  ai_credits_balance INTEGER NOT NULL DEFAULT 0,
  storage_used_bytes BIGINT NOT NULL DEFAULT 0,
  storage_limit_bytes BIGINT NOT NULL DEFAULT 524288000, -- 500MB default

  -- Settings
  settings JSONB NOT NULL DEFAULT '{}',

  -- Timestamps
  trial_ends_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_organizations_plan CHECK (plan IN ('free', 'starter', 'pro', 'team', 'enterprise', 'byok')),
  CONSTRAINT ck_organizations_ai_credits_balance CHECK (ai_credits_balance >= 0),
  CONSTRAINT ck_organizations_storage_used_bytes CHECK (storage_used_bytes >= 0),
  CONSTRAINT ck_organizations_storage_limit_bytes CHECK (storage_limit_bytes >= 0)
);

CREATE TABLE organization_members (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,

  role VARCHAR(50) NOT NULL, -- owner, admin, editor, viewer
  permissions JSONB NOT NULL DEFAULT '[]', -- granular permissions

  invited_by UUID REFERENCES users(id),
  invited_at TIMESTAMPTZ,
  joined_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  UNIQUE(organization_id, user_id),

  -- Checks
  CONSTRAINT ck_organization_members_role CHECK (role IN ('owner', 'admin', 'editor', 'viewer'))
);
CREATE INDEX idx_org_members_org ON organization_members (organization_id);
CREATE INDEX idx_org_members_user ON organization_members (user_id);
CREATE INDEX idx_organization_members_invited_by ON organization_members (invited_by);

CREATE TABLE invitations (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,

  email VARCHAR(255) NOT NULL,
  role VARCHAR(50) NOT NULL, -- owner, admin, editor, viewer (the organization_members roles)

  token VARCHAR(255) UNIQUE NOT NULL,
  invited_by UUID REFERENCES users(id),

  status VARCHAR(50) NOT NULL DEFAULT 'pending', -- pending, accepted, expired, revoked
  expires_at TIMESTAMPTZ NOT NULL,
  accepted_at TIMESTAMPTZ,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_invitations_role CHECK (role IN ('owner', 'admin', 'editor', 'viewer')),
  CONSTRAINT ck_invitations_status CHECK (status IN ('pending', 'accepted', 'expired', 'revoked'))
);
CREATE INDEX idx_invitations_organization_id ON invitations (organization_id);
CREATE INDEX idx_invitations_invited_by ON invitations (invited_by);
