-- billing: what pausing and saved-method renewals need on subscriptions.
-- paused_at / paused_remaining_seconds: while paused nothing is charged, and the paid time that was left when the
-- subscription paused comes back on unpause (the period's end moves by the paused time).
-- renewal_payment_id: the last saved-method charge of a renewal, so a charge without a reply yet is never repeated.
ALTER TABLE subscriptions
  ADD COLUMN paused_at TIMESTAMPTZ,
  ADD COLUMN paused_remaining_seconds BIGINT,
  ADD COLUMN renewal_payment_id UUID,
  ADD CONSTRAINT ck_subscriptions_paused CHECK ((status = 'paused') = (paused_at IS NOT NULL AND paused_remaining_seconds IS NOT NULL)),
  ADD CONSTRAINT ck_subscriptions_paused_remaining CHECK (paused_remaining_seconds IS NULL OR paused_remaining_seconds >= 0);
