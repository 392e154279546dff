-- Issue 18: a tier's rewards are typed objects, and confirming an investment writes one investor_rewards row per reward.
-- reward_key names the tier's reward a row came from; unique per investment so a redelivered confirmation adds nothing.
ALTER TABLE investor_rewards ADD COLUMN reward_key VARCHAR(20) NOT NULL;
ALTER TABLE investor_rewards ADD CONSTRAINT uq_investor_rewards_investment_reward UNIQUE (investment_id, reward_key);
-- credit rewards: how many credits and which organization's ledger received them (null while none was chosen).
ALTER TABLE investor_rewards ADD COLUMN credits INTEGER CONSTRAINT ck_investor_rewards_credits CHECK (credits > 0);
ALTER TABLE investor_rewards ADD COLUMN credited_organization_id UUID REFERENCES organizations(id) ON DELETE SET NULL;
-- digital rewards from the organization's media library: the asset the investor's download link opens.
ALTER TABLE investor_rewards ADD COLUMN asset_id UUID;
ALTER TABLE investor_rewards ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW();
-- A refunded investment's rewards that were not delivered yet are cancelled rather than deleted: the creator's list keeps them.
ALTER TABLE investor_rewards DROP CONSTRAINT ck_investor_rewards_status;
ALTER TABLE investor_rewards ADD CONSTRAINT ck_investor_rewards_status
    CHECK (status IN ('pending', 'processing', 'shipped', 'delivered', 'failed', 'cancelled'));

-- Tiers listed their reward items as text; each becomes a physical reward of that name, keyed by its position.
UPDATE investment_tiers t SET reward_items = (
    SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(e) = 'string'
        THEN jsonb_build_object('key', 'r' || o, 'type', 'physical', 'name', e #>> '{}') ELSE e END ORDER BY o), '[]'::jsonb)
    FROM jsonb_array_elements(t.reward_items) WITH ORDINALITY AS x(e, o))
WHERE jsonb_typeof(t.reward_items) = 'array' AND t.reward_items <> '[]'::jsonb;
