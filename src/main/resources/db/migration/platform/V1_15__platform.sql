-- platform module: system_settings, feature_flags, webhooks, webhook_logs
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE system_settings (
  key VARCHAR(100) PRIMARY KEY,
  value JSONB NOT NULL,
  description TEXT,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE feature_flags (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  key VARCHAR(100) UNIQUE NOT NULL,
  description TEXT,

  enabled BOOLEAN NOT NULL DEFAULT FALSE,

  -- Targeting
  target_type VARCHAR(50), -- all, percentage, users, organizations
  target_value JSONB, -- Specific targets

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_feature_flags_target_type CHECK (target_type IN ('all', 'percentage', 'users', 'organizations'))
);

CREATE TABLE webhooks (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,

  url TEXT NOT NULL,
  secret VARCHAR(255),

  events JSONB NOT NULL DEFAULT '[]', -- Array of event types to trigger

  is_active BOOLEAN NOT NULL DEFAULT TRUE,

  -- Stats
  last_triggered_at TIMESTAMPTZ,
  failure_count INTEGER NOT NULL DEFAULT 0,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_webhooks_failure_count CHECK (failure_count >= 0)
);
CREATE INDEX idx_webhooks_organization_id ON webhooks (organization_id);

CREATE TABLE webhook_logs (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  webhook_id UUID NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,

  event_type VARCHAR(100),
  payload JSONB,

  -- Response
  status_code INTEGER,
  response_body TEXT,

  -- Timing
  duration_ms INTEGER,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_webhook_logs_duration_ms CHECK (duration_ms >= 0)
);
CREATE INDEX idx_webhook_logs_webhook_id ON webhook_logs (webhook_id);
