-- invest: what the first slice of issue 18 needs beyond the ERD (docs/schema.md, "Invest").

-- The admin review: a rejected campaign goes back to draft with the reason the creator reads.
ALTER TABLE campaigns ADD COLUMN review_note TEXT;
ALTER TABLE campaigns ADD COLUMN reviewed_by UUID REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE campaigns ADD COLUMN reviewed_at TIMESTAMPTZ;
ALTER TABLE campaigns ADD COLUMN submitted_at TIMESTAMPTZ;
-- Optimistic locking of the campaign aggregate (its status and terms); the counters change by conditional UPDATEs.
ALTER TABLE campaigns ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX idx_campaigns_explore_ending ON campaigns (end_date, id) WHERE status = 'active';
CREATE INDEX idx_campaigns_explore_newest ON campaigns (launched_at DESC, id DESC) WHERE status = 'active';
CREATE INDEX idx_campaigns_review_queue ON campaigns (submitted_at, id) WHERE status = 'pending_review';

-- The payment an investment waits for: payments.id, the reference its PaymentCompleted/PaymentFailed carry back.
CREATE UNIQUE INDEX uq_investments_payment_reference ON investments (payment_reference) WHERE payment_reference IS NOT NULL;
-- "My investments" newest first, and "has this backer another confirmed investment here" when counting backers.
CREATE INDEX idx_investments_user_created ON investments (user_id, created_at DESC, id DESC);
CREATE INDEX idx_investments_campaign_user ON investments (campaign_id, user_id) WHERE status = 'confirmed';
