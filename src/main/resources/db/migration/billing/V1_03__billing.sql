-- billing module: subscriptions
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE subscriptions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,

  plan VARCHAR(50) NOT NULL, -- free, starter, pro, team, enterprise, byok
  status VARCHAR(50) NOT NULL, -- active, canceled, past_due, trialing, paused
  billing_cycle VARCHAR(20), -- monthly, yearly

  -- Stripe
  stripe_subscription_id VARCHAR(255),
  stripe_price_id VARCHAR(255),

  -- Dates
  current_period_start TIMESTAMPTZ,
  current_period_end TIMESTAMPTZ,
  trial_start TIMESTAMPTZ,
  trial_end TIMESTAMPTZ,
  canceled_at TIMESTAMPTZ,
  cancel_at_period_end BOOLEAN NOT NULL DEFAULT FALSE,

  -- Metadata
  metadata JSONB NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_subscriptions_plan CHECK (plan IN ('free', 'starter', 'pro', 'team', 'enterprise', 'byok')),
  CONSTRAINT ck_subscriptions_status CHECK (status IN ('active', 'canceled', 'past_due', 'trialing', 'paused')),
  CONSTRAINT ck_subscriptions_billing_cycle CHECK (billing_cycle IN ('monthly', 'yearly'))
);
CREATE INDEX idx_subscriptions_organization_id ON subscriptions (organization_id);
