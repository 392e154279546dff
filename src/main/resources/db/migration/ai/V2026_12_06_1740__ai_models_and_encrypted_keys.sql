-- ai module: the model catalogue, the credit price of each generation type, and what an encrypted key needs.
-- Admin-editable; the seed is the issue's default prices and a current model of each provider.

CREATE TABLE ai_models (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  provider VARCHAR(50) NOT NULL,
  model VARCHAR(100) NOT NULL,
  kind VARCHAR(10) NOT NULL,
  -- Both NULL: the model costs its generation type's price (ai_generation_prices); both set: it costs its tokens
  -- (a model priced 0 costs 0).
  credits_per_1k_input_tokens NUMERIC(12,4),
  credits_per_1k_output_tokens NUMERIC(12,4),
  -- What the provider charges us, for the usage log's cost_usd.
  usd_per_1k_input_tokens NUMERIC(12,6),
  usd_per_1k_output_tokens NUMERIC(12,6),
  usd_per_image NUMERIC(12,6),
  enabled BOOLEAN NOT NULL DEFAULT TRUE,
  -- The platform default of its kind; at most one per kind.
  is_default BOOLEAN NOT NULL DEFAULT FALSE,
  -- The plan keys that may use it; NULL for every plan. A model listing plans is those plans' model, chosen before the default.
  plans VARCHAR(50)[],
  -- Admin-ordered fallback chain: lower goes first.
  fallback_position INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  CONSTRAINT uq_ai_models_provider_model UNIQUE (provider, model),
  CONSTRAINT ck_ai_models_provider CHECK (provider IN ('openai', 'anthropic', 'gemini', 'compatible')),
  CONSTRAINT ck_ai_models_kind CHECK (kind IN ('text', 'image')),
  CONSTRAINT ck_ai_models_token_credits CHECK ((credits_per_1k_input_tokens IS NULL) = (credits_per_1k_output_tokens IS NULL)
      AND coalesce(credits_per_1k_input_tokens, 0) >= 0 AND coalesce(credits_per_1k_output_tokens, 0) >= 0),
  CONSTRAINT ck_ai_models_usd CHECK (coalesce(usd_per_1k_input_tokens, 0) >= 0 AND coalesce(usd_per_1k_output_tokens, 0) >= 0
      AND coalesce(usd_per_image, 0) >= 0)
);
CREATE UNIQUE INDEX ux_ai_models_default_per_kind ON ai_models (kind) WHERE is_default;

INSERT INTO ai_models (provider, model, kind, usd_per_1k_input_tokens, usd_per_1k_output_tokens, usd_per_image, is_default, fallback_position) VALUES
  ('openai', 'gpt-4.1-mini', 'text', 0.000400, 0.001600, NULL, TRUE, 10),
  ('anthropic', 'claude-sonnet-4-5', 'text', 0.003000, 0.015000, NULL, FALSE, 20),
  ('gemini', 'gemini-2.5-flash', 'text', 0.000300, 0.002500, NULL, FALSE, 30),
  ('compatible', 'llama3.2', 'text', 0, 0, NULL, FALSE, 40),
  ('openai', 'gpt-image-1', 'image', NULL, NULL, 0.042000, TRUE, 10),
  ('gemini', 'gemini-2.5-flash-image', 'image', NULL, NULL, 0.039000, FALSE, 20);

CREATE TABLE ai_generation_prices (
  generation_type VARCHAR(50) PRIMARY KEY,
  credits INTEGER NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  CONSTRAINT ck_ai_generation_prices_credits CHECK (credits >= 0)
);

INSERT INTO ai_generation_prices (generation_type, credits) VALUES
  ('premise', 2), ('logline', 2), ('synopsis', 3), ('story_structure', 10), ('want_need', 3), ('key_actions', 5),
  ('character_profile', 8), ('character_image', 12), ('universe', 10), ('moodboard_prompt', 3), ('moodboard_image', 12),
  ('script_scene', 25), ('performance_suggestions', 3);

-- api_key_encrypted holds AES-256-GCM under MODO_MASTER_KEY (nonce and ciphertext, base64); the key itself is
-- shown again only by its last four characters. An organization keeps one key per provider.
ALTER TABLE user_api_keys ADD COLUMN key_last_four VARCHAR(4) NOT NULL DEFAULT '';
ALTER TABLE user_api_keys ALTER COLUMN key_last_four DROP DEFAULT;
CREATE UNIQUE INDEX ux_user_api_keys_organization_provider ON user_api_keys (organization_id, provider) WHERE organization_id IS NOT NULL;
