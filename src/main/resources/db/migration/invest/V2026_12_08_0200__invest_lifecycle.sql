-- invest: the campaign lifecycle of issue 18 (docs/schema.md, "Added for features").

-- An ended campaign whose gateway payments have not all settled waits here (bounded) before it is funded or failed.
ALTER TABLE campaigns DROP CONSTRAINT ck_campaigns_status;
ALTER TABLE campaigns ADD CONSTRAINT ck_campaigns_status CHECK (status IN ('draft', 'pending_review', 'active', 'awaiting_settlement',
    'funded', 'failed', 'completed', 'cancelled'));
-- The deadline job's work list: launched campaigns past their end date.
CREATE INDEX idx_campaigns_deadline ON campaigns (end_date) WHERE status IN ('active', 'awaiting_settlement');

-- One refund per investment, ever: the investor's cancel, a failed all-or-nothing campaign and a payment that completed
-- after its investment expired all go through this row, so a retried or rerun job finds it and refunds nothing twice.
CREATE TABLE investment_refunds (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  investment_id UUID NOT NULL REFERENCES investments(id) ON DELETE CASCADE,
  payment_id UUID NOT NULL,
  amount DECIMAL(15,2) NOT NULL,
  currency VARCHAR(10) NOT NULL,
  reason VARCHAR(50) NOT NULL, -- investor_cancel, campaign_failed, late_payment
  status VARCHAR(50) NOT NULL DEFAULT 'requested', -- requested, completed
  requested_by UUID REFERENCES users(id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  completed_at TIMESTAMPTZ,
  CONSTRAINT uq_investment_refunds_investment UNIQUE (investment_id),
  CONSTRAINT ck_investment_refunds_reason CHECK (reason IN ('investor_cancel', 'campaign_failed', 'late_payment')),
  CONSTRAINT ck_investment_refunds_status CHECK (status IN ('requested', 'completed')),
  CONSTRAINT ck_investment_refunds_amount CHECK (amount > 0)
);
