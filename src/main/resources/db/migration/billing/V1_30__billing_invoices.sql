-- billing: invoices (added tables). An invoice is issued when a payment is started and is what the payment's
-- reference points at; it records what the payment buys (kind, plan, cycle) so the subscription follows it only
-- once the payment completes.

CREATE TABLE invoice_counters (
  year INTEGER PRIMARY KEY,
  last_number INTEGER NOT NULL CHECK (last_number >= 1)
);

CREATE TABLE invoices (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  number VARCHAR(30) NOT NULL UNIQUE,
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  subscription_id UUID REFERENCES subscriptions(id) ON DELETE SET NULL,
  payment_id UUID,
  kind VARCHAR(20) NOT NULL, -- subscribe, upgrade, renewal
  plan VARCHAR(50) NOT NULL,
  billing_cycle VARCHAR(20) NOT NULL,
  status VARCHAR(20) NOT NULL, -- draft, open, paid, void
  subtotal NUMERIC(14,2) NOT NULL,
  tax_rate NUMERIC(6,4) NOT NULL,
  tax NUMERIC(14,2) NOT NULL,
  total NUMERIC(14,2) NOT NULL,
  currency VARCHAR(3) NOT NULL DEFAULT 'IDR',
  period_start TIMESTAMPTZ,
  period_end TIMESTAMPTZ,
  billing_name VARCHAR(255) NOT NULL,
  billing_email VARCHAR(255),
  issued_at TIMESTAMPTZ NOT NULL,
  paid_at TIMESTAMPTZ,
  voided_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  CONSTRAINT ck_invoices_kind CHECK (kind IN ('subscribe', 'upgrade', 'renewal')),
  CONSTRAINT ck_invoices_status CHECK (status IN ('draft', 'open', 'paid', 'void')),
  CONSTRAINT ck_invoices_billing_cycle CHECK (billing_cycle IN ('monthly', 'yearly')),
  CONSTRAINT ck_invoices_amounts CHECK (subtotal > 0 AND tax >= 0 AND total = subtotal + tax AND tax_rate >= 0 AND tax_rate < 1),
  CONSTRAINT ck_invoices_paid CHECK ((status = 'paid') = (paid_at IS NOT NULL AND payment_id IS NOT NULL))
);
CREATE INDEX idx_invoices_org_keyset ON invoices (organization_id, created_at DESC, id DESC);
-- At most one open renewal invoice per subscription: retries charge the same invoice again.
CREATE UNIQUE INDEX ux_invoices_open_renewal ON invoices (subscription_id) WHERE kind = 'renewal' AND status = 'open';

CREATE TABLE invoice_lines (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id UUID NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind VARCHAR(30) NOT NULL, -- plan, prorated_plan, unused_credit
  plan VARCHAR(50) NOT NULL,
  billing_cycle VARCHAR(20) NOT NULL,
  period_start TIMESTAMPTZ,
  period_end TIMESTAMPTZ,
  amount NUMERIC(14,2) NOT NULL,

  CONSTRAINT ck_invoice_lines_kind CHECK (kind IN ('plan', 'prorated_plan', 'unused_credit')),
  CONSTRAINT ck_invoice_lines_sign CHECK ((kind = 'unused_credit') = (amount < 0)),
  CONSTRAINT ux_invoice_lines_position UNIQUE (invoice_id, position)
);
