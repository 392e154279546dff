-- credit module: credit_balances, credit_transactions
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE credit_balances (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID NOT NULL UNIQUE REFERENCES organizations(id) ON DELETE CASCADE,

  balance INTEGER NOT NULL DEFAULT 0, -- Main credits
  bonus_balance INTEGER NOT NULL DEFAULT 0, -- Promotional credits
  rollover_balance INTEGER NOT NULL DEFAULT 0, -- Rolled over from previous month

  last_reset_at TIMESTAMPTZ,
  next_reset_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_credit_balances_balance CHECK (balance >= 0),
  CONSTRAINT ck_credit_balances_bonus_balance CHECK (bonus_balance >= 0),
  CONSTRAINT ck_credit_balances_rollover_balance CHECK (rollover_balance >= 0)
);

CREATE TABLE credit_transactions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  user_id UUID REFERENCES users(id),

  type VARCHAR(50) NOT NULL, -- subscription, purchase, usage, refund, bonus, rollover
  amount INTEGER NOT NULL, -- positive=credit, negative=debit
  balance_after INTEGER NOT NULL,

  description TEXT,
  reference_type VARCHAR(50), -- ai_usage, stripe_invoice, manual
  reference_id VARCHAR(255),

  metadata JSONB NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_credit_transactions_type CHECK (type IN ('subscription', 'purchase', 'usage', 'refund', 'bonus', 'rollover')),
  CONSTRAINT ck_credit_transactions_balance_after CHECK (balance_after >= 0)
);
CREATE INDEX idx_credit_transactions_organization_id ON credit_transactions (organization_id);
CREATE INDEX idx_credit_transactions_user_id ON credit_transactions (user_id);
