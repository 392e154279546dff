-- How many AI generations an organization on the plan runs at once (ai.GenerationSlots); the excess waits in order.
ALTER TABLE plans ADD COLUMN ai_concurrency INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plans ADD CONSTRAINT ck_plans_ai_concurrency CHECK (ai_concurrency BETWEEN 1 AND 1000);
UPDATE plans SET ai_concurrency = CASE key
  WHEN 'free' THEN 1 WHEN 'byok' THEN 2 WHEN 'starter' THEN 2 WHEN 'pro' THEN 5 WHEN 'team' THEN 10 WHEN 'enterprise' THEN 20 ELSE 1 END;
