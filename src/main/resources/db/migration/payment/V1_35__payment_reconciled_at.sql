-- payment module: when the reconciliation job last asked a payment's gateway about it, so payments a gateway
-- cannot answer for (yet) go to the back of the queue instead of filling every batch.
ALTER TABLE payments ADD COLUMN reconciled_at TIMESTAMPTZ;
CREATE INDEX idx_payments_open_reconcile ON payments (reconciled_at NULLS FIRST, created_at) WHERE status IN ('pending', 'processing');
