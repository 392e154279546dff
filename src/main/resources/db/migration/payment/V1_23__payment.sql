-- payment: every payment attempt, the gateway notifications that drive it, saved payment methods and
-- the Idempotency-Key store (id.modo.verse.payment).
--
-- A payment's status changes only through verified gateway notifications, the reconciliation job or a
-- refund the gateway accepted; the row is locked (SELECT ... FOR UPDATE) for each change, and version
-- counts the changes. The CHECKs keep money sane even if code goes wrong: nothing negative, never more
-- refunded than paid.

CREATE TABLE payments (
  id UUID PRIMARY KEY,
  purpose VARCHAR(20) NOT NULL,
  reference VARCHAR(255) NOT NULL,
  organization_id UUID,
  payer_id UUID NOT NULL,
  description VARCHAR(255) NOT NULL,
  amount NUMERIC(14,2) NOT NULL,
  currency VARCHAR(3) NOT NULL DEFAULT 'IDR',
  refunded_amount NUMERIC(14,2) NOT NULL DEFAULT 0,
  fee NUMERIC(14,2),
  gateway VARCHAR(20) NOT NULL,
  gateway_reference VARCHAR(255),
  status VARCHAR(20) NOT NULL DEFAULT 'pending',
  failure_reason VARCHAR(500),
  checkout_url VARCHAR(2000),
  return_path VARCHAR(2000) NOT NULL,
  save_method BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  completed_at TIMESTAMPTZ,
  failed_at TIMESTAMPTZ,
  refunded_at TIMESTAMPTZ,
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT ck_payments_purpose CHECK (purpose IN ('subscription', 'credit_pack', 'investment', 'order')),
  CONSTRAINT ck_payments_status CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'refunded', 'partially_refunded')),
  CONSTRAINT ck_payments_amount CHECK (amount > 0),
  CONSTRAINT ck_payments_refunded CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
  CONSTRAINT ck_payments_fee CHECK (fee IS NULL OR fee >= 0)
);

-- The gateway's own id for a payment (a Checkout Session, a Snap order, an invoice) finds it again.
CREATE UNIQUE INDEX ux_payments_gateway_reference ON payments (gateway, gateway_reference) WHERE gateway_reference IS NOT NULL;
-- The reconciliation job: payments still open after a while.
CREATE INDEX idx_payments_open ON payments (created_at) WHERE status IN ('pending', 'processing');
CREATE INDEX idx_payments_payer ON payments (payer_id, created_at);
CREATE INDEX idx_payments_organization ON payments (organization_id, created_at);

-- Every verified notification, once: a repeated event id is recognised by the unique key and changes nothing.
CREATE TABLE payment_events (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  gateway VARCHAR(20) NOT NULL,
  event_id VARCHAR(255) NOT NULL,
  payment_id UUID REFERENCES payments(id),
  type VARCHAR(100) NOT NULL,
  payload JSONB NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  processed_at TIMESTAMPTZ,
  CONSTRAINT ux_payment_events_gateway_event UNIQUE (gateway, event_id)
);
CREATE INDEX idx_payment_events_payment ON payment_events (payment_id, received_at);

-- A payment method an organization saved at a checkout, for renewals without the payer. Only the
-- gateway's token references are kept (a Stripe customer + payment method, a sandbox token), never a card number.
CREATE TABLE payment_methods (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  gateway VARCHAR(20) NOT NULL,
  customer_reference VARCHAR(255),
  method_reference VARCHAR(255) NOT NULL,
  label VARCHAR(100),
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  CONSTRAINT ux_payment_methods_org_gateway UNIQUE (organization_id, gateway)
);

-- Idempotency-Key store: one row per (caller, key). A running row blocks a concurrent duplicate until
-- locked_until (so a crashed node's key frees itself); a done row replays its stored response until expires_at.
CREATE TABLE idempotency_keys (
  caller_id UUID NOT NULL,
  idempotency_key VARCHAR(255) NOT NULL,
  request_hash CHAR(64) NOT NULL,
  state VARCHAR(10) NOT NULL,
  response_status INT,
  response_headers JSONB,
  response_body TEXT,
  locked_until TIMESTAMPTZ NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  expires_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (caller_id, idempotency_key),
  CONSTRAINT ck_idempotency_keys_state CHECK (state IN ('running', 'done')),
  CONSTRAINT ck_idempotency_keys_response CHECK (state = 'running' OR response_status BETWEEN 200 AND 299)
);
CREATE INDEX idx_idempotency_keys_expires ON idempotency_keys (expires_at);
