-- billing: the plan catalogue (added table) and what the subscription lifecycle needs on subscriptions.
-- Prices are IDR, tax-exclusive; a NULL limit means unlimited. Platform admins edit the rows.

CREATE TABLE plans (
  key VARCHAR(50) PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  monthly_price NUMERIC(14,2) NOT NULL,
  yearly_price NUMERIC(14,2) NOT NULL,
  currency VARCHAR(3) NOT NULL DEFAULT 'IDR',
  monthly_credits INTEGER NOT NULL,
  rollover_cap INTEGER NOT NULL,
  storage_limit_bytes BIGINT NOT NULL,
  project_limit INTEGER,
  member_limit INTEGER,
  features JSONB NOT NULL DEFAULT '{}',
  -- enterprise is sold by contact: shown on the pricing page, never chosen on the billing page
  self_serve BOOLEAN NOT NULL DEFAULT TRUE,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  sort_order INTEGER NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  version BIGINT NOT NULL DEFAULT 0,

  CONSTRAINT ck_plans_key CHECK (key IN ('free', 'starter', 'pro', 'team', 'enterprise', 'byok')),
  CONSTRAINT ck_plans_prices CHECK (monthly_price >= 0 AND yearly_price >= 0),
  CONSTRAINT ck_plans_credits CHECK (monthly_credits >= 0 AND rollover_cap >= 0),
  CONSTRAINT ck_plans_limits CHECK (storage_limit_bytes >= 0 AND (project_limit IS NULL OR project_limit >= 0)
      AND (member_limit IS NULL OR member_limit >= 1)),
  CONSTRAINT ck_plans_free_is_free CHECK (key <> 'free' OR (monthly_price = 0 AND yearly_price = 0))
);

INSERT INTO plans (key, name, monthly_price, yearly_price, monthly_credits, rollover_cap, storage_limit_bytes,
                   project_limit, member_limit, features, self_serve, sort_order) VALUES
  ('free',       'Free',         0.00,       0.00,    100,      0,     1073741824,    3,    3, '{"byok_allowed": false}', TRUE, 10),
  ('byok',       'BYOK',     49000.00,  490000.00,      0,      0,    10737418240,   10,    5, '{"byok_allowed": true}',  TRUE, 20),
  ('starter',    'Starter',  99000.00,  990000.00,   1000,    500,    10737418240,   10,    5, '{"byok_allowed": false}', TRUE, 30),
  ('pro',        'Pro',     299000.00, 2990000.00,   5000,   2500,   107374182400,   50,   15, '{"byok_allowed": true}',  TRUE, 40),
  ('team',       'Team',    899000.00, 8990000.00,  20000,  10000,  1099511627776, NULL,   50, '{"byok_allowed": true}',  TRUE, 50),
  ('enterprise', 'Enterprise',   0.00,       0.00, 100000,  50000, 10995116277760, NULL, NULL, '{"byok_allowed": true}', FALSE, 60);

ALTER TABLE subscriptions
  ADD COLUMN pending_plan VARCHAR(50),
  ADD COLUMN pending_billing_cycle VARCHAR(20),
  ADD COLUMN retry_count INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN next_retry_at TIMESTAMPTZ,
  ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  ADD COLUMN version BIGINT NOT NULL DEFAULT 0,
  ADD CONSTRAINT ck_subscriptions_pending_plan CHECK (pending_plan IN ('free', 'starter', 'pro', 'team', 'enterprise', 'byok')),
  ADD CONSTRAINT ck_subscriptions_pending_billing_cycle CHECK (pending_billing_cycle IN ('monthly', 'yearly')),
  ADD CONSTRAINT ck_subscriptions_retry_count CHECK (retry_count >= 0);

-- One current (not canceled) subscription per organization; canceled ones stay as history.
CREATE UNIQUE INDEX ux_subscriptions_current ON subscriptions (organization_id) WHERE status <> 'canceled';
-- The renewal job's scan: paid subscriptions whose period (or trial) is over.
CREATE INDEX idx_subscriptions_due ON subscriptions (current_period_end) WHERE status IN ('active', 'past_due', 'trialing', 'paused');
