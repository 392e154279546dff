-- credit module: the exact ledger. See docs/schema.md ("Added for features") for why each addition exists.

-- The plan's allowance lives on the balance row, so the monthly reset reads only credit tables
-- (billing sets it through CreditLedger.setAllowance; credit never calls billing).
ALTER TABLE credit_balances
  ADD COLUMN plan VARCHAR(50) NOT NULL DEFAULT 'free',
  ADD COLUMN monthly_credits INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN rollover_cap INTEGER NOT NULL DEFAULT 0,
  -- Credits held by open reservations: not spendable, kept on the row so that one conditional
  -- UPDATE decides every debit and reservation.
  ADD COLUMN held_balance INTEGER NOT NULL DEFAULT 0,
  ADD CONSTRAINT ck_credit_balances_monthly_credits CHECK (monthly_credits >= 0),
  ADD CONSTRAINT ck_credit_balances_rollover_cap CHECK (rollover_cap >= 0),
  ADD CONSTRAINT ck_credit_balances_held_balance CHECK (held_balance >= 0),
  ADD CONSTRAINT ck_credit_balances_held_covered CHECK (held_balance <= balance + bonus_balance + rollover_balance);

-- The reset job walks due rows by next_reset_at.
CREATE INDEX idx_credit_balances_next_reset_at ON credit_balances (next_reset_at);

ALTER TABLE credit_transactions
  -- One row per bucket touched, so each bucket's ledger sum equals its balance.
  ADD COLUMN bucket VARCHAR(20) NOT NULL DEFAULT 'main',
  -- Insertion order: rows of one organization are written while its balance row is locked, so
  -- this is the order of their balance_after chain (created_at can tie within a statement).
  ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY,
  ADD CONSTRAINT ck_credit_transactions_bucket CHECK (bucket IN ('main', 'bonus', 'rollover')),
  ADD CONSTRAINT ck_credit_transactions_amount CHECK (amount <> 0);
ALTER TABLE credit_transactions ALTER COLUMN bucket DROP DEFAULT;

ALTER TABLE credit_transactions DROP CONSTRAINT ck_credit_transactions_type;
ALTER TABLE credit_transactions ADD CONSTRAINT ck_credit_transactions_type
  CHECK (type IN ('subscription', 'purchase', 'usage', 'refund', 'bonus', 'rollover', 'expiry', 'adjustment'));

-- Keyset pages of an organization's ledger, newest first.
CREATE INDEX idx_credit_transactions_org_keyset ON credit_transactions (organization_id, created_at DESC, id DESC);
-- A payment grants its pack once, however often PaymentCompleted is delivered.
CREATE UNIQUE INDEX ux_credit_transactions_purchase_reference ON credit_transactions (reference_type, reference_id)
  WHERE type = 'purchase';

CREATE TABLE credit_reservations (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  user_id UUID REFERENCES users(id),
  amount INTEGER NOT NULL,
  actual_amount INTEGER,
  status VARCHAR(20) NOT NULL DEFAULT 'held',
  reference_type VARCHAR(50),
  reference_id VARCHAR(255),
  description TEXT,
  expires_at TIMESTAMPTZ NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  settled_at TIMESTAMPTZ,
  CONSTRAINT ck_credit_reservations_amount CHECK (amount > 0),
  CONSTRAINT ck_credit_reservations_actual_amount CHECK (actual_amount IS NULL OR (actual_amount >= 0 AND actual_amount <= amount)),
  CONSTRAINT ck_credit_reservations_status CHECK (status IN ('held', 'committed', 'released', 'expired'))
);
CREATE INDEX idx_credit_reservations_organization_id ON credit_reservations (organization_id);
-- The expiry job finds overdue holds without scanning settled ones.
CREATE INDEX idx_credit_reservations_held_expires_at ON credit_reservations (expires_at) WHERE status = 'held';
