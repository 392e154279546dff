-- invest: revenue periods, their distribution and the investors' payouts (issue 18, REVENUE; docs/schema.md).

-- The split's percentages as they were when the period was recorded: a later change of the settings never rewrites
-- a recorded distribution. The creator's percentage is what is left after the platform and the investors.
ALTER TABLE revenue_distributions ADD COLUMN platform_percent DECIMAL(5,2) NOT NULL DEFAULT 0;
ALTER TABLE revenue_distributions ADD COLUMN investor_percent DECIMAL(5,2) NOT NULL DEFAULT 0;
ALTER TABLE revenue_distributions ADD COLUMN creator_percent DECIMAL(5,2) NOT NULL DEFAULT 0;
ALTER TABLE revenue_distributions ADD COLUMN currency VARCHAR(10) NOT NULL DEFAULT 'IDR';
ALTER TABLE revenue_distributions ADD COLUMN recorded_by UUID REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE revenue_distributions ADD CONSTRAINT ck_revenue_distributions_percents
  CHECK (platform_percent >= 0 AND investor_percent >= 0 AND creator_percent >= 0
         AND platform_percent + investor_percent + creator_percent = 100);
ALTER TABLE revenue_distributions ADD CONSTRAINT ck_revenue_distributions_split
  CHECK (platform_share + creator_share + investor_pool = total_revenue);
-- A campaign's periods listed newest first; the overlap check reads the same rows under the campaign's row lock.
CREATE INDEX idx_revenue_distributions_campaign_period ON revenue_distributions (campaign_id, period_start DESC, id DESC);

-- One payout per investment and distribution: a repeated split cannot pay an investment twice.
CREATE UNIQUE INDEX uq_investor_payouts_distribution_investment ON investor_payouts (distribution_id, investment_id);
-- Why the last attempt failed (the investor and the creator read it), how many attempts were made (each a new
-- idempotency key at the provider, made only after the previous one failed for certain), and when the row last moved.
ALTER TABLE investor_payouts ADD COLUMN failure_reason TEXT;
ALTER TABLE investor_payouts ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE investor_payouts ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW();
ALTER TABLE investor_payouts ADD CONSTRAINT ck_investor_payouts_attempts CHECK (attempts >= 0);
-- The payout job picks due rows oldest first.
CREATE INDEX idx_investor_payouts_due ON investor_payouts (updated_at, id) WHERE status IN ('pending', 'processing');
-- "My payouts" newest first with keyset paging.
CREATE INDEX idx_investor_payouts_user_created ON investor_payouts (user_id, created_at DESC, id DESC);

-- Where a paid-out disbursement goes (Xendit needs a bank and an account); the sandbox needs none.
CREATE TABLE investor_payout_accounts (
  user_id UUID PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  bank_code VARCHAR(50) NOT NULL,
  account_number VARCHAR(50) NOT NULL,
  account_holder_name VARCHAR(255) NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
